// Statements on the dependency parse: a reporting verb with a clausal complement ("stressed that
// …", "said there would be …"), an attribution in parataxis ("…, the minister said"), or
// "according to X". The speaker is the reporting verb's subject (or its `by` agent).
import { REPORTING_VERBS } from '../words.ts';
import { actorsOf, caseOf, childrenBy, span, type Tree } from './tree.ts';
import { isPassive, rel } from './triggers.ts';

export interface CodedStatement {
  verb: number;
  speaker: string;
  /** What was said, as a token range [first, last). */
  first: number;
  last: number;
}

/** Reporting verbs beyond `words.ts`: the verbs of readouts and press statements. */
export const STATEMENT_VERBS = new Set([
  ...REPORTING_VERBS,
  'reaffirm',
  'affirm',
  'complain',
  'point',
  'inform',
  'assure',
  'recall',
  'highlight',
  'express',
  'welcome',
  'share',
  'agree',
  'recognize',
  'recognise',
  'warn',
  'stress',
  'urge',
  'underscore',
  'underline',
  'emphasize',
  'reiterate',
  'say',
]);

/** Complement relations of a reporting verb. */
const COMPLEMENT = new Set(['ccomp', 'parataxis']);

function speakerOf(t: Tree, v: number): string | null {
  const passive = isPassive(t, v);
  for (const c of t.children[v]) {
    const d = t.tokens[c].deprel;
    if (
      (!passive && (d === 'nsubj' || d === 'csubj')) ||
      (passive && (d === 'obl:agent' || caseOf(t, c) === 'by'))
    )
      return actorsOf(t, c, false)[0] ?? null;
  }
  // "…, said X" with the subject after the verb is still nsubj; a shared subject of "and said".
  if (rel(t, v) === 'conj') return speakerOf(t, t.tokens[v].head);
  return null;
}

/** The range without punctuation at its edges. */
function trim(t: Tree, x: CodedStatement): CodedStatement {
  let { first, last } = x;
  while (first < last && t.tokens[first].upos === 'PUNCT') first++;
  while (last > first && t.tokens[last - 1].upos === 'PUNCT') last--;
  return { ...x, first, last };
}

export function codeStatements(t: Tree): CodedStatement[] {
  return found(t)
    .map((x) => trim(t, x))
    .filter((x) => x.last > x.first);
}

function found(t: Tree): CodedStatement[] {
  const out: CodedStatement[] = [];
  const n = t.tokens.length;
  for (let v = 0; v < n; v++) {
    const tok = t.tokens[v];
    if (tok.upos !== 'VERB' || !STATEMENT_VERBS.has(tok.lemma.toLowerCase())) continue;
    const speaker = speakerOf(t, v);
    if (!speaker) continue;
    // A parataxis that is itself an attribution ("…, the minister said") is not what was said.
    const comp = t.children[v].find(
      (c) =>
        COMPLEMENT.has(rel(t, c)) &&
        !(rel(t, c) === 'parataxis' && STATEMENT_VERBS.has(t.tokens[c].lemma.toLowerCase())),
    );
    if (comp !== undefined) {
      const [first, last] = span(t, comp);
      out.push({ verb: v, speaker, first, last });
      continue;
    }
    // "Israel will respond, the minister said": the attribution hangs off what was said.
    if (rel(t, v) === 'parataxis' && tok.head >= 0) {
      const [first] = span(t, tok.head);
      const [own] = span(t, v);
      if (own > first) out.push({ verb: v, speaker, first, last: own });
    }
  }
  // "according to X": X says the rest of the sentence.
  for (let i = 0; i < n; i++) {
    if (rel(t, i) !== 'obl' || !caseOf(t, i).startsWith('according')) continue;
    const speaker = actorsOf(t, i, false)[0];
    if (!speaker) continue;
    const [first, last] = span(t, i);
    const whole: [number, number] = [0, n];
    out.push({
      verb: childrenBy(t, i, 'case')[0] ?? i,
      speaker,
      first: first > 0 ? whole[0] : last,
      last: first > 0 ? first : whole[1],
    });
  }
  return out;
}
