import { describe, expect, it } from 'vitest';
import type { Network } from '../../../../server/api/types.ts';
import { networkEdge, networkNode } from './fixtures.ts';
import { drawnNetwork, splitIsolates } from './isolates.ts';

const node = (id: string, events = 0) => networkNode(id, { name: id.toUpperCase(), events });
const edge = (s: string, t: string) => networkEdge(s, t);

const net: Network = {
  nodes: [node('a', 2), node('b', 1), node('c'), node('d', 5), node('e')],
  edges: [edge('a', 'b'), edge('e', 'x')], // x is not in the network: e stays isolated
  truncated: false,
};

describe('splitIsolates', () => {
  it('keeps actors with a relationship to a drawn actor, the rest most active first', () => {
    const { connected, isolates } = splitIsolates(net);
    expect(connected.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(connected.edges).toHaveLength(2);
    expect(isolates.map((n) => n.id)).toEqual(['d', 'c', 'e']);
  });

  it('draws everything when isolates are asked for', () => {
    expect(drawnNetwork(net, true).nodes).toHaveLength(5);
    expect(drawnNetwork(net, false).nodes).toHaveLength(2);
  });
});
