import { describe, expect, it } from 'vitest';
import type { Network, NetworkNode } from '../../../../server/api/types.ts';
import { scoreColor } from '../../../../domain/index.ts';
import {
  buildGraph,
  FOLD_COLOR,
  mergeNetwork,
  MOST_ACTIVE_LABELLED,
  MOST_CONNECTED_LABELLED,
} from './build-graph.ts';
import { edgeMidpoint } from './curves.ts';
import { networkEdge, networkNode } from './fixtures.ts';

const node = (
  id: string,
  events: number,
  kind: NetworkNode['kind'] = 'person',
  country: string | null = 'RUS',
): NetworkNode =>
  networkNode(id, { name: id.split(':')[1] ?? id, kind, country, events, reports: 2 });

const net: Network = {
  nodes: [
    node('person:dmitriev', 5),
    node('state:USA', 3, 'state', 'USA'),
    node('person:witkoff', 1, 'person', 'USA'),
  ],
  edges: [
    networkEdge('person:dmitriev', 'state:USA', {
      byType: { REJECT: 1 },
      dominantType: 'REJECT',
      meanScore: -2,
    }),
    networkEdge('person:dmitriev', 'person:witkoff', {
      count: 3,
      byType: { CONSULT: 3 },
      meanScore: 2.5,
      firstDate: '2025-12-20',
      lastDate: '2025-12-20',
    }),
    networkEdge('person:ghost', 'state:USA', {
      id: 'x->y',
      byType: { AID: 1 },
      dominantType: 'AID',
      meanScore: 10,
    }),
  ],
  truncated: false,
};

