import { describe, expect, it } from 'vitest';
import { quadSlices, quadSummary } from './quads.ts';

describe('quad slices', () => {
  it('splits a marker by each quad class share, in PLOVER order', () => {
    expect(quadSlices({ 'material-conflict': 3, 'verbal-cooperation': 1 })).toEqual([
      { quad: 'verbal-cooperation', from: 0, to: 0.25 },
      { quad: 'material-conflict', from: 0.25, to: 1 },
    ]);
    expect(quadSlices({})).toEqual([]);
    expect(quadSummary({ 'material-conflict': 3 })).toBe('3 material conflict');
  });
});
