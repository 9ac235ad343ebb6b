import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_TOKENS, splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

function sentences(text: string): string[] {
  const tokens = tokenize(text);
  return splitSentences(text, tokens).map(([a, b]) =>
    text.slice(tokens[a].start, tokens[b - 1].end),
  );
}

describe('splitSentences', () => {
  it('ends at terminal punctuation before a capital, keeping closing quotes', () => {
    expect(sentences('He left. She stayed! Why? "We will see." Then he said no.')).toEqual([
      'He left.',
      'She stayed!',
      'Why?',
      '"We will see."',
      'Then he said no.',
    ]);
  });

  it('does not end after titles, initials or month abbreviations', () => {
    expect(
      sentences('Mr. Blinken met Gen. Mark A. Milley on Jan. 5 in Washington. Talks ended.'),
    ).toEqual(['Mr. Blinken met Gen. Mark A. Milley on Jan. 5 in Washington.', 'Talks ended.']);
  });

  it('ends after U.S. only before a word that opens a sentence', () => {
    expect(sentences('He flew to the U.S. The talks failed. U.S. Army units left.')).toEqual([
      'He flew to the U.S.',
      'The talks failed.',
      'U.S. Army units left.',
    ]);
    expect(
      sentences('Aid from the U.S. Agency for International Development arrived.'),
    ).toHaveLength(1);
  });

  it('ends at line breaks (headlines) unless the text is hard-wrapped mid-sentence', () => {
    expect(
      sentences(
        'Envoy rejects talks\nThe envoy said the talks would\nnot go ahead.\n\nNew section',
      ),
    ).toEqual([
      'Envoy rejects talks',
      'The envoy said the talks would\nnot go ahead.',
      'New section',
    ]);
  });

  it('cuts a 10,000-token sentence into bounded pieces', () => {
    const text = 'word '.repeat(10_000);
    const tokens = tokenize(text);
    const ranges = splitSentences(text, tokens);
    expect(ranges.length).toBe(Math.ceil(10_000 / MAX_SENTENCE_TOKENS));
    expect(ranges.every(([a, b]) => b - a <= MAX_SENTENCE_TOKENS)).toBe(true);
  });
});
