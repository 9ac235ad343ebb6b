// Tokenizer: cuts text into the tokens the tagger and parser were trained on (the conventions of
// UD English-EWT), keeping exact UTF-16 offsets. Every token is a slice of the text
// (text === source.slice(start, end)), so any Unicode round-trips.
//
// Conventions (measured against EWT's own text with `npm run eval`):
// - clitics split off: do|n't, ca|n't, wo|n't, John|'s, I|'m, they|'re, we|'ve, I|'ll, he|'d;
//   cannot → can|not, gonna → gon|na, wanna → wan|na, gotta → got|ta;
// - abbreviations keep their period (Mr., Inc., U.S., e.g.); other final periods split off;
// - numbers keep their separators (1,000.50 · 11/28/2000 · 713-853-1234); $5 → $|5, 5% → 5|%,
//   5pm → 5|pm;
// - hyphenated compounds split (long|-|term) unless the first part is a prefix (e-mail, non-profit);
//   slashes between words split (and|/|or);
// - quotes and brackets are tokens of their own; URLs, e-mail addresses, @handles stay whole.
import type { NlpToken } from './types.ts';

/** No token is longer than this; a longer run of non-space is cut (bounded work on junk input). */
export const MAX_TOKEN_LENGTH = 256;

/** Abbreviations whose period belongs to the word (lower-cased, without the final period). */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cpl adm cmdr gov sen rep rev hon pres ' +
    'amb atty supt insp messrs mme mlle inc corp ltd co bros llc plc dept univ assn est govt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vol vols pp p fig figs ca approx vs etc al cf ibid viz op ed eds ave blvd rd hwy ' +
    'mass calif conn fla ill kan md mich minn miss mo neb nev okla ore pa tenn tex va wash wis ' +
    'a.m p.m e.g i.e u.s u.k u.n u.s.a e.u d.c n.y l.a'
  ).split(' '),
);

/** Prefixes that keep their hyphen in EWT (e-mail, non-profit, co-worker). */
const HYPHEN_PREFIXES = new Set(
  (
    'e non mid pre anti re post co over pro multi ex sub semi neo cross psycho inter intra ' +
    'counter ultra micro macro mini bi tri un de quasi pseudo vice'
  ).split(' '),
);

const LEADING = new Set([...'"\'“”‘’«»‹›([{<`¿¡*—–']);
const TRAILING = new Set([...'"\'“”‘’«»‹›)]}>,;:!?…*—–']);
const CURRENCY = new Set([...'$£€¥₹₽']);
const APOSTROPHES = new Set(["'", '’']);

