import { describe, expect, it } from 'vitest';
import type { Network, NetworkNode } from '../../../../server/api/types.ts';
import { scoreColor } from '../../../../domain/index.ts';
import { ALWAYS_LABELLED, buildGraph, mergeNetwork, seedPosition } from './build-graph.ts';

const node = (
  id: string,
  events: number,
  kind: NetworkNode['kind'] = 'person',
  country: string | null = 'RUS',
): NetworkNode => ({
  id,
  name: id.split(':')[1] ?? id,
  kind,
  country,
  sector: null,
  title: null,
  aliases: [],
  events,
  statements: 0,
  mentions: 1,
});

const net: Network = {
  nodes: [
    node('person:dmitriev', 5),
    node('state:USA', 3, 'state', 'USA'),
    node('person:witkoff', 1, 'person', 'USA'),
  ],
  edges: [
    {
      id: 'person:dmitriev->state:USA',
      source: 'person:dmitriev',
      target: 'state:USA',
      count: 1,
      byType: { REJECT: 1 },
      dominantType: 'REJECT',
      meanScore: -2,
      firstDate: null,
      lastDate: null,
    },
    {
      id: 'person:dmitriev->person:witkoff',
      source: 'person:dmitriev',
      target: 'person:witkoff',
      count: 3,
      byType: { CONSULT: 3 },
      dominantType: 'CONSULT',
      meanScore: 2.5,
      firstDate: '2025-12-20',
      lastDate: '2025-12-20',
    },
    {
      id: 'x->y',
      source: 'person:ghost',
      target: 'state:USA',
      count: 1,
      byType: { AID: 1 },
      dominantType: 'AID',
      meanScore: 10,
      firstDate: null,
      lastDate: null,
    },
  ],
  truncated: false,
};

describe('buildGraph', () => {
  it('turns actors and aggregated events into nodes and directed, coloured edges', () => {
    const g = buildGraph(net, 'kind');
    expect(g.order).toBe(3);
    expect(g.size).toBe(2); // the edge to an unknown actor is dropped
    expect(g.getEdgeAttribute('person:dmitriev->state:USA', 'color')).toBe(scoreColor(-2));
    expect(g.getEdgeAttribute('person:dmitriev->person:witkoff', 'color')).toBe(scoreColor(2.5));
    expect(g.getEdgeAttribute('person:dmitriev->person:witkoff', 'size')).toBeGreaterThan(
      g.getEdgeAttribute('person:dmitriev->state:USA', 'size'),
    );
    expect(g.getNodeAttribute('person:dmitriev', 'size')).toBeGreaterThan(
      g.getNodeAttribute('person:witkoff', 'size'),
    );
    expect(g.getNodeAttribute('person:dmitriev', 'label')).toBe('dmitriev');
  });
  it('colours by country when asked', () => {
    const byKind = buildGraph(net, 'kind');
    const byCountry = buildGraph(net, 'country');
    expect(byKind.getNodeAttribute('person:witkoff', 'color')).toBe(
      byKind.getNodeAttribute('person:dmitriev', 'color'),
    );
    expect(byCountry.getNodeAttribute('person:witkoff', 'color')).not.toBe(
      byCountry.getNodeAttribute('person:dmitriev', 'color'),
    );
  });
  it('always labels the most active actors', () => {
    const many: Network = {
      nodes: Array.from({ length: 30 }, (_, i) => node(`p:${i}`, i)),
      edges: [],
      truncated: false,
    };
    const g = buildGraph(many, 'kind');
    const forced = g.filterNodes((_, a) => a.forceLabel);
    expect(forced.length).toBe(ALWAYS_LABELLED);
    expect(forced).toContain('p:29');
    expect(forced).not.toContain('p:0');
  });
  it('merges neighbours without duplicating', () => {
    const g = buildGraph({ ...net, edges: [] }, 'kind');
    const added = mergeNetwork(g, net, 'kind');
    expect(added.nodes).toEqual([]);
    expect(added.edges.length).toBe(2);
    expect(mergeNetwork(g, net, 'kind').edges).toEqual([]);
  });
  it('seeds positions deterministically', () => {
    expect(seedPosition('a', 0, 3)).toEqual(seedPosition('a', 0, 3));
    expect(buildGraph({ nodes: [], edges: [], truncated: false }, 'kind').order).toBe(0);
  });
});
