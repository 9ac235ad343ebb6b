import { describe, expect, it } from 'vitest';
import type { Ontology } from '../../../../server/api/types.ts';
import {
  NO_FILTERS,
  isFiltered,
  NO_COUNTRY,
  networkParams,
  quadState,
  setDateRange,
  toggleCountry,
  toggleKind,
  toggleQuad,
  toggleType,
  typeShown,
} from './filters.ts';

const o: Ontology = {
  quads: ['verbal-cooperation', 'verbal-conflict'],
  categories: [
    { type: 'AGREE', quad: 'verbal-cooperation', score: 2.5, modes: {}, color: '#0a0' },
    { type: 'CONSULT', quad: 'verbal-cooperation', score: 2.5, modes: {}, color: '#0a0' },
    { type: 'REJECT', quad: 'verbal-conflict', score: -2, modes: {}, color: '#a00' },
  ],
};

describe('filters', () => {
  it('shows everything by default and sends no parameters', () => {
    expect(typeShown(NO_FILTERS, 'REJECT')).toBe(true);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(Object.values(networkParams(NO_FILTERS)).every((v) => v === undefined)).toBe(true);
  });
  it('toggles a category off and on again back to "all"', () => {
    const f = toggleType(NO_FILTERS, o, 'REJECT');
    expect(f.types).toEqual(['AGREE', 'CONSULT']);
    expect(typeShown(f, 'REJECT')).toBe(false);
    expect(quadState(f, o, 'verbal-conflict')).toBe('none');
    expect(networkParams(f).types).toBe('AGREE,CONSULT');
    expect(toggleType(f, o, 'REJECT').types).toEqual([]);
  });
  it('toggles a whole quad class', () => {
    const f = toggleQuad(NO_FILTERS, o, 'verbal-cooperation');
    expect(f.types).toEqual(['REJECT']);
    const g = toggleType(f, o, 'AGREE');
    expect(quadState(g, o, 'verbal-cooperation')).toBe('some');
    expect(toggleQuad(g, o, 'verbal-cooperation').types).toEqual([]);
  });
  it('orders a reversed date range and filters countries and kinds', () => {
    const f = setDateRange(NO_FILTERS, '2025-12-20', '2025-12-01');
    expect([f.since, f.until]).toEqual(['2025-12-01', '2025-12-20']);
    const g = toggleKind(toggleCountry(f, 'USA', ['RUS', 'USA', 'UKR']), 'state');
    expect(networkParams(g)).toMatchObject({
      countries: 'RUS,UKR,none',
      kinds: 'person,organization,group',
      since: '2025-12-01',
    });
    expect(toggleCountry(g, 'USA', ['RUS', 'USA', 'UKR']).countries).toEqual([]);
    expect(toggleKind(g, 'state').kinds).toEqual([]);
  });
  it('keeps actors without a country when a country is unchecked, until "no country" is', () => {
    const f = toggleCountry(NO_FILTERS, 'USA', ['RUS', 'USA']);
    expect(f.countries).toEqual(['RUS', NO_COUNTRY]);
    expect(toggleCountry(f, NO_COUNTRY, ['RUS', 'USA']).countries).toEqual(['RUS']);
    expect(toggleCountry(NO_FILTERS, NO_COUNTRY, ['RUS', 'USA']).countries).toEqual(['RUS', 'USA']);
  });
  it('never filters down to nothing', () => {
    const only = toggleKind(toggleKind(toggleKind(NO_FILTERS, 'person'), 'state'), 'organization');
    expect(only.kinds).toEqual(['group']);
    expect(toggleKind(only, 'group').kinds).toEqual(['group']);
  });
});