const URL =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s]+|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+|^[@#][A-Za-z_]\w*/i;
const CLITIC = /^(.+?)([nN]['’][tT]|['’](?:[sS]|[mM]|[dD]|[lL][lL]|[rR][eE]|[vV][eE]))$/;
// A Map, not an object: "constructor" or "toString" must not find Object.prototype's members.
const FUSED: ReadonlyMap<string, number> = new Map([
  ['cannot', 3],
  ['gonna', 3],
  ['wanna', 3],
  ['gotta', 3],
]);
const NUMBER = /^[+-]?\d[\d,.:/-]*$/;
const TIME_UNIT = /^(\d+(?:[:.]\d+)?)(am|pm|a\.m\.|p\.m\.)$/i;

function isSpace(c: number): boolean {
  // Whitespace, C0/C1 controls (NUL included), zero-width space/joiners and BOM separate tokens.
  return (
    c <= 0x20 ||
    (c >= 0x7f && c <= 0xa0) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Tokens of text[from, to) in order, with offsets into text. */
export function tokenize(text: string, from = 0, to = text.length): NlpToken[] {
  const out: NlpToken[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    while (j < to && !isSpace(text.charCodeAt(j))) j++;
    // Bounded work: an enormous run without spaces is cut into fixed pieces.
    if (j - i > MAX_TOKEN_LENGTH * 4) {
      for (let a = i; a < j;) {
        let b = Math.min(a + MAX_TOKEN_LENGTH, j);
        if (b < j && isLowSurrogate(text.charCodeAt(b))) b--;
        out.push({ text: text.slice(a, b), start: a, end: b });
        a = b;
      }
    } else chunk(text, i, j, out);
    i = j;
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function push(text: string, start: number, end: number, out: NlpToken[]): void {
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/** One whitespace-delimited chunk text[a, b). */
function chunk(text: string, a: number, b: number, out: NlpToken[]): void {
  const tail: NlpToken[] = []; // trailing punctuation, peeled from the end, pushed in reverse
  // Leading punctuation (a lone clitic like 's after a space is a word, not a quote).
  while (a < b && LEADING.has(text[a]) && !isCliticAt(text, a, b)) {
    let e = a + 1;
    while (e < b && text[e] === text[a]) e++; // `` '' ** stay one token
    push(text, a, e, out);
    a = e;
  }
  if (a >= b) return;
  const url = mayBeUrl(text, a, b) ? URL.exec(text.slice(a, b)) : null;
  if (url) {
    let e = a + url[0].length;
    while (e > a + 1 && /[.,;:!?'"”’)\]]/.test(text[e - 1]) && !balancedParen(text, a, e)) e--;
    push(text, a, e, out);
    if (e < b) chunk(text, e, b, out);
    return;
  }
  // Trailing punctuation and periods.
  for (;;) {
    if (b <= a) break;
    const c = text[b - 1];
    if (TRAILING.has(c)) {
      if (c === ')' && opensInside(text, a, b - 1)) break;
      let s = b - 1;
      while (s > a && text[s - 1] === c) s--;
      tail.push({ text: text.slice(s, b), start: s, end: b });
      b = s;
      continue;
    }
    if (c === '.') {
      let s = b - 1;
      while (s > a && text[s - 1] === '.') s--;
      if (b - s === 1 && keepsPeriod(text, a, b)) break;
      tail.push({ text: text.slice(s, b), start: s, end: b });
      b = s;
      continue;
    }
    break;
  }
  if (b > a) word(text, a, b, out);
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]);
}

/**
 * Whether URL can match text[a, b): only with a colon (scheme://) or an @ in it, or starting with
 * # or www. — most chunks are plain words, and the regex on a slice costs more than this scan.
 */
function mayBeUrl(text: string, a: number, b: number): boolean {
  const c = text.charCodeAt(a);
  if (c === 35 || ((c === 119 || c === 87) && text.slice(a, a + 4).toLowerCase() === 'www.'))
    return true; // # www.
  for (let k = a; k < b; k++) {
    const d = text.charCodeAt(k);
    if (d === 58 || d === 64) return true; // : @
  }
  return false;
}

function isCliticAt(text: string, a: number, b: number): boolean {
  if (!APOSTROPHES.has(text[a])) return false;
  const rest = text
    .slice(a + 1, b)
    .toLowerCase()
    .replace(/[.,;:!?"”)]+$/, '');
  return (
    rest === 's' || rest === 'm' || rest === 'd' || rest === 'll' || rest === 're' || rest === 've'
  );
}

function balancedParen(text: string, a: number, e: number): boolean {
  if (text[e - 1] !== ')') return false;
  return opensInside(text, a, e - 1);
}

function opensInside(text: string, a: number, b: number): boolean {
  let depth = 0;
  for (let k = a; k < b; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')') depth--;
  }
  return depth > 0;
}

/** Does the final period of text[a, b) belong to the word? */
function keepsPeriod(text: string, a: number, b: number): boolean {
  const w = text.slice(a, b - 1);
  if (w.length === 0) return false;
  const lower = w.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // U.S. · e.g. · J. (initials) · A.B.C.
  if (/^(?:\p{L}\.)*\p{L}$/u.test(w) && (w.length === 1 || w.includes('.'))) return true;
  return false;
}

/** The core of a chunk, punctuation peeled: clitics, hyphens, slashes, currency, units. */
function word(text: string, a: number, b: number, out: NlpToken[]): void {
  const w = text.slice(a, b);
  const fused = w.length === 5 || w.length === 6 ? FUSED.get(w.toLowerCase()) : undefined;
  if (fused) {
    push(text, a, a + fused, out);
    push(text, a + fused, b, out);
    return;
  }
  // Most words are ASCII letters only, which no rule below cuts.
  if (asciiLetters(w)) {
    if (b > a) out.push({ text: w, start: a, end: b });
    return;
  }
  // Currency before a number: $5 · US$5 stays as written when the symbol is inside a word.
  if (CURRENCY.has(w[0]) && w.length > 1) {
    push(text, a, a + 1, out);
    word(text, a + 1, b, out);
    return;
  }
  if (w.length > 1 && w.endsWith('%') && /\d/.test(w[w.length - 2])) {
    word(text, a, b - 1, out);
    push(text, b - 1, b, out);
    return;
  }
  const time = TIME_UNIT.exec(w);
  if (time) {
    push(text, a, a + time[1].length, out);
    push(text, a + time[1].length, b, out);
    return;
  }
  if (NUMBER.test(w)) {
    push(text, a, b, out);
    return;
  }
  const clitic = CLITIC.exec(w);
  if (clitic) {
    const host = clitic[1];
    const hostEnd = a + host.length;
    word(text, a, hostEnd, out);
    push(text, hostEnd, b, out);
    return;
  }
  // Inner punctuation: -- and ... and … between words, letters/letters slashes, word,word.
  for (let k = a + 1; k < b - 1; k++) {
    const c = text[k];
    if (c === '-' && text[k + 1] === '-') {
      let e = k;
      while (e < b && text[e] === '-') e++;
      word(text, a, k, out);
      push(text, k, e, out);
      if (e < b) word(text, e, b, out);
      return;
    }
    if (c === '.' && text[k + 1] === '.') {
      let e = k;
      while (e < b && text[e] === '.') e++;
      word(text, a, k, out);
      push(text, k, e, out);
      if (e < b) chunk(text, e, b, out);
      return;
    }
    if (c === '…' || c === '—' || c === '–' || c === ';' || c === '!' || c === '?' || c === '"') {
      word(text, a, k, out);
      push(text, k, k + 1, out);
      chunk(text, k + 1, b, out);
      return;
    }
    if ((c === '/' || c === ',') && !(isDigit(text, k - 1) && isDigit(text, k + 1))) {
      word(text, a, k, out);
      push(text, k, k + 1, out);
      chunk(text, k + 1, b, out);
      return;
    }
    if (c === '(' || c === ')') {
      // "(s)" and "function()" keep their brackets; "word(word" splits.
      if (/^\(s\)/i.test(text.slice(k, k + 3))) continue;
      word(text, a, k, out);
      push(text, k, k + 1, out);
      chunk(text, k + 1, b, out);
      return;
    }
  }
  const hyphen = w.indexOf('-');
  if (hyphen > 0 && hyphen < w.length - 1 && /\p{L}/u.test(w)) {
    const part = w.slice(0, hyphen);
    // A prefix is written in lower case (un-American), not as an acronym (UN-led).
    const prefix = HYPHEN_PREFIXES.has(part.toLowerCase()) && part !== part.toUpperCase();
    if (!prefix && !/\d/.test(w)) {
      word(text, a, a + hyphen, out);
      push(text, a + hyphen, a + hyphen + 1, out);
      word(text, a + hyphen + 1, b, out);
      return;
    }
  }
  push(text, a, b, out);
}

function asciiLetters(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k) | 32; // lower-cased if a letter
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function isDigit(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}
