import { describe, expect, it } from 'vitest';
import { isSector } from '../../../domain/index.ts';
import { GROUP_NOUNS, MEDIA, ORGANIZATIONS, TITLES } from './curated.ts';
import { ORG_HEADS } from '../words.ts';

describe('sectors', () => {
  it('every sector the gazetteer and name patterns assign is one of the shared codes', () => {
    const assigned = [
      ...[...ORGANIZATIONS, ...MEDIA].map((e) => e.sector),
      ...TITLES.values(),
      ...GROUP_NOUNS.values(),
      ...ORG_HEADS.values(),
    ];
    expect(assigned.length).toBeGreaterThan(50);
    expect(assigned.filter((s) => !isSector(s))).toEqual([]);
  });
});
