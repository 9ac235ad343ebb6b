import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.ts';

const split = (text: string) => splitFrontMatter(text, 'r.md');

describe('splitFrontMatter', () => {
  it('reads the documented fields and returns the body', () => {
    const { frontMatter, body } = split(
      [
        '---',
        'id: geneva-1',
        'title: "Envoys meet: Geneva"',
        'published: 2025-11-14',
        'source: Wire',
        'url: https://example.org/a',
        'tags: [ignored]',
        '---',
        'Body text.',
      ].join('\n'),
    );
    expect(frontMatter).toEqual({
      id: 'geneva-1',
      title: 'Envoys meet: Geneva',
      publishedAt: '2025-11-14',
      source: 'Wire',
      url: 'https://example.org/a',
    });
    expect(body).toBe('Body text.');
  });

  it('accepts a timestamp and a date: key, and numeric ids', () => {
    const { frontMatter } = split('---\nid: 42\ndate: 2025-11-14T08:00:00Z\n---\nx');
    expect(frontMatter).toEqual({ id: '42', publishedAt: '2025-11-14' });
  });

  it('leaves text without front matter alone', () => {
    expect(split('Kyiv agreed.\n---\nno: matter')).toEqual({
      frontMatter: {},
      body: 'Kyiv agreed.\n---\nno: matter',
    });
  });

  it('accepts empty front matter', () => {
    expect(split('---\n---\nBody')).toEqual({ frontMatter: {}, body: 'Body' });
  });

  it.each([
    ['---\nid: a\ntitle: "open quote\n---\nb', /front matter line 3: Missing closing "quote/],
    ['---\nid: a\nid: b\n---\nb', /front matter line 3: Map keys must be unique/],
    [
      '---\ntitle: ok\npublished: next week\n---\nb',
      /front matter line 3: 'published' is not a date/,
    ],
    ['---\ntitle: [a, b]\n---\nb', /front matter line 2: 'title' must be text/],
    [
      '---\nurl: javascript:alert(1)\n---\nb',
      /front matter line 2: 'url' must be an http\(s\) address/,
    ],
    ['---\n- a\n- b\n---\nb', /front matter line 2: expected key: value pairs/],
    ['---\nid: "  "\n---\nb', /front matter line 2: the id is blank/],
    ['---\nid: a\ntitle: b\n', /front matter opened on line 1 is never closed/],
  ])('refuses malformed front matter, naming the line: %j', (text, message) => {
    expect(() => split(text)).toThrow(message);
    expect(() => split(text)).toThrow(expect.objectContaining({ code: 'FRONT_MATTER' }));
  });
});
