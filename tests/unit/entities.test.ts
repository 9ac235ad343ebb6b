// Quality floors of the entity recognizer on held-out test splits it was never trained on
// (tests/data/entities/): UNER English-PUD (news and Wikipedia) and UNER English-EWT test (web
// text). Exact-span F1 over PER, ORG and LOC, as `npm run eval` reports it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scoreEntities } from '../../ingest/nlp/evaluate.ts';
import { loadEntities } from '../../ingest/nlp/models.ts';
import { readIob2 } from '../../train/ner/corpus.ts';

const split = (name: string) =>
  readIob2(
    gunzipSync(readFileSync(resolve(import.meta.dirname, '../data/entities', name))).toString(
      'utf8',
    ),
  );
const model = loadEntities();
const f1 = (name: string, type: string) =>
  scoreEntities(model, split(name)).find((s) => s.type === type)?.f ?? 0;

describe('entity recognizer quality floors (exact span F1)', () => {
  // Issue 10 asks for 0.80 on news-like text; these floors are what the shipped model reaches
  // (see ingest/nlp/models/entities/MODEL_CARD.md), kept so that it can only get better.
  it('UNER English-PUD (news, Wikipedia)', () => {
    const pud = 'uner-pud-test.iob2.gz';
    expect(f1(pud, 'all')).toBeGreaterThanOrEqual(PUD_FLOOR);
    expect(f1(pud, 'PER')).toBeGreaterThanOrEqual(PUD_PER_FLOOR);
  });

  it('UNER English-EWT test (web text)', () => {
    expect(f1('uner-ewt-test.iob2.gz', 'all')).toBeGreaterThanOrEqual(EWT_FLOOR);
  });
});

const PUD_FLOOR = 0.58;
const PUD_PER_FLOOR = 0.62;
const EWT_FLOOR = 0.65;
