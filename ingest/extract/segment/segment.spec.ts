import { describe, expect, it } from 'vitest';
import { segment } from './index.ts';

describe('segment', () => {
  it('splits lines and sentences with offsets into the text', () => {
    const text = 'Envoy meets Kushner\nKyiv’s team met him. He said no.';
    const { sentences, tokens } = segment(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Envoy meets Kushner',
      'Kyiv’s team met him.',
      'He said no.',
    ]);
    expect(sentences[0].heading).toBe(true);
    expect(sentences[1].heading).toBe(false);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'met')?.lemma).toBe('meet');
  });

  it('handles empty text', () => {
    expect(segment('')).toEqual({ sentences: [], tokens: [], entities: [], parsed: [] });
  });
});
