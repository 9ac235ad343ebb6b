// `npm run train`: rebuilds every NLP weight file from the corpora named in corpora.ts.
// Deterministic: seeded shuffles, fixed iteration counts, sorted outputs; the same corpora give
// the same bytes. Run it niced on a shared machine: `nice -n 10 npm run train`.
//   npm run train [-- tagger|parser|entities …]   (default: all)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu, type GoldSentence } from '../ingest/nlp/conllu.ts';
import { trainLemmatizer } from '../ingest/nlp/lemma.ts';
import { modelPath, saveParser, saveTagger } from '../ingest/nlp/models.ts';
import { train as trainParser } from '../ingest/nlp/parser.ts';
import { train as trainTagger } from '../ingest/nlp/tagger.ts';
import { UD_ENGLISH_EWT } from './corpora.ts';
import { fetchCorpus } from './fetch-corpora.ts';
import { lemmaData, parserData, relationsOf, taggerData } from './prepare.ts';
import { trainEntities } from './ner/train.ts';

export const TAGGER_ITERATIONS = 8;
export const PARSER_ITERATIONS = 4;

function read(dir: string, split: string): GoldSentence[] {
  return parseConllu(readFileSync(join(dir, `${split}.conllu`), 'utf8'));
}

async function main(): Promise<void> {
  const which = new Set(process.argv.slice(2));
  const all = which.size === 0;
  const ewt = fetchCorpus(UD_ENGLISH_EWT);
  const trainSet = read(ewt, 'train');
  const log = (line: string) => console.log(line);
  const done = (name: 'tagger' | 'parser', bytes: number, started: number) =>
    log(
      `${name} → ${modelPath(name)} (${(bytes / 1e6).toFixed(2)} MB, ` +
        `${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  if (all || which.has('tagger')) {
    const started = Date.now();
    const lemmatizer = trainLemmatizer(lemmaData(trainSet));
    const model = trainTagger(taggerData(trainSet), lemmatizer, TAGGER_ITERATIONS, log);
    done('tagger', saveTagger(model), started);
  }
  if (all || which.has('parser')) {
    const started = Date.now();
    const relations = relationsOf(trainSet);
    const model = trainParser(parserData(trainSet, relations), relations, PARSER_ITERATIONS, log);
    done('parser', saveParser(model), started);
  }
  if (all || which.has('entities')) await trainEntities(log);
}

await main();