describe('buildGraph', () => {
  it('turns actors and aggregated events into nodes and directed, coloured edges', () => {
    const g = buildGraph(net, 'kind');
    expect(g.order).toBe(3);
    expect(g.size).toBe(2); // the edge to an unknown actor is dropped
    expect(g.getEdgeAttribute('person:dmitriev->state:USA', 'color').slice(0, 7)).toBe(
      scoreColor(-2),
    );
    expect(g.getEdgeAttribute('person:dmitriev->person:witkoff', 'color').slice(0, 7)).toBe(
      scoreColor(2.5),
    );
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
  it('always labels the 20 most active and the 50 most connected actors', () => {
    const many: Network = {
      nodes: Array.from({ length: 120 }, (_, i) => node(`p:${i}`, i)),
      // A hub with no events of its own in the network's counts but 60 relationships.
      edges: Array.from({ length: 60 }, (_, i) => ({
        ...net.edges[0],
        id: `p:0->p:${i + 1}`,
        source: 'p:0',
        target: `p:${i + 1}`,
      })),
      truncated: false,
    };
    const g = buildGraph(many, 'kind');
    const forced = g.filterNodes((_, a) => a.forceLabel);
    expect(forced).toContain('p:119'); // most active
    expect(forced).toContain('p:0'); // most connected
    expect(forced).not.toContain('p:70'); // neither
    expect(forced.length).toBeLessThanOrEqual(MOST_ACTIVE_LABELLED + MOST_CONNECTED_LABELLED);
    expect(g.getNodeAttribute('p:119', 'rank')).toBe(0);
  });
  it('draws an actor seen once, in one report, with no event, small and faint', () => {
    const g = buildGraph(
      {
        nodes: [
          { ...node('p:noise', 0), reports: 1 },
          { ...node('p:quiet', 0), reports: 3 },
          node('p:busy', 4),
        ],
        edges: [],
        truncated: false,
      },
      'kind',
    );
    expect(g.getNodeAttribute('p:noise', 'faint')).toBe(true);
    expect(g.getNodeAttribute('p:noise', 'color')).toMatch(/^#[0-9a-f]{8}$/);
    expect(g.getNodeAttribute('p:noise', 'size')).toBeLessThan(
      g.getNodeAttribute('p:quiet', 'size'),
    );
    expect(g.getNodeAttribute('p:quiet', 'faint')).toBe(false);
  });
  it('curves the two edges of a reciprocal pair to either side; a lone edge stays straight', () => {
    const back = {
      ...net.edges[0],
      id: 'state:USA->person:dmitriev',
      source: 'state:USA',
      target: 'person:dmitriev',
    };
    const g = buildGraph({ ...net, edges: [...net.edges, back] }, 'kind');
    expect(g.getEdgeAttribute('person:dmitriev->state:USA', 'type')).toBe('curved');
    expect(g.getEdgeAttribute('state:USA->person:dmitriev', 'type')).toBe('curved');
    expect(g.getEdgeAttribute('person:dmitriev->person:witkoff', 'type')).toBe('arrow');
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    const there = edgeMidpoint(a, b, 0.3);
    const back2 = edgeMidpoint(b, a, 0.3);
    expect(there.x).toBe(50);
    expect(Math.abs(there.y - back2.y)).toBeCloseTo(30); // 15 px either side of the chord
  });
  it('merges neighbours without duplicating', () => {
    const g = buildGraph({ ...net, edges: [] }, 'kind');
    const added = mergeNetwork(g, net, 'kind');
    expect(added.nodes).toEqual([]);
    expect(added.edges.length).toBe(2);
    expect(mergeNetwork(g, net, 'kind').edges).toEqual([]);
  });
  it('builds an empty graph from an empty network', () => {
    expect(buildGraph({ nodes: [], edges: [], truncated: false }, 'kind').order).toBe(0);
  });
});

describe('folds in the graph', () => {
  const fold = (country: string, actors: number) => ({
    id: `folded:${country}`,
    country,
    actors,
    events: actors * 2,
    statements: 0,
    names: [],
  });
  const folded: Network = {
    ...net,
    folded: {
      groups: [fold('UKR', 900), fold('FRA', 100)],
      edges: [
        { id: 'folded:UKR--state:USA', source: 'folded:UKR', target: 'state:USA', count: 40 },
        { id: 'folded:FRA--folded:UKR', source: 'folded:FRA', target: 'folded:UKR', count: 3 },
        // An end that is not drawn: left out, like an actor edge's.
        { id: 'folded:UKR--person:ghost', source: 'folded:UKR', target: 'person:ghost', count: 1 },
      ],
      edgesDropped: 0,
    },
  };

  it('draws each fold as a node sized by its actors, tied by plain lines, labelled', () => {
    const g = buildGraph(folded, 'kind');
    const [ukr, fra] = ['folded:UKR', 'folded:FRA'].map((id) => g.getNodeAttributes(id));
    expect(ukr.label).toBe('UKR · 900 more actors');
    expect(ukr.fold?.actors).toBe(900);
    expect(ukr.actor).toBeUndefined();
    expect(ukr.size).toBeGreaterThan(fra.size);
    // The biggest no bigger than the busiest actor, and apart from every kind's colour.
    expect(ukr.size).toBeLessThanOrEqual(g.getNodeAttribute('person:dmitriev', 'size'));
    expect(ukr.color).toBe(FOLD_COLOR);
    expect([ukr.forceLabel, fra.forceLabel]).toEqual([true, true]);
    expect(g.edges().filter((e) => e.includes('--'))).toEqual([
      'folded:UKR--state:USA',
      'folded:FRA--folded:UKR',
    ]);
    const tie = g.getEdgeAttributes('folded:UKR--state:USA');
    expect([tie.type, tie.fold?.count, tie.edge]).toEqual(['line', 40, undefined]);
    expect(tie.color.startsWith(FOLD_COLOR)).toBe(true);
    // The actors rank as without folds: folds come after them.
    const plain = buildGraph(net, 'kind');
    plain.forEachNode((id, a) => expect(g.getNodeAttribute(id, 'rank')).toBe(a.rank));
    expect(ukr.rank).toBe(plain.order);
  });
});
