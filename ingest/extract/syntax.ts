// Shallow clause syntax over tagged tokens and resolved mentions, shared by events and
// statements: who is the subject of a verb, what is its object, where does its clause end.
import type { Doc, Mention, Sentence, Token } from './model.ts';
import { PREPOSITIONS, REPORTING_VERBS } from './words.ts';
import { CLAUSE_OPENERS } from './events/lexicon.ts';

export interface SentenceView {
  doc: Doc;
  s: Sentence;
  tokens: Token[];
  /** Actor mentions (and resolved pronouns) by first and last token. */
  startAt: Map<number, Mention>;
  endAt: Map<number, Mention>;
  places: Mention[];
  /** Token where a trailing attribution (", Reuters reported.") starts, or s.last. */
  tail: number;
  tailSpeaker: Mention | null;
  tailVerb: Token | null;
  /** The parse's dependents as linked lists by position in the sentence, built on first use
   * (see firstDependent): one pair of arrays per sentence, not an array per token. */
  deps: { first: number[]; next: number[] } | null;
}

const CONDITIONALS = new Set(['if', 'unless']);
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP']);
const SKIP_LEFT = new Set(['DET', 'ADJ', 'NUM', 'ADV']);
const QUANTIFIERS = new Set([
  'at least',
  'at most',
  'up to',
  'more than',
  'fewer than',
  'less than',
]);
const COLLECTIVE = new Set([
  'group',
  'number',
  'team',
  'delegation',
  'thousand',
  'hundred',
  'dozen',
  'ten',
  'million',
  'some',
  'most',
  'many',
  'member',
  'part',
  'deployment',
  'contingent',
  'patch',
  'unit',
  'batch',
  'crowd',
  'band',
  'lot',
  'score',
]);

const cache = new WeakMap<Doc, SentenceView[]>();

/** One view per sentence, built once per document and shared by events and statements. */
export function sentenceViews(doc: Doc): SentenceView[] {
  let views = cache.get(doc);
  if (!views) {
    const bySentence: Mention[][] = doc.sentences.map(() => []);
    for (const m of doc.mentions) bySentence[m.sentence]?.push(m);
    views = doc.sentences.map((s) => view(doc, s, bySentence[s.index]));
    cache.set(doc, views);
  }
  return views;
}

export function view(doc: Doc, s: Sentence, mentions: Mention[]): SentenceView {
  const startAt = new Map<number, Mention>();
  const endAt = new Map<number, Mention>();
  const places: Mention[] = [];
  for (const m of mentions) {
    if (m.place) places.push(m);
    else if (m.id) {
      startAt.set(m.first, m);
      endAt.set(m.last - 1, m);
    }
  }
  const v: SentenceView = {
    doc,
    s,
    tokens: doc.tokens,
    startAt,
    endAt,
    places,
    tail: s.last,
    tailSpeaker: null,
    tailVerb: null,
    deps: null,
  };
  findTail(v);
  return v;
}

function dependencies(v: SentenceView): { first: number[]; next: number[] } {
  if (!v.deps) {
    const { s, tokens } = v;
    const first = new Array<number>(s.last - s.first).fill(-1);
    const next = new Array<number>(s.last - s.first).fill(-1);
    // Backwards, so that each list comes out in text order.
    for (let j = s.last - 1; j >= s.first; j--) {
      const h = tokens[j].head;
      if (h < s.first || h >= s.last) continue;
      next[j - s.first] = first[h - s.first];
      first[h - s.first] = j;
    }
    v.deps = { first, next };
  }
  return v.deps;
}

/** The first token (in text order) whose head in the parse is token k, or -1. */
export const firstDependent = (v: SentenceView, k: number): number =>
  dependencies(v).first[k - v.s.first] ?? -1;

/** The dependent of the same head after dependent j, or -1. */
export const nextDependent = (v: SentenceView, j: number): number =>
  dependencies(v).next[j - v.s.first] ?? -1;

/** Is there a verb or auxiliary among tokens [from, to)? */
function verbBefore(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++)
    if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') return true;
  return false;
}

