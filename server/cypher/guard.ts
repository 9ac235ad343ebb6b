// The console's fast first filter: refuse the obviously forbidden before Neo4j plans anything.
// It is not what keeps the console read-only: that is the plan check (plan-check.ts), where Neo4j
// itself says what the query would do, and the READ transaction it then runs in. This filter
// reads the query as Neo4j's lexer does — every Cypher whitespace and comment form counted as a
// space, string literals and quoted names blanked — so neither a keyword split by U+001C nor one
// hidden behind a comment that ends at '\r' slips through, and a quoted name such as `set` or
// :`CREATE` is a name, not a keyword.

/**
 * Every character Neo4j's Cypher lexer treats as whitespace, and a little more: the ASCII
 * separators U+001C–U+001F, NEL, the Unicode space separators and line/paragraph separators.
 * Counting one too many only makes the filter stricter, never weaker.
 */
// eslint-disable-next-line no-control-regex -- U+001C–U+001F are the point: Neo4j reads them as spaces
const SPACE = /[\s\u001c-\u001f\u0085\u180e\u200b\ufeff]/u;
/** A `//` comment ends at a line break; ending it at the Unicode ones too only makes the filter stricter. */
const LINE_END = /[\n\r\u0085\u2028\u2029]/u;

/**
 * The query as its tokens: comments, string literals and backtick-quoted names replaced by
 * spaces (a quoted name by an opaque `q`), every whitespace by a plain space.
 */
export function blankLiterals(query: string): string {
  let out = '';
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i];
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      let stop = i + 2;
      while (stop < n && !LINE_END.test(query[stop])) stop++;
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
      if (c === '`' && /^\w+$/.test(inner) && /^\s*\./u.test(query.slice(stop, stop + 64))) {
        // `dbms`.x is still the dbms namespace: a plain name before a dot keeps its text.
        out += ` ${inner} `;
      } else {
        // Other quoted names stay names (so `x y`.prop is a property access), but opaque ones:
        // :`CREATE` is a label and AS `set` a column, not keywords.
        out += c === '`' ? 'q' + ' '.repeat(stop - i - 1) : ' '.repeat(stop - i);
      }
      i = stop;
    } else {
      out += SPACE.test(c) ? ' ' : c;
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
// or map key ({set: 1}). Whitespace is already plain spaces here.
const kw = (words: string) => new RegExp(`(?<![\\w.:$])${words}(?![\\w])(?! *:(?!:))`, 'i');
const prefix = (words: string) => new RegExp(`(?<![\\w.:$])${words}`, 'i');

const ADMIN = 'administration commands are not allowed in the console';

const RULES: Rule[] = [
  { pattern: /;\s*\S/, why: 'one statement at a time: the console runs a single query' },
  {
    pattern: /^\s*(?:CYPHER\b[^A-Za-z]*(?:\w+ *= *\w+ *)*)?(?:EXPLAIN|PROFILE)\b/i,
    why: 'EXPLAIN and PROFILE are not available in the console: run the query itself',
  },
  { pattern: kw('LOAD +CSV'), why: 'LOAD CSV is not allowed in the console' },
  { pattern: prefix('dbms *\\.'), why: 'dbms.* procedures are not allowed in the console' },
  {
    pattern: kw('IN +(?:\\d+ +)?(?:CONCURRENT +)?TRANSACTIONS'),
    why: 'CALL { … } IN TRANSACTIONS is not allowed in the console',
  },
  {
    pattern: kw(
      '(?:CREATE|DROP)(?: +OR +REPLACE)?(?: +\\w+){0,3}? +(?:INDEX|CONSTRAINT|DATABASE|ALIAS|USER|ROLE)',
    ),
    why: 'schema and administration commands are not allowed in the console',
  },
  {
    pattern: kw('(?:GRANT|DENY|REVOKE|ALTER|RENAME|TERMINATE|DEALLOCATE|REALLOCATE)'),
    why: ADMIN,
  },
  { pattern: kw('(?:START|STOP) +DATABASE'), why: ADMIN },
  { pattern: kw('ENABLE +SERVER'), why: ADMIN },
  {
    pattern: kw(
      'SHOW(?: +\\w+){0,3}? +(?:USERS?|ROLES?|PRIVILEGES?|SERVERS?|ALIAS(?:ES)?|SETTINGS?|TRANSACTIONS?|DATABASES?)',
    ),
    why: ADMIN,
  },
  {
    // USE opens a query, a subquery or a UNION branch.
    pattern:
      /(?:^ *(?:CYPHER\b[^A-Za-z]*(?:\w+ *= *\w+ *)*)?|\{ *|(?<![\w.:$])UNION(?: +ALL)? +)USE +[\w`]/i,
    why: 'the console reads the configured database only (no USE)',
  },
  {
    pattern: kw('(?:CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)'),
    why: 'the console is read-only: CREATE, MERGE, SET, DELETE, REMOVE and FOREACH are not allowed',
  },
];

/** Brackets nested deeper than this make Neo4j's parser spin or overflow its stack. */
export const MAX_NESTING = 64;

function nesting(code: string): number {
  let depth = 0;
  let max = 0;
  for (const c of code) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return max;
}

/** Why the query is refused, or null when it may go on to the plan check. */
export function refusal(query: string): string | null {
  const code = blankLiterals(query);
  if (nesting(code) > MAX_NESTING) {
    return `the query nests brackets deeper than ${MAX_NESTING} levels`;
  }
  for (const rule of RULES) if (rule.pattern.test(code)) return rule.why;
  return null;
}
