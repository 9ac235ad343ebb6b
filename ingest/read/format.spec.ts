import { describe, expect, it } from 'vitest';
import { reportFormat, splitFileName } from './format.ts';

describe('reportFormat', () => {
  it.each([
    ['a.txt', 'text'],
    ['notes', 'text'],
    ['A.MD', 'markdown'],
    ['a.markdown', 'markdown'],
    ['page.htm', 'html'],
    ['dir/page.html', 'html'],
    ['r.json', 'json'],
  ])('%s is %s', (name, format) => {
    expect(reportFormat(name)).toBe(format);
  });

  it('refuses other types, listing the supported ones', () => {
    expect(() => reportFormat('brief.pdf')).toThrow(
      "brief.pdf: unsupported file type '.pdf' (expected .txt, .md, .html or .json)",
    );
    expect(() => reportFormat('brief.pdf')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }),
    );
  });
});

describe('splitFileName', () => {
  it('takes the last path segment and its last extension', () => {
    expect(splitFileName('/x/y/miami-talks.v2.txt')).toEqual({
      stem: 'miami-talks.v2',
      extension: 'txt',
    });
    expect(splitFileName('C:\\r\\.hidden')).toEqual({ stem: '.hidden', extension: '' });
  });
});
