// Quality floors of the NLP core (issue 10): the tagger and parser on the held-out UD English-EWT
// test split committed in eval/data, computed exactly as `npm run eval` computes them.
import { describe, expect, it } from 'vitest';
import { scoreEwtTest } from '../../eval/treebank.ts';

describe('NLP core quality on UD English-EWT test', () => {
  const scores = scoreEwtTest();

  it('reads the whole held-out split', () => {
    expect(scores.sentences).toBe(2077);
    expect(scores.words).toBe(25094);
  });

  it('tags UPOS with accuracy ≥ 0.94', () => {
    expect(scores.upos).toBeGreaterThanOrEqual(0.94);
  });

  // Issue 10's bar; the shipped parser holds UAS 0.841 / LAS 0.808.
  it('parses with UAS ≥ 0.84 and LAS ≥ 0.80', () => {
    expect(scores.uas).toBeGreaterThanOrEqual(0.84);
    expect(scores.las).toBeGreaterThanOrEqual(0.8);
  });
});
