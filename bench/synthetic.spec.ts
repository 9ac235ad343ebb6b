import { describe, expect, it } from 'vitest';
import { isPloverCategory } from '../domain/index.ts';
import { generateCases, generateReports, mulberry32, PERSON_POOL_SIZE } from './synthetic.ts';

describe('generateReports', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateReports(50, 42)).toEqual(generateReports(50, 42));
    expect(generateReports(5, 1)[0].text).not.toEqual(generateReports(5, 2)[0].text);
    expect(mulberry32(9)()).toBe(mulberry32(9)());
  });

  it('returns exactly the requested number of reports with unique ids', () => {
    expect(generateReports(0)).toEqual([]);
    const reports = generateReports(137, 3);
    expect(reports).toHaveLength(137);
    expect(new Set(reports.map((r) => r.id)).size).toBe(137);
    expect(() => generateReports(-1)).toThrow(RangeError);
    expect(() => generateReports(1.5)).toThrow(RangeError);
  });

  it('writes reports in the sample style: headline, dateline, 6–12 sentences, dates', () => {
    for (const r of generateReports(200, 5)) {
      expect(r.publishedAt).toMatch(/^20(24|25|26)-\d\d-\d\d$/);
      const [headline, , blank, ...body] = r.text.split('\n');
      expect(headline).toBe(r.title);
      expect(blank).toBe('');
      expect(body.join('\n')).toMatch(/^[A-ZÁÍ .-]+ — [A-Z“]/);
      const sentences = body
        .join(' ')
        .split(/(?<=\.|\.”)(?<!U\.S\.|U\.N\.)\s+(?=[A-Z“])/)
        .filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(6);
      expect(sentences.length).toBeLessThanOrEqual(12);
      expect(r.text).not.toMatch(/undefined|NaN|\$\{/);
    }
    const all = generateReports(200, 5)
      .map((r) => r.text)
      .join('\n');
    expect(all).toMatch(/ on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/);
    expect(all).toMatch(
      / on (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d/,
    );
    expect(all).toMatch(/, (Reuters|Politico|the Associated Press|Bloomberg)[^.]* reported\./);
    expect(all).toMatch(/ said (on \w+ )?that /);
    for (const verb of [
      'met with',
      'rejected',
      'accused',
      'imposed sanctions on',
      'urged',
      'shelled',
    ]) {
      expect(all).toContain(verb);
    }
  });

  it('varies its actors: 10,000 reports name at least 5,000 distinct people', () => {
    expect(PERSON_POOL_SIZE).toBeGreaterThanOrEqual(6000);
    const cases = generateCases(10_000, 1);
    const people = new Set(cases.flatMap((c) => c.people));
    expect(people.size).toBeGreaterThanOrEqual(5000);
    expect(new Set(cases.flatMap((c) => c.states)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.flatMap((c) => c.organizations)).size).toBeGreaterThanOrEqual(10);
    const types = new Set(cases.flatMap((c) => c.eventTypes));
    for (const t of types) expect(isPloverCategory(t), t).toBe(true);
    expect(types.size).toBeGreaterThanOrEqual(15);
    expect(cases.reduce((n, c) => n + c.statementCount, 0)).toBeGreaterThan(10_000);
  });

  it('never pairs an actor with itself in a two-party sentence', () => {
    const text = generateReports(500, 11)
      .map((r) => r.text)
      .join('\n');
    const self = /\b([A-Z][\w’-]+) (?:met with|accused|urged|rejected) \1\b/.exec(text);
    expect(self).toBeNull();
  });
});
