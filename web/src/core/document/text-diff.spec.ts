import { describe, expect, it } from 'vitest';
import { sentenceDiff, splitSentences } from './text-diff.ts';

describe('sentence diff', () => {
  it('splits on sentence ends and line breaks, keeping figures and abbreviations whole', () => {
    expect(
      splitSentences('Talks began. The EU lent $90 billion.\nKyiv agreed! "Yes," he said.'),
    ).toEqual(['Talks began.', 'The EU lent $90 billion.', 'Kyiv agreed!', '"Yes," he said.']);
  });

  it('shows a changed figure as the old sentence removed and the new one added', () => {
    const before = 'Rubio spoke. The EU extended a $105 billion loan. Talks end.';
    const after =
      'Rubio spoke. The EU extended a $90 billion loan. Talks end. Moscow accused Kyiv.';
    expect(sentenceDiff(before, after)).toEqual([
      { op: 'removed', sentence: 'The EU extended a $105 billion loan.' },
      { op: 'added', sentence: 'The EU extended a $90 billion loan.' },
      { op: 'added', sentence: 'Moscow accused Kyiv.' },
    ]);
  });

  it('is empty for the same text and aligns moved-around sentences by their order', () => {
    expect(sentenceDiff('A one. B two.', 'A one. B two.')).toEqual([]);
    expect(sentenceDiff('A one. B two. C three.', 'B two. C three. A one.')).toEqual([
      { op: 'removed', sentence: 'A one.' },
      { op: 'added', sentence: 'A one.' },
    ]);
  });
});
