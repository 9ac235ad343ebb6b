import { describe, expect, it } from 'vitest';
import { idProblem, slugify } from './report-id.ts';

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
