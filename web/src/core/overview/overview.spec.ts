import { describe, expect, it } from 'vitest';
import { networkEdge, networkNode } from '../network/fixtures.ts';
import { overview } from './overview.ts';

const node = (id: string, events: number, statements = 0) =>
  networkNode(id, { kind: 'state', events, statements });
const edge = (s: string, t: string, count: number, meanScore: number, lastDate: string | null) =>
  networkEdge(s, t, {
    count,
    byType: meanScore < 0 ? { ACCUSE: count } : { CONSULT: count },
    dominantType: meanScore < 0 ? 'ACCUSE' : 'CONSULT',
    meanScore,
    firstDate: lastDate,
    lastDate,
  });

describe('overview', () => {
  const net = {
    nodes: [node('RUS', 9), node('UKR', 12), node('USA', 12, 3), node('quiet', 0, 2)],
    edges: [
      edge('RUS', 'UKR', 6, -6, '2025-12-01'),
      edge('UKR', 'RUS', 1, -9, '2025-12-20'),
      edge('USA', 'UKR', 4, 3, '2025-12-10'),
      edge('USA', 'RUS', 1, 0, null),
    ],
    truncated: false,
  };
  const o = overview(net);
  it('lists the most active actors by events, ties by statements; no event, no place', () => {
    expect(o.actors.map((a) => a.id)).toEqual(['USA', 'UKR', 'RUS']);
  });
  it('ranks conflict and cooperation pairs by events × distance from neutral', () => {
    expect(o.conflict.map((p) => p.edgeId)).toEqual(['RUS->UKR', 'UKR->RUS']);
    expect(o.cooperation.map((p) => p.edgeId)).toEqual(['USA->UKR']);
  });
  it('lists the latest activity newest first, undated left out', () => {
    expect(o.recent.map((p) => p.edgeId)).toEqual(['UKR->RUS', 'USA->UKR', 'RUS->UKR']);
  });
});
