// Nominal events: an event noun with arguments of its own in the parse, where no verb of the
// sentence triggered it ("Israeli strikes against Islamic Jihad positions", "a phone call between
// Harris and López Obrador", "rocket attacks launched by the group", "a ceasefire between Israel
// and the militants"). The noun senses and their arguments are the parse coder's (`coder/`).
import type { PloverCategory } from '../../../domain/index.ts';
import { nounEvent } from '../coder/events.ts';
import { nounSense } from '../coder/triggers.ts';
import { tree, type ActorSpan, type Tree } from '../coder/tree.ts';
import type { SentenceView } from '../syntax.ts';
import type { Token } from '../model.ts';
import { CONTAINERS, EVENT_NOUNS } from './lexicon.ts';

export interface NominalEvent {
  /** The event noun and the phrase it heads, document token indices ([first, last)). */
  at: number;
  first: number;
  last: number;
  type: PloverCategory;
  mode: string | null;
  actors: string[];
  recipients: string[];
}

/**
 * Nouns that name a standing state or a wish rather than an act when they stand alone
 * ("US-PRC relations", "their political demands", "a call for calm" without a verb).
 */
const STANDING = new Set([
  'relation',
  'tie',
  'relationship',
  'demand',
  'appeal',
  'call',
  'request',
  'step',
  'plan',
]);

/**
 * Verbs that judge what an event noun would be rather than report it: "networks that pose a
 * threat to the United States", "a danger that represents an attack on …".
 */
const ASSESSING = new Set(['pose', 'represent', 'constitute', 'present']);

/** Is the noun at i the object of an assessing verb, or described by one ("the threat posed by")? */
const assessed = (t: Tree, i: number): boolean => {
  const h = t.tokens[i].head;
  if (h >= 0 && t.tokens[i].deprel === 'obj' && ASSESSING.has(t.tokens[h].lemma.toLowerCase()))
    return true;
  return t.children[i].some(
    (c) => t.tokens[c].deprel === 'acl' && ASSESSING.has(t.tokens[c].lemma.toLowerCase()),
  );
};

/** "a press release", "a news conference": a publication, not a release or a meeting. */
const pressRelease = (t: Tree, i: number): boolean =>
  t.children[i].some((c) => ['press', 'news'].includes(t.tokens[c].lemma.toLowerCase()));

/** The sentence as the parse coder's tree, with the actors its mentions name. It reads the NLP
 * core's own parse of the sentence (kept by segment), not a copy made from the document tokens. */
export function sentenceTree(v: SentenceView): Tree {
  const spans: ActorSpan[] = [];
  for (const m of v.startAt.values())
    if (m.id) spans.push({ start: m.start, end: m.end, id: m.id });
  return tree(v.doc.parsed[v.s.index], spans);
}

/**
 * Can the token head a nominal event? nounSense finds one only for an event noun or a container
 * (CONTAINERS): most sentences have neither, and need no tree.
 */
function eventNounCandidate(t: Token): boolean {
  const lemma = t.lemma.toLowerCase();
  return EVENT_NOUNS.get(lemma) !== undefined || CONTAINERS.has(lemma);
}

/**
 * Event nouns of a sentence with at least one participant, leaving out the tokens a verb's
 * trigger already covers (`taken`: "held talks", "imposed sanctions").
 */
export function nominalEvents(v: SentenceView, taken: Set<number>): NominalEvent[] {
  const out: NominalEvent[] = [];
  let candidate = false;
  for (let k = v.s.first; k < v.s.last && !candidate; k++)
    candidate = !taken.has(k) && eventNounCandidate(v.tokens[k]);
  if (!candidate) return out;
  const t = sentenceTree(v);
  for (let i = 0; i < t.tokens.length; i++) {
    const at = v.s.first + i;
    if (taken.has(at)) continue;
    const sense = nounSense(t, i);
    if (!sense || pressRelease(t, i) || assessed(t, i)) continue;
    if (STANDING.has(t.tokens[i].lemma.toLowerCase()) && sense.mode !== 'phone') continue;
    const e = nounEvent(t, sense);
    if (!e) continue;
    out.push({
      at,
      first: v.s.first + e.first,
      last: v.s.first + e.last,
      type: e.type,
      mode: e.mode,
      actors: e.actors,
      recipients: e.recipients,
    });
  }
  return out;
}
