import { describe, expect, it } from 'vitest';
import { idProblem, reportIdentity, slugify } from './report-id.ts';

describe('slugify', () => {
  it.each([
    ['miami-talks', 'miami-talks'],
    ['Miami Talks (Dec 2025)', 'miami-talks-dec-2025'],
    ['Zürich_Gespräche', 'zurich-gesprache'],
    ['Переговоры в Москве', 'переговоры-в-москве'],
    ['---', 'report'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('caps the length', () => {
    expect(slugify('a'.repeat(500))).toHaveLength(200);
  });
});

describe('idProblem', () => {
  it('keeps explicit ids as written', () => {
    expect(idProblem('PLOVER-GSR01-AGREE-0001')).toBeNull();
  });
  it('refuses blank, control-character and over-long ids', () => {
    expect(idProblem('  ')).toMatch(/blank/);
    expect(idProblem('a\nb')).toMatch(/control/);
    expect(idProblem('x'.repeat(201))).toMatch(/longer/);
  });
});

describe('reportIdentity', () => {
  const text = 'Kyiv agreed.';

  it('keeps a given id', () => {
    expect(reportIdentity({ id: 'my-report', title: 'T', fileName: 'x.md', text })).toEqual({
      id: 'my-report',
      from: 'id',
      by: "the id 'my-report'",
    });
  });

  it('tells files with the same stem apart, whatever path the client sent', () => {
    const md = reportIdentity({ fileName: '../../etc/x.md', text });
    const txt = reportIdentity({ fileName: 'C:\\windows\\x.txt', text });
    expect(md).toMatchObject({ id: 'x-md', from: 'file-name', by: "the file name 'x.md'" });
    expect(txt).toMatchObject({ id: 'x-txt', from: 'file-name' });
    // The same file edited and read again is the same document.
    expect(reportIdentity({ fileName: 'reports/X.md', text: 'Moscow refused.' }).id).toBe('x-md');
  });

  it('names a titled report by title, source and date, before its file name', () => {
    const briefing = (publishedAt: string | null, source: string | null, fileName = 'b.md') =>
      reportIdentity({ title: 'Daily briefing', publishedAt, source, fileName, text }).id;
    expect(briefing('2025-12-21', null)).toMatch(/^daily-briefing-[0-9a-f]{12}$/);
    expect(briefing('2025-12-21', null)).toBe(briefing('2025-12-21', null, 'other-name.md'));
    expect(briefing('2025-12-21', null)).not.toBe(briefing('2025-12-22', null));
    expect(briefing('2025-12-21', null)).not.toBe(briefing('2025-12-21', 'Reuters'));
  });

  it('names a web page by its address, so an updated headline stays one document', () => {
    const page = (title: string) =>
      reportIdentity({ url: 'https://example.org/news/1', title, publishedAt: '2025-12-21', text });
    expect(page('Talks open').from).toBe('url');
    expect(page('Talks open').id.slice(-12)).toBe(page('Talks collapse').id.slice(-12));
  });

  it('falls back to the text when nothing else names the report', () => {
    const a = reportIdentity({ text });
    expect(a).toMatchObject({ id: expect.stringMatching(/^report-[0-9a-f]{12}$/), from: 'text' });
    expect(reportIdentity({ text: 'Moscow refused.' }).id).not.toBe(a.id);
    expect(reportIdentity({ fileName: '   ', text }).id).toBe(a.id);
  });
});
