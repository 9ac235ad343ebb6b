// Sentence splitter over the tokenizer's tokens. A sentence ends:
// - after . ! ? … (and any closing quotes or brackets) when the next token can start a sentence;
// - at a blank line, and at a line break unless the line is plainly hard-wrapped mid-sentence
//   (the line ends in a lowercase word or comma and the next starts in lowercase), so headlines
//   and subtitles without a full stop stand alone;
// - after MAX_SENTENCE_TOKENS tokens (bounded work for the parser on junk input).
// Abbreviations such as Mr. and Gen. never end a sentence; U.S. and Inc. end one only before
// a word that typically starts a sentence (The, He, In …).
import { ABBREVIATIONS } from './tokenize.ts';
import type { NlpToken } from './types.ts';

export const MAX_SENTENCE_TOKENS = 400;

/** Abbreviations that precede a name or number and so never end a sentence. */
const NEVER_FINAL = new Set(
  (
    'mr mrs ms dr prof st mt gen lt col maj capt sgt cpl adm cmdr gov sen rep rev hon pres amb ' +
    'atty supt insp no nos vol pp p fig vs e.g i.e cf messrs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

/** Words that commonly open a sentence: after "U.S." they mean a new sentence starts. */
const OPENERS = new Set(
  (
    'the a an this that these those it he she they we i you there here his her their its our my ' +
    'in on at for but and or so if when while after before as since although though however ' +
    'meanwhile also yet still then thus today yesterday tomorrow earlier later now what who why ' +
    'how where which both neither each every some many most no not one'
  ).split(' '),
);

const CLOSERS = new Set([...'"\'”’»)]}']);
/** What a token that ends a sentence ends with: a terminal (isTerminal) or an abbreviation's period. */
const TERMINALS = new Set([...'.!?…']);

/** Token index ranges [first, last) of the sentences of tokens, which cut text. */
export function splitSentences(text: string, tokens: NlpToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (!next) break;
    if (i + 1 - first >= MAX_SENTENCE_TOKENS || endsHere(text, tokens, i)) {
      out.push([first, i + 1]);
      first = i + 1;
    }
  }
  if (first < tokens.length) out.push([first, tokens.length]);
  return out;
}

function endsHere(text: string, tokens: NlpToken[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  for (let k = t.end; k < next.start; k++)
    if (text.charCodeAt(k) === 10) return lineBreakEnds(text.slice(t.end, next.start), t, next);
  // Most tokens neither end in a terminal or a period nor are a closing quote or bracket: only
  // those can end a sentence on the same line (below).
  if (!TERMINALS.has(t.text[t.text.length - 1]) && !CLOSERS.has(t.text[0])) return false;
  // Closing quotes/brackets after a terminal belong to the sentence before.
  if (CLOSERS.has(next.text[0]) && t.end === next.start && isTerminal(t.text)) return false;
  let k = i;
  // Walk back over closing quotes/brackets attached to what precedes them ("… see." Then).
  while (
    k > 0 &&
    CLOSERS.has(tokens[k].text[0]) &&
    tokens[k].text.length <= 2 &&
    tokens[k - 1].end === tokens[k].start
  )
    k--;
  const end = tokens[k].text;
  if (isTerminal(end)) return canStart(next.text);
  if (end.endsWith('.') && end.length > 1) {
    const abbr = end.slice(0, -1).toLowerCase();
    if (NEVER_FINAL.has(abbr)) return false;
    if (ABBREVIATIONS.has(abbr) || /^(?:\p{L}\.)+\p{L}$/u.test(abbr)) {
      // A single initial ("J.") is part of a name; U.S., Inc. end only before a typical opener.
      return abbr.length > 1 && OPENERS.has(next.text.toLowerCase());
    }
  }
  return false;
}

function isTerminal(token: string): boolean {
  return /^(?:[.!?…]+|[!?]+[.!?]*)$/.test(token);
}

function canStart(token: string): boolean {
  const c = token[0];
  return !/\p{Ll}/u.test(c) || token === 'i' || /^[a-z]+:\/\//.test(token);
}

function lineBreakEnds(gap: string, before: NlpToken, after: NlpToken): boolean {
  if (gap.indexOf('\n') !== gap.lastIndexOf('\n')) return true; // blank line
  const wrapped = /(?:\p{Ll}|,)$/u.test(before.text) && /^\p{Ll}/u.test(after.text);
  return !wrapped;
}
