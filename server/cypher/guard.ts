// The console's first line of defence: refuse what must never run, before Neo4j sees it.
// The second line is Neo4j itself: every console query runs in a READ transaction, where any
// write is refused by the database. The checks read the query with comments, string literals and
// quoted names blanked out, so neither a keyword hidden in a comment nor a string that merely
// contains "LOAD CSV" changes the verdict.

/** Comments, string literals and backtick-quoted names replaced by spaces of the same length. */
export function blankLiterals(query: string): string {
  let out = '';
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i];
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      const end = query.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      // Strings end at the matching unescaped quote; names in backticks double the backtick.
      let j = i + 1;
      while (j < n) {
        if (c !== '`' && query[j] === '\\') j += 2;
        else if (query[j] === c && c === '`' && query[j + 1] === '`') j += 2;
        else if (query[j] === c) break;
        else j++;
      }
      const stop = Math.min(j + 1, n);
      const inner = query.slice(i + 1, stop - 1);
      if (c === '`' && /^[\w.]+$/.test(inner)) {
        // `dbms`.x is still the dbms namespace: plain names keep their text.
        out += ` ${inner} `;
      } else {
        // Other quoted names stay names (so `x y`.prop is a property access), but opaque.
        out += c === '`' ? 'q' + ' '.repeat(stop - i - 1) : ' '.repeat(stop - i);
      }
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface Rule {
  pattern: RegExp;
  why: string;
}

// A keyword: not part of a longer name, not a property (.set), label (:Set), parameter ($set)
// or map key ({set: 1}).
const kw = (words: string) => new RegExp(`(?<![\\w.:$])${words}(?![\\w])(?!\\s*:(?!:))`, 'i');
const prefix = (words: string) => new RegExp(`(?<![\\w.:$])${words}`, 'i');

const RULES: Rule[] = [
  { pattern: kw('LOAD\\s+CSV'), why: 'LOAD CSV is not allowed in the console' },
  {
    pattern: prefix('CALL\\s+dbms\\s*\\.'),
    why: 'dbms.* procedures are not allowed in the console',
  },
  {
    pattern: kw('IN\\s+(?:\\d+\\s+)?(?:CONCURRENT\\s+)?TRANSACTIONS'),
    why: 'CALL { … } IN TRANSACTIONS is not allowed in the console',
  },
  {
    pattern: kw(
      '(?:CREATE|DROP)(?:\\s+OR\\s+REPLACE)?(?:\\s+\\w+){0,3}?\\s+(?:INDEX|CONSTRAINT|DATABASE|ALIAS|USER|ROLE)',
    ),
    why: 'schema and administration commands are not allowed in the console',
  },
  {
    pattern: kw('(?:GRANT|DENY|REVOKE|ALTER|RENAME|TERMINATE|DEALLOCATE|REALLOCATE)'),
    why: 'administration commands are not allowed in the console',
  },
  {
    pattern: kw('(?:START|STOP)\\s+DATABASE'),
    why: 'administration commands are not allowed in the console',
  },
  {
    pattern: kw('ENABLE\\s+SERVER'),
    why: 'administration commands are not allowed in the console',
  },
  {
    pattern: kw(
      'SHOW(?:\\s+\\w+){0,3}?\\s+(?:USERS?|ROLES?|PRIVILEGES?|SERVERS?|ALIAS(?:ES)?|SETTINGS?|TRANSACTIONS?)',
    ),
    why: 'administration commands are not allowed in the console',
  },
  { pattern: kw('USE\\s+system'), why: 'the system database is not available in the console' },
  {
    pattern: kw('(?:CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)'),
    why: 'the console is read-only: CREATE, MERGE, SET, DELETE, REMOVE and FOREACH are not allowed',
  },
];

/** Why the query is refused, or null when it may run (in a READ transaction). */
export function refusal(query: string): string | null {
  const code = blankLiterals(query);
  for (const rule of RULES) if (rule.pattern.test(code)) return rule.why;
  return null;
}
