// The GEXF exports as Gephi reads them: the API's (no positions) and the viewer's (as drawn).
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../server/api/types.ts';
import { toGexf } from '../../server/export/graph-export.ts';
import { drawnGexf } from '../../web/src/core/export/drawn-gexf.ts';
import type { EdgeAttrs, NodeAttrs } from '../../web/src/core/network/build-graph.ts';
import { gexfProblems, VIZ_NS } from '../gexf-check.ts';

const net: Network = {
  truncated: false,
  nodes: [
    {
      id: 'state:RUS',
      name: 'Russia',
      kind: 'state',
      country: 'RUS',
      sector: null,
      title: null,
      aliases: ['Moscow'],
      events: 3,
      statements: 1,
      mentions: 4,
      reports: 1,
    },
    {
      id: 'state:UKR',
      name: 'Ukraine',
      kind: 'state',
      country: 'UKR',
      sector: null,
      title: null,
      aliases: [],
      events: 2,
      statements: 0,
      mentions: 2,
      reports: 1,
    },
  ],
  edges: [
    {
      id: 'state:RUS->state:UKR',
      source: 'state:RUS',
      target: 'state:UKR',
      count: 2,
      byType: { ACCUSE: 2 },
      dominantType: 'ACCUSE',
      meanScore: -5,
      firstDate: '2025-12-20',
      lastDate: '2025-12-21',
      days: [20442, 20443],
      undated: 0,
    },
  ],
};

describe('GEXF export', () => {
  it('is GEXF 1.3 with the right namespaces, declared attributes and viz colours', () => {
    const xml = toGexf(net);
    expect(gexfProblems(xml)).toEqual([]);
    expect(xml).not.toContain('http:///');
    expect(xml).toContain('<viz:color hex=');
  });

  it('the checker catches the malformed viz namespace of the 1.2 writer', () => {
    const bad = toGexf(net).replace(VIZ_NS, 'http:///www.gexf.net/1.1draft/viz');
    expect(gexfProblems(bad)).toContain('xmlns:viz is http:///www.gexf.net/1.1draft/viz');
  });

  it('the view as drawn: visible actors at their positions with their colours and sizes', () => {
    const g = new DirectedGraph<NodeAttrs, EdgeAttrs>();
    const [rus, ukr] = net.nodes;
    const node = (n: (typeof net.nodes)[number], x: number, y: number, color: string) => ({
      label: n.name,
      x,
      y,
      size: 9.5,
      color,
      forceLabel: false,
      actor: n,
      activity: n.events,
      importance: n.events,
      rank: 0,
      faint: false,
    });
    g.addNode(rus.id, node(rus, 12.25, -40.5, '#d1495b'));
    g.addNode(ukr.id, node(ukr, -7, 3.125, '#2e86ab'));
    g.addNode('person:hidden', { ...node({ ...ukr, id: 'person:hidden' }, 0, 0, '#000000') });
    g.addDirectedEdgeWithKey(net.edges[0].id, rus.id, ukr.id, {
      size: 2,
      color: '#c0392b',
      type: 'arrow',
      edge: net.edges[0],
    });
    const xml = drawnGexf(g, new Set(['person:hidden']));
    expect(gexfProblems(xml)).toEqual([]);
    expect(xml).toMatch(
      /<node id="state:RUS" label="Russia">[\s\S]*?<viz:position x="12.25" y="-40.5"\/>/,
    );
    expect(xml).toMatch(/<node id="state:UKR" label="Ukraine">[\s\S]*?<viz:color hex="#2e86ab"\/>/);
    expect(xml).toContain('<viz:color hex="#c0392b"/>');
    expect(xml).not.toContain('person:hidden');
  });
});
