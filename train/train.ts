// `npm run train`: rebuilds every NLP weight file from the corpora named in corpora.ts.
// Deterministic: seeded shuffles, fixed iteration counts, sorted outputs; the same corpora give
// the same bytes. Run it niced on a shared machine: `nice -n 10 npm run train`.
//   npm run train [-- tagger|parser …]   (default: all)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu, type GoldSentence } from '../ingest/nlp/conllu.ts';
import { trainLemmatizer } from '../ingest/nlp/lemma.ts';
import { modelPath, saveTagger } from '../ingest/nlp/models.ts';
import { train as trainTagger, UPOS_ID } from '../ingest/nlp/tagger.ts';
import { UD_ENGLISH_EWT } from './corpora.ts';
import { fetchCorpus } from './fetch-corpora.ts';

export const TAGGER_ITERATIONS = 8;

function read(dir: string, split: string): GoldSentence[] {
  return parseConllu(readFileSync(join(dir, `${split}.conllu`), 'utf8'));
}

function main(): void {
  const which = new Set(process.argv.slice(2));
  const all = which.size === 0;
  const ewt = fetchCorpus(UD_ENGLISH_EWT);
  const trainSet = read(ewt, 'train');
  const log = (line: string) => console.log(line);
  if (all || which.has('tagger')) {
    const started = Date.now();
    const lemmatizer = trainLemmatizer(trainSet.flatMap((s) => s.words));
    const data = trainSet.map((s) => ({
      words: s.words.map((w) => w.form),
      tags: s.words.map((w) => UPOS_ID.get(w.upos) ?? UPOS_ID.get('X')!),
    }));
    const model = trainTagger(data, lemmatizer, TAGGER_ITERATIONS, log);
    const bytes = saveTagger(model);
    log(
      `tagger → ${modelPath('tagger')} (${(bytes / 1e6).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
}

main();
