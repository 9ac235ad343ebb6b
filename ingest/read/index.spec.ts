import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES, ReadError, readReport, type ReadErrorCode } from './index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/reports/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

function codeOf(run: () => unknown): ReadErrorCode {
  try {
    run();
  } catch (e) {
    if (e instanceof ReadError) return e.code;
    throw e;
  }
  throw new Error('expected a ReadError');
}

describe('readReport', () => {
  it('reads plain text as is, with the file name as id', () => {
    const report = readReport(utf8('Kyiv agreed.\r\nMoscow refused.\n'), 'reports/Miami Talks.txt');
    expect(report).toEqual({
      text: 'Kyiv agreed.\nMoscow refused.\n',
      meta: { id: 'miami-talks-txt', title: null, publishedAt: null, source: null, url: null },
      format: 'text',
      identity: { id: 'miami-talks-txt', from: 'file-name', by: "the file name 'Miami Talks.txt'" },
    });
  });

  it('reads Markdown with front matter into clean prose', () => {
    const report = readReport(fixture('geneva-talks.md'), 'geneva-talks.md');
    expect(report.meta).toEqual({
      id: 'geneva-ceasefire-talks',
      title: 'Envoys meet in Geneva as ceasefire talks resume',
      publishedAt: '2025-11-14',
      source: 'Parley test fixtures',
      url: 'https://example.org/reports/geneva-ceasefire-talks',
    });
    expect(report.text).toContain(
      'GENEVA — Turkish Foreign Minister Hakan Fidan met Ukrainian negotiator Rustem Umerov in Geneva on Thursday, according to a statement from the Turkish foreign ministry.',
    );
    expect(report.text).not.toMatch(/[*_#[\]]|---|https:/);
  });

  it('reads an HTML page', () => {
    const report = readReport(fixture('vienna-page.html'), 'vienna-page.html');
    // Named by its address (og:url), readable by its headline.
    expect(report.meta).toMatchObject({
      id: expect.stringMatching(/^foreign-ministers-agree-on-prisoner-exchange-[0-9a-f]{12}$/),
      publishedAt: '2025-10-03',
    });
    expect(report.identity).toMatchObject({ from: 'url' });
    expect(report.text).not.toContain('SCRIPT');
  });

  it('reads JSON, keeping its id', () => {
    const report = readReport(fixture('tallinn-report.json'), 'x.json');
    expect(report.meta).toMatchObject({ id: 'tallinn-cyber-pledge', publishedAt: '2025-09-12' });
    expect(
      report.text.startsWith('Estonia and Finland pledge joint cyber defence\n\nTALLINN'),
    ).toBe(true);
  });

  it('lets the caller’s id and publication date win over the file’s', () => {
    const report = readReport(fixture('geneva-talks.md'), 'geneva-talks.md', {
      id: 'my-id',
      publishedAt: '2026-01-01',
    });
    expect(report.meta).toMatchObject({ id: 'my-id', publishedAt: '2026-01-01' });
  });

  it('refuses invalid overrides', () => {
    expect(codeOf(() => readReport(utf8('x'), 'a.txt', { publishedAt: '2025-02-30' }))).toBe(
      'INVALID_OPTION',
    );
    expect(codeOf(() => readReport(utf8('x'), 'a.txt', { id: ' ' }))).toBe('INVALID_OPTION');
  });

  it('reads non-English text without complaint', () => {
    expect(readReport(fixture('russian.txt'), 'russian.txt').text).toContain('Сергей Лавров');
  });

  it.each<[string, Uint8Array, string, ReadErrorCode]>([
    ['an empty file', new Uint8Array(), 'a.txt', 'EMPTY'],
    ['a whitespace-only file', utf8(' \n\t\r\n '), 'a.txt', 'EMPTY'],
    ['Markdown with only front matter', utf8('---\nid: x\n---\n\n'), 'a.md', 'EMPTY'],
    [
      'HTML without prose',
      utf8('<html><body><script>alert(1)</script></body></html>'),
      'a.html',
      'EMPTY',
    ],
    ['JSON with empty text', utf8('{"text": ""}'), 'a.json', 'EMPTY'],
    ['binary bytes', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), 'a.txt', 'BINARY'],
    ['Latin-1 bytes', new Uint8Array([0x4b, 0x69, 0x65, 0x77, 0xe9]), 'a.txt', 'ENCODING'],
    ['6 MB', new Uint8Array(6 * 1024 * 1024).fill(0x61), 'a.txt', 'TOO_LARGE'],
    ['malformed front matter', fixture('bad-front-matter.md'), 'bad.md', 'FRONT_MATTER'],
    ['malformed JSON', utf8('{"text": '), 'a.json', 'FORMAT'],
    ['a PDF', utf8('%PDF-1.7'), 'a.pdf', 'UNSUPPORTED_TYPE'],
  ])('refuses %s', (_what, bytes, name, code) => {
    expect(codeOf(() => readReport(bytes, name))).toBe(code);
  });

  it('names the file, the line and the limit in its messages', () => {
    expect(() => readReport(fixture('bad-front-matter.md'), 'bad.md')).toThrow(
      'bad.md: front matter line 4: Missing closing "quote',
    );
    expect(() => readReport(new Uint8Array(MAX_REPORT_BYTES + 1), 'big.txt')).toThrow(
      /big\.txt: .*over the 5 MB limit/,
    );
  });

  it('gives errors a plain {code, message} for the wire', () => {
    try {
      readReport(new Uint8Array(), 'a.txt');
    } catch (e) {
      expect(JSON.parse(JSON.stringify(e))).toEqual({
        code: 'EMPTY',
        message: 'a.txt: the file is empty',
      });
    }
    expect.assertions(1);
  });
});
