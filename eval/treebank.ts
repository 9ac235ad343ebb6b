// Tagger and parser on the held-out EWT test split committed in eval/data (no corpus download).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseConllu } from '../ingest/nlp/conllu.ts';
import { scoreTreebank, type TreebankScores } from '../ingest/nlp/evaluate.ts';
import { loadNlpModels } from '../ingest/nlp/index.ts';

export const EWT_TEST = join(import.meta.dirname, 'data/UD_English-EWT/test.conllu.gz');

export function scoreEwtTest(): TreebankScores {
  const sentences = parseConllu(gunzipSync(readFileSync(EWT_TEST)).toString('utf8'));
  const { tagger, parser } = loadNlpModels();
  return scoreTreebank(sentences, tagger, parser);
}
