import { describe, expect, it } from 'vitest';
import type { Network } from '../../../server/api/types.ts';
import { initialState, type AppState } from '../app/store.ts';
import { networkRenewed } from './map-data-controller.ts';

const net = (version: string): Network => ({ nodes: [], edges: [], truncated: false, version });

describe('networkRenewed (the map asks for its places again)', () => {
  const ready: AppState = { ...initialState(), network: { status: 'ready', data: net('v0') } };

  it('when a network is asked for', () => {
    const loading: AppState = { ...ready, network: { status: 'loading', data: net('v0') } };
    expect(networkRenewed(loading, ready)).toBe(true);
  });

  it("not for the app's first network, asked for once a view wants it", () => {
    const idle = initialState();
    expect(networkRenewed({ ...idle, network: { status: 'loading' } }, idle)).toBe(false);
  });

  it('when a curation patches the network, ready to ready without loading', () => {
    const from = net('v0');
    const to = net('v1');
    const patched: AppState = {
      ...ready,
      network: { status: 'ready', data: to },
      networkPatch: { from, to },
    };
    expect(networkRenewed(patched, ready)).toBe(true);
  });

  it('not for another change of the state (a hover, the same patch)', () => {
    const patched: AppState = { ...ready, networkPatch: { from: net('v0'), to: net('v1') } };
    expect(networkRenewed({ ...patched, hovered: 'a' }, patched)).toBe(false);
    expect(networkRenewed({ ...ready, hovered: 'a' }, ready)).toBe(false);
  });
});
