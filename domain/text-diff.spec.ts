import { describe, expect, it } from 'vitest';
import { figureChanges, sentenceDiff, splitSentences } from './text-diff.ts';

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

describe('figureChanges', () => {
  it('finds the figure an update changed in a sentence that otherwise stayed', () => {
    const was =
      'Talks went on. In parallel, the European Union extended a $105 billion loan to Ukraine to sustain its defense. Nothing else.';
    const now =
      'Talks went on. In parallel, the European Union extended a $90 billion loan to Ukraine to sustain its defense. On Saturday, Moscow accused Kyiv. Nothing else.';
    expect(figureChanges(was, now)).toEqual([
      {
        before: '$105 billion',
        after: '$90 billion',
        was: 'In parallel, the European Union extended a $105 billion loan to Ukraine to sustain its defense.',
        now: 'In parallel, the European Union extended a $90 billion loan to Ukraine to sustain its defense.',
      },
    ]);
  });

  it('reports nothing for a reworded sentence with the same figures, or an unrelated one', () => {
    expect(
      figureChanges('About 40 people died in Gaza.', 'About 40 people were killed in Gaza.'),
    ).toEqual([]);
    expect(figureChanges('Prices rose 3%.', 'A new envoy was named on Monday.')).toEqual([]);
    expect(figureChanges('Troops: 1,200 soldiers.', 'Troops: 1,500 soldiers.')).toEqual([
      {
        before: '1,200 soldiers',
        after: '1,500 soldiers',
        was: 'Troops: 1,200 soldiers.',
        now: 'Troops: 1,500 soldiers.',
      },
    ]);
  });
});