/** ", Politico reported." / ", a UN official said on Monday." / ", according to X." at the end. */
function findTail(v: SentenceView): void {
  const { tokens, s } = v;
  for (let k = s.last - 1; k > s.first; k--) {
    const t = tokens[k];
    if (t.text === ';') return;
    if (t.text !== ',') continue;
    // Before the comma there must be a clause: "Today, X is announcing …" is no attribution.
    if (!verbBefore(tokens, s.first, k)) return;
    // "according to X"
    if (tokens[k + 1]?.lower === 'according' && tokens[k + 2]?.lower === 'to') {
      v.tail = k;
      v.tailSpeaker = firstMention(v, k + 3, s.last);
      v.tailVerb = tokens[k + 1];
      return;
    }
    // ", SPEAKER said ..." (speaker before the verb) or ", said SPEAKER"; not ", and he said …".
    if (tokens[k + 1]?.pos === 'CCONJ' || tokens[k + 1]?.pos === 'SCONJ') return;
    for (let j = k + 1; j < Math.min(s.last, k + 14); j++) {
      const u = tokens[j];
      if (u.text === ',' || u.text === ';') break;
      if (REPORTING_VERBS.has(u.lemma) && (u.pos === 'VERB' || u.pos === 'NOUN')) {
        const speaker = lastMention(v, k + 1, j) ?? firstMention(v, j + 1, s.last);
        if (!speaker && j === k + 1) break;
        // What follows the verb must be short: a date, "on Monday", "in a statement".
        if (s.last - j > 10) break;
        v.tail = k;
        v.tailSpeaker = speaker;
        v.tailVerb = u;
        return;
      }
    }
    return;
  }
}

export function firstMention(v: SentenceView, from: number, to: number): Mention | null {
  for (let k = from; k < to; k++) {
    const m = v.startAt.get(k);
    if (m) return m;
  }
  return null;
}

function lastMention(v: SentenceView, from: number, to: number): Mention | null {
  for (let k = to - 1; k >= from; k--) {
    const m = v.endAt.get(k);
    if (m) return m;
  }
  return null;
}

const isParticiple = (t: Token | undefined): boolean =>
  !!t && t.pos === 'VERB' && /(ing)$/.test(t.lower);

/** The first token from k on that is not an adverb, or undefined at the sentence end. */
function skipAdverbs(v: SentenceView, k: number): Token | undefined {
  let j = k;
  while (j < v.s.last && v.tokens[j].pos === 'ADV') j++;
  return j < v.s.last ? v.tokens[j] : undefined;
}

/** True where token k opens a new clause (used to bound a verb's scope). */
export function opensClause(v: SentenceView, k: number): boolean {
  const { tokens } = v;
  const t = tokens[k];
  const text = t.text;
  if (text === ';' || text === ':' || text === '—' || text === '(') return true;
  if (text === ',') {
    const u = skipAdverbs(v, k + 1);
    if (isParticiple(u)) return true;
    // ", meets Kushner instead": a second finite verb sharing the subject.
    if (u && u.pos === 'VERB' && !v.startAt.has(k + 1)) return true;
    // ", and Secretary of Finance X, …": the last item of a list of actors, not a clause.
    if (u?.pos === 'CCONJ' && listItem(v, u.index + 1)) return false;
    if (u && (u.pos === 'CCONJ' || CLAUSE_OPENERS.has(u.lower))) return true;
    return false;
  }
  if (t.pos === 'CCONJ') {
    const u = skipAdverbs(v, k + 1);
    if (u && (u.pos === 'VERB' || u.pos === 'AUX')) return true;
    const m = u ? v.startAt.get(u.index) : undefined;
    if (m) {
      const after = tokens[m.last];
      if (after && (after.pos === 'VERB' || after.pos === 'AUX')) return true;
    }
    return false;
  }
  if ((t.pos === 'SCONJ' || t.pos === 'ADP') && CLAUSE_OPENERS.has(t.lower)) {
    const u = k + 1 < v.s.last ? tokens[k + 1] : undefined;
    if (u && (v.startAt.has(u.index) || (u.pos === 'DET' && v.startAt.has(k + 2)))) return true;
    if (t.pos === 'SCONJ' && u && u.pos !== 'VERB') return true;
    return false;
  }
  // A condition ("only if", "unless") is a clause of its own: its actors are not objects.
  if (CONDITIONALS.has(t.lower) && (t.pos === 'SCONJ' || t.pos === 'ADP')) return true;
  return (t.lower === 'who' || t.lower === 'which') && t.pos === 'PRON';
}

/** The end (exclusive) of the clause that a verb at k belongs to. */
export function clauseEnd(v: SentenceView, k: number): number {
  for (let j = k + 1; j < v.tail; j++) if (opensClause(v, j)) return j;
  return v.tail;
}

