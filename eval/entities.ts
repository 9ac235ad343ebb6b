// The entity recognizer on the held-out test splits committed in tests/data/entities (UNER
// English-PUD and English-EWT test; never trained on): exact-span scores per type and overall.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { scoreEntities, type EntityScore } from '../ingest/nlp/evaluate.ts';
import type { EntitySentence } from '../ingest/nlp/entities.ts';
import { loadEntities, loadTagger } from '../ingest/nlp/models.ts';
import { readIob2 } from '../train/ner/corpus.ts';

const DIR = join(import.meta.dirname, '../tests/data/entities');

export const ENTITY_SPLITS = {
  pud: { file: 'uner-pud-test.iob2.gz', name: 'UNER English-PUD test (news, Wikipedia)' },
  ewt: { file: 'uner-ewt-test.iob2.gz', name: 'UNER English-EWT test (web text)' },
} as const;

function readSplit(split: keyof typeof ENTITY_SPLITS): EntitySentence[] {
  return readIob2(gunzipSync(readFileSync(join(DIR, ENTITY_SPLITS[split].file))).toString('utf8'));
}

/** Scores with the tagger's tags, as analyse() runs the recognizer. */
export function scoreEntitySplit(split: keyof typeof ENTITY_SPLITS): EntityScore[] {
  return scoreEntities(loadEntities(), readSplit(split), loadTagger());
}

/** The words whose features the weights fingerprint (featureFingerprint): both test splits. */
export function fingerprintSentences(): string[][] {
  return [...readSplit('pud'), ...readSplit('ewt')].map((s) => [...s.words]);
}
