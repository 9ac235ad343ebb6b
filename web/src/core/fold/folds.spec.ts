import { describe, expect, it } from 'vitest';
import type { FoldedGroup, Network } from '../../../../server/api/types.ts';
import {
  cappedNote,
  DRAWN_ACTORS,
  foldCountry,
  foldIdOf,
  foldLabel,
  foldOf,
  foldParams,
  isFold,
  withOpen,
} from './folds.ts';

const group = (country: string | null, actors: number): FoldedGroup => ({
  id: foldIdOf(country),
  country,
  actors,
  events: actors * 3,
  statements: 0,
  names: [],
});

describe('folds', () => {
  it('name a country and how many actors it folds', () => {
    expect(foldLabel(group('UKR', 1204))).toBe('UKR · 1,204 more actors');
    expect(foldLabel(group(null, 1))).toBe('No country · 1 more actor');
    expect(foldIdOf(null)).toBe('folded:none');
    expect([isFold('folded:UKR'), isFold('state:UKR')]).toEqual([true, false]);
    expect([foldCountry('folded:none'), foldCountry('state:UKR')]).toEqual(['none', null]);
  });

  it('ask for the top and the opened countries, in one order', () => {
    expect(foldParams(null, [])).toEqual({ limit: String(DRAWN_ACTORS), fold: 'country' });
    const open = withOpen(withOpen([], 'UKR', true), 'none', true);
    expect(open).toEqual(['UKR', 'none']);
    expect(withOpen(['none', 'UKR'], 'UKR', true)).toEqual(open);
    expect(foldParams(12, open)).toEqual({ limit: '12', fold: 'country', open: 'UKR,none' });
    expect(withOpen(open, 'UKR', false)).toEqual(['none']);
  });

  it("find the fold that holds a country's actors", () => {
    const net: Network = {
      nodes: [],
      edges: [],
      truncated: true,
      folded: { groups: [group('UKR', 4), group(null, 2)], edges: [], edgesDropped: 0 },
    };
    expect(foldOf(net, 'UKR')?.actors).toBe(4);
    expect(foldOf(net, null)?.actors).toBe(2);
    expect(foldOf(net, 'none')?.actors).toBe(2);
    expect(foldOf(net, 'RUS')).toBeNull();
    expect(foldOf({ ...net, folded: undefined }, 'UKR')).toBeNull();
  });
  it('say when the opened folds did not all fit in the answer', () => {
    const net = (openCapped?: number): Network => ({
      nodes: [],
      edges: [],
      truncated: true,
      folded: { groups: [group('UKR', 900)], edges: [], edgesDropped: 0, openCapped },
    });
    expect(cappedNote(net())).toBeNull();
    expect(cappedNote(net(1200))).toBe(
      '1,200 actors of the opened countries stay folded: at most 5,000 actors are drawn at once. Fold a country back to draw others.',
    );
  });
});