/** A mention is in subject position when no verb or preposition governs it from the left. */
function subjectPosition(v: SentenceView, m: Mention): boolean {
  let k = m.first - 1;
  for (;;) {
    while (k >= v.s.first && SKIP_LEFT.has(v.tokens[k].pos) && !PREPOSITIONS.has(v.tokens[k].lower))
      k--;
    // Quantifiers: "at least three", "up to 100", "more than 200".
    const pair = k > v.s.first ? `${v.tokens[k - 1].lower} ${v.tokens[k].lower}` : '';
    if (QUANTIFIERS.has(pair)) k -= 2;
    // "All parties, in particular the Ethiopian forces, must …": an apposition of the subject.
    else if (
      k >= v.s.first &&
      v.tokens[k].lower === 'in' &&
      v.tokens[k + 1]?.lower === 'particular'
    ) {
      k -= 1;
      while (k >= v.s.first && v.tokens[k].text === ',') k--;
    } else break;
  }
  if (k < v.s.first) return true;
  const b = v.tokens[k];
  // "A group of Moroccan diplomats", "thousands of students": the quantity is not the actor.
  if (
    b.lower === 'of' &&
    k > v.s.first &&
    (COLLECTIVE.has(v.tokens[k - 1].lemma) ||
      COLLECTIVE.has(v.tokens[k - 1].lower.replace(/s$/, '')))
  )
    return subjectPosition(v, { ...m, first: k - 1 });
  if (PREPOSITIONS.has(b.lower)) return false;
  if (b.pos === 'VERB') return REPORTING_VERBS.has(b.lemma);
  if (b.pos === 'AUX') return false;
  return true;
}

/** The mention that starts at token j, its title prefix included ("Armenian Prime Minister | Nikol Pashinyan"). */
function startingAt(v: SentenceView, j: number): Mention | undefined {
  const m = v.startAt.get(j);
  if (m) return m;
  for (const n of v.startAt.values()) if (n.prefixFirst === j) return n;
  return undefined;
}

/** Words that may follow the last item of a list: ", as well as …", "and …", the end. */
const AFTER_ITEM = new Set(['PUNCT', 'CCONJ', 'ADP', 'ADV']);

/**
 * An actor (with its title) starts at token j and the list goes on after it: one more item, not
 * the subject of a clause ("…, and Dmitriev’s decision underscored …" is a clause).
 */
function listItem(v: SentenceView, j: number): boolean {
  const m = startingAt(v, j);
  const after = m ? v.tokens[m.last] : undefined;
  return !!m && !m.pronoun && (!after || (AFTER_ITEM.has(after.pos) && after.lower !== '’s'));
}

/** Where a mention begins, its title prefix included. */
const from = (m: Mention): number => m.prefixFirst ?? m.first;

/**
 * Mentions coordinated with m ("Russia, Ukraine and the United States", "Azerbaijani President
 * Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan"), in text order.
 */
export function coordinated(v: SentenceView, m: Mention, limit: number): Mention[] {
  const out = [m];
  // Pronouns are not coordinated; ", and he said" joins clauses, not actors. A "they" may stand
  // for a pair.
  if (m.pronoun) return [...out, ...(m.also ?? [])];
  // rightwards
  let k = m.last;
  for (;;) {
    let j = k;
    while (
      j < limit &&
      (v.tokens[j].text === ',' ||
        v.tokens[j].lower === 'and' ||
        v.tokens[j].lower === 'the' ||
        v.tokens[j].lower === 'its' ||
        v.tokens[j].lower === 'his')
    )
      j++;
    if (j === k || j >= limit) break;
    const n = startingAt(v, j);
    if (
      !n ||
      n.pronoun ||
      !/\band\b|,/.test(v.doc.text.slice(v.tokens[k].start, v.tokens[j].start))
    )
      break;
    out.push(n);
    k = n.last;
  }
  // leftwards, over a title the recognizer did not take ("DHS Secretary", "Under Secretary of State")
  k = titleStart(v, from(m)) - 1;
  for (;;) {
    let j = k;
    while (
      j >= v.s.first &&
      (v.tokens[j].text === ',' || v.tokens[j].lower === 'and' || v.tokens[j].lower === 'the')
    )
      j--;
    if (j === k || j < v.s.first) break;
    const p = v.endAt.get(j);
    if (!p || p.pronoun || !/\band\b|,/.test(v.doc.text.slice(v.tokens[j].end, v.tokens[k].end)))
      break;
    out.unshift(p);
    k = titleStart(v, from(p)) - 1;
  }
  return out;
}

