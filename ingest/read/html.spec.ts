import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtml } from './html.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/reports/${name}`, import.meta.url), 'utf8');

const PROSE =
  'Russian envoy Kirill Dmitriev rejected the proposal to hold trilateral talks with Ukraine in Miami, meeting privately with Jared Kushner and Steve Witkoff instead, Reuters reported.';

describe('readHtml', () => {
  it('reads the article of a news page and its metadata, without scripts, styles or navigation', () => {
    const page = readHtml(fixture('vienna-page.html'));
    expect(page.title).toBe('Foreign ministers agree on prisoner exchange');
    expect(page.publishedAt).toBe('2025-10-03');
    expect(page.source).toBe('The Daily Wire Service');
    expect(page.url).toBe('https://example.org/news/prisoner-exchange');
    expect(page.text.startsWith('Foreign ministers agree on prisoner exchange\n\nVIENNA — ')).toBe(
      true,
    );
    expect(page.text).toContain('Armenian Foreign Minister Ararat Mirzoyan met');
    expect(page.text).toContain('Iran called for a regional format');
    for (const chrome of [
      'SCRIPT-IN-HEAD',
      'SCRIPT-IN-BODY',
      'STYLE-TEXT',
      'NAV-TEXT',
      'MASTHEAD-TEXT',
      'FOOTER-TEXT',
      'ASIDE-TEXT',
      'font-family',
    ]) {
      expect(page.text).not.toContain(chrome);
    }
  });

  it('keeps hostile markup out of the text and refuses a javascript: URL', () => {
    const page = readHtml(fixture('hostile.html'));
    expect(page.title).toBe('Envoys meet in Doha');
    expect(page.url).toBeNull();
    expect(page.text).toContain('Egypt urged Israel to accept a truce.');
    expect(page.text).toContain('Turkey offered to mediate between the sides.');
    for (const hostile of ['alert', '<script', 'onerror', 'javascript:', '<img', 'SVG-TEXT', '<']) {
      expect(page.text).not.toContain(hostile);
    }
  });

  it('drops <script>, <style>, <nav> and <img onerror> from a bare fragment', () => {
    const page = readHtml(
      `<nav>Home | World</nav><style>p{}</style><p>${PROSE}<script>alert(1)</script><img src=x onerror=alert(1)></p>`,
    );
    expect(page.text).toBe(PROSE);
  });

  it('survives unclosed and stray tags', () => {
    const page = readHtml(
      '<p>Kyiv agreed. <b>Moscow <i>refused</p></span></div><div>Witkoff <span>met Umerov',
    );
    expect(page.text).toContain('Kyiv agreed. Moscow refused');
    expect(page.text).toContain('Witkoff met Umerov');
  });

  it('gives empty text, not a crash, for pages without prose', () => {
    expect(readHtml('<html><head><script>x()</script></head><body></body></html>').text).toBe('');
    expect(readHtml('<<<>>>< / >').text).not.toContain('<script');
  });

  it('takes <time datetime> when there is no published_time, and trims the site name off <title>', () => {
    const page = readHtml(
      `<html><head><title>Envoy rejects talks | Wire</title></head><body><article><h1>Envoy rejects talks</h1><time datetime="2025-12-20T09:00:00Z">Saturday</time><p>${PROSE}</p></article></body></html>`,
    );
    expect(page.title).toBe('Envoy rejects talks');
    expect(page.publishedAt).toBe('2025-12-20');
  });

  it('ignores an unusable published_time', () => {
    const page = readHtml(
      `<html><head><meta property="article:published_time" content="soon"></head><body><p>${PROSE}</p></body></html>`,
    );
    expect(page.publishedAt).toBeNull();
  });

  it('separates table cells and list items', () => {
    const page = readHtml(
      `<body><p>${PROSE}</p><ul><li>Kyiv</li><li>Moscow</li></ul><table><tr><td>Russia</td><td>Ukraine</td></tr></table></body>`,
    );
    expect(page.text).toContain('Kyiv\n\nMoscow');
    expect(page.text).toContain('Russia Ukraine');
  });

  it('reads non-English pages', () => {
    const page = readHtml(
      '<html lang="ru"><head><title>Переговоры</title></head><body><p>Министр иностранных дел России встретился в Москве с министром иностранных дел Турции.</p></body></html>',
    );
    expect(page.title).toBe('Переговоры');
    expect(page.text).toContain('Министр иностранных дел России встретился');
  });
});
