import { describe, expect, it } from 'vitest';
import { inlineToText, markdownToText } from './markdown-text.ts';

describe('markdownToText', () => {
  it('keeps headings as their own blocks and joins soft-wrapped lines', () => {
    expect(markdownToText('# Envoy rejects talks #\n\nDmitriev rejected\nthe proposal.\n')).toBe(
      'Envoy rejects talks\n\nDmitriev rejected the proposal.',
    );
  });

  it('drops setext underlines and thematic breaks', () => {
    expect(markdownToText('Title\n=====\n\nSubtitle\n--------\n\n***\n\nText.')).toBe(
      'Title\n\nSubtitle\n\nText.',
    );
  });

  it('reduces lists, quotes and tables to their words', () => {
    const md =
      '- Kyiv agreed\n* Moscow refused\n1. First\n- [x] done\n\n> He said no.\n> > Nested.\n\n| A | B |\n|---|:-:|\n| Russia | Ukraine |';
    expect(markdownToText(md)).toBe(
      'Kyiv agreed\n\nMoscow refused\n\nFirst\n\ndone\n\nHe said no. Nested.\n\nA; B\n\nRussia; Ukraine',
    );
  });

  it('keeps code blocks verbatim and drops reference definitions', () => {
    expect(
      markdownToText('```js\nconst *x* = 1;\n```\n[ref]: https://example.org\nText [here][ref].'),
    ).toBe('const *x* = 1;\n\nText here.');
  });
});

describe('inlineToText', () => {
  it.each([
    ['**Kirill Dmitriev** met *Kushner*', 'Kirill Dmitriev met Kushner'],
    ['__strong__ and _em_ but snake_case_name stays', 'strong and em but snake_case_name stays'],
    ['2 * 3 * 4 stays', '2 * 3 * 4 stays'],
    ['[the Trump administration](https://x.org/a_(b) "t") said', 'the Trump administration said'],
    ['see ![a photo](p.png) here', 'see here'],
    ['visit <https://example.org>', 'visit https://example.org'],
    ['`a*b*` and \\*literal\\*', 'a*b* and *literal*'],
    ['~~old~~ new', 'old new'],
    ['before <script>alert(1)</script> after <b>bold</b>', 'before after bold'],
    ['Лавров *встретился* с Фиданом', 'Лавров встретился с Фиданом'],
  ])('%s', (markdown, text) => {
    expect(inlineToText(markdown)).toBe(text);
  });
});

describe('markdownToText on hostile input', () => {
  // Quadratic patterns would take hours on these; linear ones take milliseconds.
  it.each(['[a', '![a', '[a](', '**a ', '__a ', '~~a ', '<!--a', '<script>a', '`a', '_a ', '*a '])(
    'stays linear on a 1 MB line of unclosed %j',
    (piece) => {
      const line = piece.repeat(Math.ceil(1_000_000 / piece.length));
      expect(typeof markdownToText(line)).toBe('string');
    },
    10_000,
  );
});
