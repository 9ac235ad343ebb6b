import { describe, expect, it } from 'vitest';
import { tokenize, MAX_TOKEN_LENGTH } from './tokenize.ts';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize (UD English-EWT conventions)', () => {
  it('splits clitics the way the treebank does', () => {
    expect(words("I don't think they're sure it's John's.")).toEqual([
      'I',
      'do',
      "n't",
      'think',
      'they',
      "'re",
      'sure',
      'it',
      "'s",
      'John',
      "'s",
      '.',
    ]);
    expect(words('We can’t, we won’t, we cannot and we’re gonna')).toEqual([
      'We',
      'ca',
      'n’t',
      ',',
      'we',
      'wo',
      'n’t',
      ',',
      'we',
      'can',
      'not',
      'and',
      'we',
      '’re',
      'gon',
      'na',
    ]);
  });

  it("keeps words that name an object's built-in members ('constructor', 'toString')", () => {
    expect(words('The constructor said toString and valueOf.')).toEqual([
      'The',
      'constructor',
      'said',
      'toString',
      'and',
      'valueOf',
      '.',
    ]);
  });

  it('keeps abbreviations, initials and numbers whole', () => {
    expect(
      words('Mr. Smith of Acme Inc. met U.S. officials on Jan. 5 at 10:30am for $1,000.50 (3.5%).'),
    ).toEqual([
      'Mr.',
      'Smith',
      'of',
      'Acme',
      'Inc.',
      'met',
      'U.S.',
      'officials',
      'on',
      'Jan.',
      '5',
      'at',
      '10:30',
      'am',
      'for',
      '$',
      '1,000.50',
      '(',
      '3.5',
      '%',
      ')',
      '.',
    ]);
    expect(words('George W. Bush said so on 11/28/2000.')).toEqual([
      'George',
      'W.',
      'Bush',
      'said',
      'so',
      'on',
      '11/28/2000',
      '.',
    ]);
  });

  it('splits hyphenated compounds but not prefixes, and slashes between words', () => {
    expect(words('a long-term, non-profit e-mail and/or 713-853-1234 UN-led')).toEqual([
      'a',
      'long',
      '-',
      'term',
      ',',
      'non-profit',
      'e-mail',
      'and',
      '/',
      'or',
      '713-853-1234',
      'UN',
      '-',
      'led',
    ]);
  });

  it('separates quotes, brackets and ellipses and keeps URLs, e-mail addresses and handles whole', () => {
    expect(
      words('“Stop,” he said... (see https://example.org/a?b=1). Mail a.b@c.org or @un_news!'),
    ).toEqual([
      '“',
      'Stop',
      ',',
      '”',
      'he',
      'said',
      '...',
      '(',
      'see',
      'https://example.org/a?b=1',
      ')',
      '.',
      'Mail',
      'a.b@c.org',
      'or',
      '@un_news',
      '!',
    ]);
  });

  it('separates a dash that ends or opens a word, as in a dateline without a space', () => {
    expect(words('LIMA— Talks resumed —quietly– on Monday.')).toEqual([
      'LIMA',
      '—',
      'Talks',
      'resumed',
      '—',
      'quietly',
      '–',
      'on',
      'Monday',
      '.',
    ]);
  });

  it('keeps exact UTF-16 offsets for any Unicode: RTL, emoji, combining marks, NUL', () => {
    const text = 'Le ministre a dit\u0000 «non» — مرحبا بالعالم 👩‍👩‍👧 café́ 𝒳 done.';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let i = 1; i < tokens.length; i++)
      expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
    expect(tokens.map((t) => t.text)).toContain('مرحبا');
    expect(tokens.map((t) => t.text)).toContain('👩‍👩‍👧');
    expect(tokens.some((t) => t.text.includes('\u0000'))).toBe(false);
  });

  it('handles 100,000 characters without a space in bounded time and pieces', () => {
    const text = 'x'.repeat(50_000) + '😀'.repeat(25_000);
    const started = Date.now();
    const tokens = tokenize(text);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Math.max(...tokens.map((t) => t.text.length))).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    // no surrogate pair is cut in half
    for (const t of tokens) expect(/^[\uDC00-\uDFFF]/.test(t.text)).toBe(false);
  });

  it('tokenizes a range of the text with offsets into the whole', () => {
    const text = 'Skip this. Take that.';
    expect(tokenize(text, 11).map((t) => [t.text, t.start])).toEqual([
      ['Take', 11],
      ['that', 16],
      ['.', 20],
    ]);
  });
});
