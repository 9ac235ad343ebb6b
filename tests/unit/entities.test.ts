// Quality floors of the entity recognizer on held-out test splits it was never trained on
// (tests/data/entities/): UNER English-PUD (news and Wikipedia) and UNER English-EWT test (web
// text). Exact-span F1 over PER, ORG and LOC, computed as `npm run eval` computes it.
import { describe, expect, it } from 'vitest';
import { fingerprintSentences, scoreEntitySplit } from '../../eval/entities.ts';
import { featureFingerprint } from '../../ingest/nlp/entities.ts';
import { entitiesMeta, loadEntities } from '../../ingest/nlp/models.ts';

const f1 = (split: 'pud' | 'ewt', type: string) =>
  scoreEntitySplit(split).find((s) => s.type === type)?.f ?? 0;

describe('entity recognizer quality floors (exact span F1)', () => {
  // Issue 10 asks for 0.80 on news-like text; these floors are what the shipped model reaches
  // (see ingest/nlp/models/entities/MODEL_CARD.md), kept so that it can only get better.
  it('UNER English-PUD (news, Wikipedia)', () => {
    expect(f1('pud', 'all')).toBeGreaterThanOrEqual(PUD_FLOOR);
    expect(f1('pud', 'PER')).toBeGreaterThanOrEqual(PUD_PER_FLOOR);
  });

  it('UNER English-EWT test (web text)', () => {
    expect(f1('ewt', 'all')).toBeGreaterThanOrEqual(EWT_FLOOR);
  });
});

describe('the shipped entity weights', () => {
  // `npm run train -- entities` reproduces them only while the features are those they were
  // trained on: a change to the feature code, the lexicon or the folding it uses must come with
  // retraining (and a look at these floors), not drift in silently.
  it('were trained on the features the code computes today', () => {
    const features = featureFingerprint(loadEntities().lexicon, fingerprintSentences());
    expect(features, 'retrain: nice -n 10 npm run train -- entities').toBe(entitiesMeta().features);
  });
});

const PUD_FLOOR = 0.65;
const PUD_PER_FLOOR = 0.74;
const EWT_FLOOR = 0.72;
