// Trains the entity recognizer (ingest/nlp/entities.ts) on the corpora of sources.ts and writes
// ingest/nlp/models/entities/model.bin.gz. Part of `npm run train` (`npm run train -- entities`).
import { featureFingerprint, train, type EntitySentence } from '../../ingest/nlp/entities.ts';
import { readLexicon } from '../../ingest/nlp/entity-lexicon.ts';
import { modelPath, saveEntities } from '../../ingest/nlp/models.ts';
import { readSource } from './corpus.ts';
import { DATA_DIR, fetchCorpora } from './fetch.ts';
import { scoreEntities } from '../../ingest/nlp/evaluate.ts';
import { formatScores } from './score.ts';
import { fingerprintSentences } from '../../eval/entities.ts';
import { SOURCES } from './sources.ts';

export const ENTITY_ITERATIONS = 6;

export function corpus(use: 'train' | 'dev' | 'test', name?: string): EntitySentence[] {
  return SOURCES.filter((s) => s.use === use && (!name || s.name === name)).flatMap((s) =>
    readSource(DATA_DIR, s.name, s.format),
  );
}

export async function trainEntities(log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await fetchCorpora(log);
  const data = corpus('train');
  log(`entities: ${data.length} training sentences`);
  // The lexicon is the committed one (train/ner/lexicon.ts writes it, on purpose only).
  const model = train(data, readLexicon(), ENTITY_ITERATIONS, log);
  const fingerprint = featureFingerprint(model.lexicon, fingerprintSentences());
  const bytes = saveEntities(model, fingerprint);
  log(
    `entities → ${modelPath('entities')} (${(bytes / 1e6).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  for (const s of SOURCES.filter((x) => x.use !== 'train'))
    log(formatScores(s.name, scoreEntities(model, corpus(s.use, s.name))));
}

if (import.meta.url === `file://${process.argv[1]}`)
  trainEntities(console.log).catch((e: unknown) => {
    console.error(String(e));
    process.exit(1);
  });
