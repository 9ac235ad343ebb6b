// `npm run train`: rebuilds every NLP weight file from the corpora named in corpora.ts.
// Deterministic: seeded shuffles, fixed iteration counts, sorted outputs; the same corpora give
// the same bytes. Run it niced on a shared machine: `nice -n 10 npm run train`.
//   npm run train [-- tagger|parser|entities … [--out DIR]]   (default: all)
// --out DIR writes the tagger and parser weights to DIR/<name>/model.bin.gz instead of over the
// shipped ones, to compare a retrained model before shipping it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConllu, type GoldSentence } from '../ingest/nlp/conllu.ts';
import { scoreTreebank } from '../ingest/nlp/evaluate.ts';
import { trainLemmatizer } from '../ingest/nlp/lemma.ts';
import { loadTagger, modelPath, saveParser, saveTagger } from '../ingest/nlp/models.ts';
import { train as trainParser } from '../ingest/nlp/parser.ts';
import { train as trainTagger } from '../ingest/nlp/tagger.ts';
import { UD_ENGLISH_EWT, UD_ENGLISH_GUM } from './corpora.ts';
import { fetchCorpus } from './fetch-corpora.ts';
import { jackknifedTags, lemmaData, parserData, relationsOf, taggerData } from './prepare.ts';
import { trainEntities } from './ner/train.ts';

export const TAGGER_ITERATIONS = 8;
export const PARSER_ITERATIONS = 6;
/** Folds of the jackknife that gives the parser's training data predicted tags. */
export const JACKKNIFE_FOLDS = 10;
/**
 * Weights this small are left out of the shipped models: they barely move a decision (see the
 * model cards for the accuracy they cost) but make the files larger and slower to load and use.
 */
export const TAGGER_MIN_WEIGHT = 0.002;
export const PARSER_MIN_WEIGHT = 0;
/**
 * Parser features seen fewer times than this along the gold parses of the training data get no
 * weights: a smaller table whose lookups miss the cache less. With 2 the parser is as accurate
 * (the parser's model card), has 1.9× fewer move features and is ~1.2× faster.
 */
export const PARSER_MIN_COUNT = 2;

function read(dir: string, split: string): GoldSentence[] {
  return parseConllu(readFileSync(join(dir, `${split}.conllu`), 'utf8'));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
  if (outAt >= 0 && !outDir) throw new Error('--out needs a directory');
  const output = (name: 'tagger' | 'parser') =>
    outDir ? resolve(outDir, name, 'model.bin.gz') : modelPath(name);
  const which = new Set(args);
  const all = which.size === 0;
  // The treebanks only for the tagger and the parser: `npm run train -- entities` needs none.
  const treebank = all || which.has('tagger') || which.has('parser');
  const ewt = treebank ? fetchCorpus(UD_ENGLISH_EWT) : '';
  const ewtTrain = treebank ? read(ewt, 'train') : [];
  // EWT train and GUM's openly licensed documents (news, interviews, biographies, travel guides,
  // textbooks, vlogs, speeches, conversation); lemmas are learned from EWT alone, whose
  // conventions the evaluation follows.
  const trainSet = treebank ? [...ewtTrain, ...read(fetchCorpus(UD_ENGLISH_GUM), 'train')] : [];
  const dev = treebank ? read(ewt, 'dev') : [];
  const log = (line: string) => console.log(line);
  const done = (name: 'tagger' | 'parser', bytes: number, started: number) =>
    log(
      `${name} → ${output(name)} (${(bytes / 1e6).toFixed(2)} MB, ` +
        `${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  if (all || which.has('tagger')) {
    const started = Date.now();
    const lemmatizer = trainLemmatizer(lemmaData(ewtTrain));
    const data = taggerData(trainSet);
    const model = trainTagger(data, lemmatizer, TAGGER_ITERATIONS, log, TAGGER_MIN_WEIGHT);
    log(`  EWT dev: UPOS ${scoreTreebank(dev, model, null).upos.toFixed(4)}`);
    done('tagger', saveTagger(model, output('tagger')), started);
  }
  if (all || which.has('parser')) {
    const started = Date.now();
    // Each training word carries the tag a tagger that never saw its sentence predicts, as in
    // use, so the parser learns to live with tagging errors.
    const relations = relationsOf(trainSet);
    const tags = jackknifedTags(trainSet, JACKKNIFE_FOLDS, TAGGER_ITERATIONS, log);
    const tagger = loadTagger();
    const devScore = (label: string, m: Parameters<typeof scoreTreebank>[2]) => {
      const s = scoreTreebank(dev, tagger, m);
      log(`  EWT dev ${label}: UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)}`);
    };
    const model = trainParser(parserData(trainSet, relations, tags), relations, {
      iterations: PARSER_ITERATIONS,
      minWeight: PARSER_MIN_WEIGHT,
      minCount: PARSER_MIN_COUNT,
      log,
      onIteration: (it, m) => devScore(`after ${it}`, m),
    });
    devScore('(shipped)', model);
    done('parser', saveParser(model, output('parser')), started);
  }
  if (all || which.has('entities')) await trainEntities(log);
}

await main();
