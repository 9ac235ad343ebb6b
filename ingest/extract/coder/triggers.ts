// What a token triggers: a verb by Parley's lexicon, then by PETRARCH2's CAMEO patterns; an event
// noun by itself or carried by a light verb ("held talks", "imposed sanctions").
import type { PloverCategory } from '../../../domain/index.ts';
import { cameoCoding, cameoLemma } from '../dictionaries/index.ts';
import {
  ADVISORY_HAZARDS,
  CONTAINERS,
  EVENT_NOUNS,
  LABOUR_STRIKE,
  LIGHT_VERBS,
  MILITARY_STRIKE,
  PAIRS,
  VERBS,
} from '../events/lexicon.ts';
import { base, caseOf, childrenBy, span, words, type Tree } from './tree.ts';

export interface Sense {
  type: PloverCategory;
  mode: string | null;
  /** The token that names the event: the verb, or the noun a light verb carries. */
  at: number;
  noun: boolean;
}

/** "strike": military where it hits something or someone strikes, labour where it is held. */
function strikeSense(t: Tree, i: number): PloverCategory {
  for (const c of t.children[i]) {
    const w = t.tokens[c].lemma.toLowerCase();
    if (LABOUR_STRIKE.has(w)) return 'PROTEST';
    if (MILITARY_STRIKE.has(w)) return 'ASSAULT';
    if (['against', 'on', 'in'].includes(caseOf(t, c))) return 'ASSAULT';
    const owner = t.actorAt[c];
    if (owner && (owner.startsWith('state:') || /-MIL$/.test(owner))) return 'ASSAULT';
  }
  return 'PROTEST';
}

/** "a phone call between A and B" is a consultation, not a call for something. */
const PHONE = new Set(['phone', 'telephone', 'video', 'conference']);

/** What the container noun at i holds: its noun compound or its "of" phrase (CONTAINERS). */
function heldBy(t: Tree, i: number): { at: number; compound: boolean } | null {
  if (!CONTAINERS.has(t.tokens[i].lemma.toLowerCase())) return null;
  for (const c of t.children[i]) {
    if (t.tokens[c].deprel === 'compound' && t.tokens[c].upos === 'NOUN')
      return { at: c, compound: true };
    if (base(t.tokens[c].deprel) === 'nmod' && caseOf(t, c) === 'of')
      return { at: c, compound: false };
  }
  return null;
}

/**
 * A warning is a threat only when given to a party ("issued a warning to South Korea"). One that
 * names a hazard ("a travel warning") or goes to people described by what they do ("to Americans
 * travelling to Iran") is an advisory. Both coders ask this (the light-verb path too).
 */
export function advisory(t: Tree, i: number): boolean {
  let party = false;
  for (const c of t.children[i]) {
    const tok = t.tokens[c];
    if (tok.deprel === 'compound' && ADVISORY_HAZARDS.has(tok.lemma.toLowerCase())) return true;
    const described =
      t.children[c].some((d) => t.tokens[d].deprel === 'acl') || t.tokens[c + 1]?.upos === 'VERB';
    if (caseOf(t, c) === 'to' && !described) party = true;
  }
  return !party;
}

export function nounSense(t: Tree, i: number): Sense | null {
  const tok = t.tokens[i];
  // A container is the event its compound names ("the EU's sanctions package"), which it then
  // carries; its "of" phrase is an event of its own ("its package of sanctions against Russia",
  // whose possessor the noun takes from the container).
  if (tok.deprel === 'compound' && tok.head >= 0 && heldBy(t, tok.head)?.at === i) return null;
  const held = heldBy(t, i);
  if (held) {
    const content = ownSense(t, held.at);
    return held.compound && content ? { ...content, at: i } : null;
  }
  return ownSense(t, i);
}

/** The sense of an event noun by itself. */
function ownSense(t: Tree, i: number): Sense | null {
  const tok = t.tokens[i];
  if (tok.upos !== 'NOUN' && tok.upos !== 'PROPN') return null;
  const lemma = tok.lemma.toLowerCase();
  const n = EVENT_NOUNS.get(lemma);
  if (!n) return null;
  if (lemma === 'warning' && advisory(t, i)) return null;
  if (lemma === 'call' && t.children[i].some((c) => PHONE.has(t.tokens[c].lemma.toLowerCase())))
    return { type: 'CONSULT', mode: 'phone', at: i, noun: true };
  const type = lemma === 'strike' ? strikeSense(t, i) : n.type;
  return { type, mode: n.mode ?? null, at: i, noun: true };
}

/** Words of the verb's own phrase after it (objects, prepositional phrases), for `needs`/`objects`. */
function after(t: Tree, v: number): { lower: string; lemma: string }[] {
  const [, last] = span(t, v, true);
  return words(t, v + 1, Math.min(last, v + 12));
}

function subjectWords(t: Tree, v: number): { lower: string; lemma: string }[] {
  const subj = childrenBy(t, v, 'nsubj')[0];
  if (subj === undefined) return [];
  const [first, last] = span(t, subj);
  return words(t, first, last);
}

export function verbLemma(t: Tree, v: number): string {
  const tok = t.tokens[v];
  const lemma = tok.lemma.toLowerCase();
  if (VERBS.get(lemma) || LIGHT_VERBS.has(lemma)) return lemma;
  return cameoLemma(tok.text.toLowerCase(), lemma) ?? lemma;
}

export function verbSense(t: Tree, v: number): Sense | null {
  const tok = t.tokens[v];
  if (tok.upos !== 'VERB') return null;
  const lemma = verbLemma(t, v);
  const ws = after(t, v);
  for (const sense of VERBS.get(lemma) ?? []) {
    if (sense.needs && !ws.slice(0, 4).some((w) => sense.needs?.includes(w.lower))) continue;
    if (
      sense.objects &&
      !ws.some((w) => sense.objects?.includes(w.lemma) || sense.objects?.includes(w.lower))
    )
      continue;
    return { type: sense.type, mode: sense.mode ?? null, at: v, noun: false };
  }
  if (LIGHT_VERBS.has(lemma)) {
    // The object carries the event; in the passive it is the subject ("sanctions were imposed").
    for (const o of childrenBy(t, v, 'obj', 'nsubj:pass')) {
      const noun = nounSense(t, o);
      if (!noun) continue;
      const pair = PAIRS.get(`${lemma} ${t.tokens[o].lemma.toLowerCase()}`);
      return pair ? { ...noun, type: pair.type, mode: pair.mode ?? null } : noun;
    }
  }
  const coded = cameoCoding(lemma, ws, subjectWords(t, v));
  if (coded) return { type: coded.type, mode: coded.mode, at: v, noun: false };
  return null;
}

/** Is the verb passive ("was detained", "are being designated")? */
export const isPassive = (t: Tree, v: number): boolean =>
  t.children[v].some(
    (c) => t.tokens[c].deprel === 'aux:pass' || t.tokens[c].deprel === 'nsubj:pass',
  );

export const rel = (t: Tree, i: number): string => base(t.tokens[i].deprel);
