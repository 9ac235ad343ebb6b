import { describe, expect, it } from 'vitest';
import { trim } from './build.ts';
import { lookup } from './index.ts';

describe('gazetteer', () => {
  it('trims the country package to names, capitals and demonyms', () => {
    const [c] = trim([
      {
        cca3: 'UKR',
        name: { common: 'Ukraine', official: 'Ukraine' },
        altSpellings: ['UA', 'Ukrayina'],
        capital: ['Kyiv'],
        demonyms: { eng: { f: 'Ukrainian', m: 'Ukrainian' } },
        unMember: true,
      },
    ]);
    expect(c).toEqual({
      code: 'UKR',
      name: 'Ukraine',
      names: ['Ukraine', 'Ukrayina'],
      capitals: ['Kyiv'],
      demonyms: ['Ukrainian'],
      unMember: true,
    });
  });

  it('prefers UN members and curated names for shared demonyms', () => {
    const hit = lookup('American troops', 0)[0]?.hit;
    expect(hit).toMatchObject({ type: 'demonym', code: 'USA' });
  });

  it('matches all-capital datelines and longest names first', () => {
    expect(lookup('GENEVA —', 0)[0]?.surface).toBe('Geneva');
    expect(lookup('United States of America', 0)[0]?.surface).toBe('United States of America');
    expect(lookup('Iranians', 0)[0]?.hit).toMatchObject({
      type: 'demonym',
      code: 'IRN',
      plural: true,
    });
  });
});
