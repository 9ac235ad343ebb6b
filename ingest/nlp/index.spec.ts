import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, loadNlpModels } from './index.ts';

// Reading the weights takes a while on a loaded machine; it is timed in npm run bench.
beforeAll(() => void loadNlpModels(), 60_000);

describe('analyse', () => {
  it('gives sentences of tagged tokens with exact offsets', () => {
    const text =
      'The minister met Mr. Lavrov in Geneva on Tuesday.\nTalks failed. Both sides left.';
    const sentences = analyse(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'The minister met Mr. Lavrov in Geneva on Tuesday.',
      'Talks failed.',
      'Both sides left.',
    ]);
    const first = sentences[0].tokens;
    expect(first.map((t) => t.upos)).toEqual([
      'DET',
      'NOUN',
      'VERB',
      'PROPN',
      'PROPN',
      'ADP',
      'PROPN',
      'ADP',
      'PROPN',
      'PUNCT',
    ]);
    expect(first.map((t) => t.lemma).slice(0, 3)).toEqual(['the', 'minister', 'meet']);
    for (const s of sentences)
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('copes with empty and whitespace-only text', () => {
    expect(analyse('')).toEqual([]);
    expect(analyse(' \n\t ')).toEqual([]);
  });
});
