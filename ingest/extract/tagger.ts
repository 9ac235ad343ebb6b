// The one place that talks to the tagger (wink-nlp with its lite English model).
// The model is loaded lazily once per process: ~150 ms, then ~25k sentences/s.
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface TaggedToken {
  value: string;
  pos: string;
  lemma: string;
}

export interface TaggedSentence {
  tokens: TaggedToken[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function load(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Sentences of one paragraph with their tokens, POS tags and lemmas. */
export function tag(paragraph: string): TaggedSentence[] {
  const n = load();
  const its = n.its;
  const doc = n.readDoc(paragraph);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // The model's lemma helper is typed with extra parameters; it is an ordinary its-function.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const out: TaggedSentence[] = [];
  // Sentences partition the document's tokens in order.
  let next = 0;
  doc.sentences().each((s: ItemSentence) => {
    const tokens: TaggedToken[] = [];
    const to = next + s.tokens().length();
    for (let i = next; i < to; i++)
      tokens.push({ value: values[i], pos: pos[i], lemma: lemmas[i] });
    next = to;
    out.push({ tokens });
  });
  return out;
}
