// A dependency tree over one parsed sentence: children by relation, phrases, and the actors a
// phrase names. The coder asks these questions; nothing here knows about events.
import type { ParsedSentence, ParsedToken } from '../../nlp/types.ts';

/** An actor (or resolved pronoun) mentioned in the sentence, by UTF-16 offsets. */
export interface ActorSpan {
  start: number;
  end: number;
  id: string;
}

export interface Tree {
  s: ParsedSentence;
  tokens: ParsedToken[];
  children: number[][];
  /** The actor a token belongs to (the mention covering it), or null. */
  actorAt: (string | null)[];
  /** Tokens that head an actor mention (the mention's token whose head lies outside it). */
  headOf: Map<number, string>;
}

export function tree(s: ParsedSentence, actors: ActorSpan[]): Tree {
  const tokens = s.tokens;
  const children: number[][] = tokens.map(() => []);
  tokens.forEach((t, i) => {
    if (t.head >= 0 && t.head < tokens.length && t.head !== i) children[t.head].push(i);
  });
  const actorAt: (string | null)[] = tokens.map(() => null);
  const spanAt: (ActorSpan | null)[] = tokens.map(() => null);
  for (const a of actors) {
    if (a.end <= s.start || a.start >= s.end) continue;
    tokens.forEach((t, i) => {
      if (t.start >= a.start && t.end <= a.end && !spanAt[i]) {
        actorAt[i] = a.id;
        spanAt[i] = a;
      }
    });
  }
  const headOf = new Map<number, string>();
  tokens.forEach((t, i) => {
    const a = spanAt[i];
    if (!a) return;
    const h = t.head >= 0 ? spanAt[t.head] : null;
    if (h !== a) headOf.set(i, a.id);
  });
  return { s, tokens, children, actorAt, headOf };
}

/** The base relation without its subtype ("obl:agent" → "obl"). */
export const base = (deprel: string): string => deprel.split(':')[0];

export function childrenBy(t: Tree, i: number, ...rels: string[]): number[] {
  return t.children[i].filter(
    (c) => rels.includes(t.tokens[c].deprel) || rels.includes(base(t.tokens[c].deprel)),
  );
}

/** The case marker or preposition of a nominal ("to", "against", "according to"). */
export function caseOf(t: Tree, i: number): string {
  const c = t.children[i].filter(
    (k) => t.tokens[k].deprel === 'case' || t.tokens[k].deprel === 'mark',
  );
  if (c.length) return c.map((k) => t.tokens[k].text.toLowerCase()).join(' ');
  // A preposition the parser hung on a modifier ("against [Islamic Jihad] positions" with
  // "against" under "Jihad") still opens the phrase: its first word, a case marker, is it.
  const first = t.children[i][0];
  if (first === undefined || first > i) return '';
  const [from] = span(t, first);
  const p = t.tokens[from];
  return from < i && p.deprel === 'case' && p.upos === 'ADP' ? p.text.toLowerCase() : '';
}

/** Relations that open a clause of their own: the actors inside it are not the phrase's. */
const CLAUSAL = new Set(['acl', 'advcl', 'ccomp', 'xcomp', 'parataxis', 'csubj', 'conj', 'cc']);

/**
 * The actors a nominal phrase headed by i names: the mention it heads or sits in; else the
 * actors in its modifiers ("Russian troops", "the Government of Ethiopia", "Israel's army");
 * coordinated phrases add theirs ("Egypt and Qatar").
 */
export function actorsOf(t: Tree, i: number, withConj = true): string[] {
  const out: string[] = [];
  const add = (id: string | null) => {
    if (id && !out.includes(id)) out.push(id);
  };
  const own = t.actorAt[i];
  if (own) add(own);
  else {
    // Modifiers nearest the head first: the possessor, the adjective, a compound, "of X".
    const mods = t.children[i].filter((c) => {
      const r = t.tokens[c].deprel;
      return (
        r === 'nmod:poss' ||
        r === 'amod' ||
        r === 'compound' ||
        r === 'flat' ||
        r === 'appos' ||
        (base(r) === 'nmod' && ['of', 'from'].includes(caseOf(t, c)))
      );
    });
    for (const c of mods) for (const id of actorsOf(t, c, false)) add(id);
  }
  if (withConj)
    for (const c of t.children[i])
      if (t.tokens[c].deprel === 'conj' && !CLAUSAL.has(t.tokens[c].upos)) {
        const u = t.tokens[c].upos;
        if (u === 'NOUN' || u === 'PROPN' || u === 'PRON') for (const id of actorsOf(t, c)) add(id);
      }
  return out;
}

/** Token range [first, last) of i's subtree, leaving out clausal dependents when asked. */
export function span(t: Tree, i: number, phraseOnly = false): [number, number] {
  let first = i;
  let last = i + 1;
  const stack = [i];
  while (stack.length) {
    const k = stack.pop() as number;
    if (k < first) first = k;
    if (k + 1 > last) last = k + 1;
    for (const c of t.children[k]) {
      if (phraseOnly && k === i && CLAUSAL.has(base(t.tokens[c].deprel))) continue;
      stack.push(c);
    }
  }
  return [first, last];
}

/** Lower-case words and lemmas of a token range, for dictionary patterns. */
export function words(t: Tree, first: number, last: number): { lower: string; lemma: string }[] {
  const out: { lower: string; lemma: string }[] = [];
  for (let k = first; k < last; k++) {
    const tok = t.tokens[k];
    if (tok.upos === 'PUNCT' || tok.upos === 'DET') continue;
    out.push({ lower: tok.text.toLowerCase(), lemma: tok.lemma.toLowerCase() });
  }
  return out;
}