/** The first of up to five capitalised words (and "of") right before token i that no mention took. */
function titleStart(v: SentenceView, i: number): number {
  let j = i;
  while (j > v.s.first && i - j < 5) {
    const t = v.tokens[j - 1];
    if (v.endAt.has(j - 1) || !(t.cap || (t.lower === 'of' && v.tokens[j - 2]?.cap))) break;
    j--;
  }
  return j;
}

/** The subject of a verb at k: the nearest mention to the left in subject position. */
export function subjectBefore(v: SentenceView, k: number): Mention[] {
  for (let j = k - 1; j >= v.s.first; j--) {
    const t = v.tokens[j];
    if (t.text === ';' || t.text === ':') break;
    if ((t.lower === 'who' || t.lower === 'which') && t.pos === 'PRON') {
      // Relative clause: the antecedent just before; "who" is a person ("Brian Harding of the
      // Center for American Progress, who told VOA …").
      if (t.lower === 'who') {
        for (let i = j - 1; i >= Math.max(v.s.first, j - 12); i--) {
          const p = v.endAt.get(i);
          if (p?.actor?.kind === 'person' && !p.pronoun) return [p];
          // Only across the noun phrase the clause hangs off ("X of the Y,").
          const u = v.tokens[i];
          if (!(NOUN_PHRASE.has(u.pos) || u.text === ',')) break;
        }
      }
      const a = v.endAt.get(j - 1) ?? v.endAt.get(j - 2);
      return a ? [a] : [];
    }
    const m = v.endAt.get(j);
    if (m) {
      if (subjectPosition(v, m)) return coordinated(v, m, k);
      j = m.first;
      continue;
    }
    if (t.lower === 'that' && t.pos === 'SCONJ') break;
  }
  return [];
}

/** The object of a verb: the first mention after it in its clause, with coordinated ones. */
export function objectAfter(
  v: SentenceView,
  from: number,
  to: number,
  exclude: Set<string>,
): Mention[] {
  for (let j = from; j < to; j++) {
    const m = v.startAt.get(j);
    if (!m) continue;
    if (m.id && exclude.has(m.id)) {
      j = m.last - 1;
      continue;
    }
    if (v.tokens[j - 1]?.lower === 'by') {
      j = m.last - 1;
      continue;
    }
    return coordinated(v, m, to).filter((x) => !x.id || !exclude.has(x.id));
  }
  return [];
}

/** The agent of a passive verb: "by X" within the clause. */
export function agentAfter(v: SentenceView, from: number, to: number): Mention[] {
  for (let j = from; j < to; j++) {
    if (v.tokens[j].lower !== 'by') continue;
    const m = v.startAt.get(j + 1) ?? v.startAt.get(j + 2);
    if (m) return coordinated(v, m, to);
  }
  return [];
}

/** A participial clause (", meeting privately with …", "and declining to …") inherits its subject. */
export function isParticipial(v: SentenceView, k: number): boolean {
  if (!isParticiple(v.tokens[k])) return false;
  let j = k - 1;
  while (j >= v.s.first && v.tokens[j].pos === 'ADV') j--;
  const b = v.tokens[j];
  return !b || b.text === ',' || b.pos === 'CCONJ';
}

/** The subject of the sentence's first clause, for participial clauses. */
export function mainSubject(v: SentenceView, before: number): Mention[] {
  for (let k = v.s.first; k < before; k++) {
    const t = v.tokens[k];
    if (t.pos === 'VERB' && !isParticiple(t)) {
      const s = subjectBefore(v, k);
      if (s.length) return s;
    }
  }
  return [];
}

/** Passive: a form of "be" or "get" right before a past participle. */
export function isPassive(v: SentenceView, k: number): boolean {
  const t = v.tokens[k];
  // A past participle: not "-ing", and a regular ending or a form other than the lemma.
  if (/ing$/.test(t.lower) || (!/ed$|en$|wn$|ught$/.test(t.lower) && t.lower === t.lemma))
    return false;
  let j = k - 1;
  while (j >= v.s.first && v.tokens[j].pos === 'ADV') j--;
  const b = v.tokens[j];
  return !!b && ['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get'].includes(b.lower);
}
