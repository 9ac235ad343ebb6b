// What the dependency parse and the surface tell about a mention's place in its clause, for
// resolve's stages: the token heading its phrase, whether it is a subject, which mentions form
// one list (in the parse, or on the surface where the parse split it).
import type { Doc, Mention } from '../model.ts';

/** Relations by which a name hangs off its title or phrase ("Secretary of State John Kerry"). */
const NAME_PARTS = new Set(['flat', 'appos', 'compound', 'nmod:desc', 'nmod']);

/** Relations that join the members of a list: the parser (feature cutoff k = 2) often attaches
 * the later names of a long list as `list` rather than `conj`. */
const LIST_LINKS = new Set(['conj', 'list']);

/** Is the mention the subject of its clause in the parse (a token heading it is nsubj)? */
export function isSubject(doc: Doc, m: Mention): boolean {
  return subjectToken(doc, m) >= 0;
}

/** The nsubj token that heads the mention, or -1: "Secretary of State John Kerry": the name
 * hangs off its title, which is the subject; "The members of the Council": off its head noun. */
export function subjectToken(doc: Doc, m: Mention): number {
  for (let k = m.first; k < m.last; k++) {
    let t = doc.tokens[k];
    if (t.head >= m.first && t.head < m.last) continue;
    for (let up = 0; up < 4 && NAME_PARTS.has(t.deprel) && t.head >= 0; up++)
      t = doc.tokens[t.head];
    if (t.deprel.startsWith('nsubj')) return t.index;
  }
  return -1;
}

/** The token heading a mention's phrase: its last word, then up through its title ("President X"). */
export function phraseHead(doc: Doc, m: Mention): number {
  let k = m.last - 1;
  for (let up = 0; up < 4 && NAME_PARTS.has(doc.tokens[k].deprel) && doc.tokens[k].head >= 0; up++)
    k = doc.tokens[k].head;
  return k;
}

/** The first member of the list the token belongs to (itself when it is in none). */
export function listHead(doc: Doc, k: number): number {
  for (let up = 0; up < 12 && LIST_LINKS.has(doc.tokens[k].deprel); up++) k = doc.tokens[k].head;
  return k;
}

/** A word of a title: capitalised, or a lower-case link before one ("Head of the Border Unit"). */
export function titleWord(doc: Doc, k: number): boolean {
  if (doc.tokens[k].cap) return true;
  let j = k;
  while (TITLE_LINKS.has(doc.tokens[j]?.lower ?? '')) j++;
  return j > k && !!doc.tokens[j]?.cap && doc.tokens[j].sentence === doc.tokens[k].sentence;
}

/** Lower-case words inside a title ("Secretary of Finance", "Head of the Border Unit"). */
const TITLE_LINKS = new Set(['of', 'the', 'for', 'on']);

/** Words that close a list of people with a group ("…, as well as other senior X officials"). */
const GROUP_LINKS = new Set(['as', 'well', 'along', 'together', 'with', 'other', 'the', 'their']);

/** Only commas, "and" or "or", each followed by a title's words, stand between two mentions of
 * one sentence ("President A, Foreign Secretary B, and Secretary of Finance C"); before a group,
 * also the words that add it to the list ("…, along with senior X officials"). A group opens
 * the title of the person after it ("X Navy Rear Admiral and Undersecretary C"). */
export function listedAfter(doc: Doc, before: Mention, m: Mention): boolean {
  if (before.sentence !== m.sentence || before.last > m.first) return false;
  const group = m.actor?.kind === 'group';
  let separated = before.actor?.kind === 'group';
  for (let k = before.last; k < m.first; k++) {
    const t = doc.tokens[k];
    if (t.text === ',' || t.lower === 'and' || t.lower === 'or') separated = true;
    else if (!separated) return false;
    else if (titleWord(doc, k)) continue;
    else if (!group || !(GROUP_LINKS.has(t.lower) || t.pos === 'ADJ')) return false;
  }
  return separated;
}
