import { describe, expect, it } from 'vitest';
import type { Network, NetworkPatch } from '../../../server/api/types.ts';
import { canPatch } from './data-controller.ts';

const net = (): Network => ({ nodes: [], edges: [], truncated: false, version: 'v0' });
const patch: NetworkPatch = {
  from: 'v0',
  to: 'v1',
  nodes: { put: [], remove: [] },
  edges: { put: [], remove: [] },
  truncated: false,
};

describe('canPatch', () => {
  it('patches the network the curation was sent holding, at the patch’s version', () => {
    const held = net();
    expect(canPatch(held, held, patch)).toBe(true);
  });

  it('refuses another filter’s answer at the same graph version', () => {
    // Reject sent holding F0's network; F1's answer arrived meanwhile, also at v0.
    const f0 = net();
    const f1 = net();
    expect(canPatch(f1, f0, patch)).toBe(false);
  });

  it('refuses when nothing was held, or the version moved on', () => {
    const held = net();
    expect(canPatch(held, undefined, patch)).toBe(false);
    const later = { ...net(), version: 'v2' };
    expect(canPatch(later, later, patch)).toBe(false);
  });
});
