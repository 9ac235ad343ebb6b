// A subject "they" continues the nearest plural subject before it, on the parse: a coordinated
// pair ("President A and President B discussed … They agreed"), a meeting's two sides ("A spoke
// with B … They discussed"), or a group, state or organization ("The members of the Council
// condemned … They expressed"). A singular person subject in between is skipped ("A also
// reaffirmed …"), so the chain is the subjects', not the nearest noun's.
import type { Doc, Mention } from '../model.ts';
import { listHead, listedAfter, phraseHead, subjectToken } from './clauses.ts';

/** How many sentences back a "they" may look for its subject (a readout's bullet list between). */
const REACH = 8;

/** Verbs whose subject and comitative object are the two sides of one exchange. */
const MEETING = new Set(['meet', 'speak', 'talk', 'call', 'host', 'welcome', 'receive']);

const PLURAL_KINDS = new Set(['group', 'state', 'organization']);

const named = (m: Mention): boolean => !!m.id && !!m.actor && !m.pronoun && !m.place;

/**
 * The mentions of ms[j]'s sentence, in order: the run of ms around j (resolve keeps the mentions
 * in text order, so a sentence's are together). A search among them, not all of the report's.
 */
function sentenceOf(ms: Mention[], j: number): Mention[] {
  const sentence = ms[j].sentence;
  let lo = j;
  let hi = j + 1;
  while (lo > 0 && ms[lo - 1].sentence === sentence) lo--;
  while (hi < ms.length && ms[hi].sentence === sentence) hi++;
  return ms.slice(lo, hi);
}

/**
 * The mentions a subject "they" at ms[k] stands for, null when no plural subject is near, or
 * none when the text leaves it open which of several it is.
 */
export function pluralAntecedent(doc: Doc, ms: Mention[], k: number): Mention[] | null {
  const p = ms[k];
  for (let j = k - 1; j >= 0 && p.sentence - ms[j].sentence <= REACH; j--) {
    const c = ms[j];
    // Leaving a sentence whose subject is the issuer ("We are ensuring that the X regime meets
    // its commitments. They have …"): "they" is the other it names, when it names just one; of
    // two ("We are grateful to Japan for its support of Ukraine") the sentence does not say which.
    if (
      c.sentence !== ms[j + 1].sentence &&
      ms[j + 1] !== p &&
      firstPersonSubject(doc, ms[j + 1].sentence)
    ) {
      const others = ms
        .slice(j + 1, k)
        .filter(
          (m) =>
            m.sentence === ms[j + 1].sentence && named(m) && PLURAL_KINDS.has(m.actor?.kind ?? ''),
        );
      if (new Set(others.map((m) => m.id)).size === 1) return [others[0]];
      if (others.length) return [];
    }
    if (!named(c) || c.actor?.media) continue;
    const subject = subjectToken(doc, c);
    if (subject < 0) continue;
    // A name inside another's phrase is not the subject: "Americans in X should …" (Americans).
    const owner = sentenceOf(ms, j).find(
      (m) => m !== c && named(m) && m.first <= subject && subject < m.last,
    );
    if (owner && (subject < c.first || subject >= c.last)) continue;
    // The subject of an asserted clause, not of "… to ensure X and Y have …".
    if (!mainClause(doc, doc.tokens[subject].head)) continue;
    const pair = conjuncts(doc, ms, j);
    if (pair.length > 1) return pair;
    if (PLURAL_KINDS.has(c.actor?.kind ?? '')) return [c];
    const met = counterpart(doc, ms, j);
    if (met) return [c, met];
  }
  return null;
}

/** The named mentions coordinated with ms[j] in its sentence ("A and B", "A, B and C"): in the
 * parse, or on the surface where the parse hung B off A ("President A and Prime Minister B"). */
function conjuncts(doc: Doc, ms: Mention[], j: number): Mention[] {
  const c = ms[j];
  const head = listHead(doc, phraseHead(doc, c));
  const out = sentenceOf(ms, j).filter((m) => {
    if (!named(m)) return false;
    // Only the list's own members: not a name inside one of them ("B of Afghanistan").
    if (attachment(doc, m).startsWith('nmod')) return false;
    return listHead(doc, phraseHead(doc, m)) === head;
  });
  for (let i = j + 1; i < ms.length && named(ms[i]) && listedAfter(doc, ms[i - 1], ms[i]); i++)
    if (!out.includes(ms[i])) out.push(ms[i]);
  return out;
}

/** The person on the other side of a meeting whose subject is ms[j] ("A spoke with B"). */
function counterpart(doc: Doc, ms: Mention[], j: number): Mention | null {
  const c = ms[j];
  if (c.actor?.kind !== 'person') return null;
  const verb = doc.tokens[doc.tokens[phraseHead(doc, c)].head];
  if (!verb || !MEETING.has(verb.lemma)) return null;
  return (
    sentenceOf(ms, j).find(
      (m) =>
        m !== c &&
        named(m) &&
        m.actor?.kind === 'person' &&
        ['obj', 'obl'].includes(doc.tokens[phraseHead(doc, m)].deprel) &&
        doc.tokens[phraseHead(doc, m)].head === verb.index,
    ) ?? null
  );
}

/** The relation by which the mention's phrase hangs off the rest of the sentence. */
function attachment(doc: Doc, m: Mention): string {
  for (let k = m.first; k < m.last; k++) {
    const t = doc.tokens[k];
    if (t.head < m.first || t.head >= m.last) return t.deprel;
  }
  return 'root';
}

/** Clauses that say what the sentence asserts: coordinated with its root ("A met B and
 * discussed …") or its complement ("We are ensuring that the regime meets …"). */
const ASSERTED = new Set(['conj', 'parataxis', 'ccomp']);

/** Is the verb the sentence's root or asserted with it, not a purpose or modifier clause
 * ("$1 billion to ensure X and Y have …")? */
function mainClause(doc: Doc, verb: number): boolean {
  let t = doc.tokens[verb];
  for (let up = 0; up < 6 && t && ASSERTED.has(t.deprel); up++) t = doc.tokens[t.head];
  return t?.deprel === 'root';
}

/** Is the subject of the sentence's root "we" or "I" (the issuer of a statement)? */
function firstPersonSubject(doc: Doc, sentence: number): boolean {
  const { first, last } = doc.sentences[sentence];
  for (let k = first; k < last; k++) {
    const t = doc.tokens[k];
    if (t.deprel.startsWith('nsubj') && doc.tokens[t.head]?.deprel === 'root')
      return t.lower === 'we' || t.lower === 'i';
  }
  return false;
}
