import { describe, expect, it } from 'vitest';
import {
  applyNetworkPatch,
  byActivity,
  byFoldSize,
  diffNetwork,
  byId,
  type NetworkPieces,
} from '../../../../server/api/network-patch.ts';
import type {
  FoldedEdge,
  FoldedGroup,
  Network,
  NetworkEdge,
  NetworkFold,
  NetworkNode,
} from '../../../../server/api/types.ts';
import { DEFAULT_COLORING } from '../colors/palette.ts';
import { buildGraph, mergeNetwork, type ActorGraph } from './build-graph.ts';
import { networkEdge, networkNode } from './fixtures.ts';
import { drawnNetwork } from './isolates.ts';
import { patchGraph } from './patch-graph.ts';
import { seededRandom as random } from '../layout/random.ts';

function network(nodes: NetworkNode[], edges: NetworkEdge[], version: string): Network {
  return {
    nodes: [...nodes].sort(byActivity),
    edges: [...edges].sort(byId),
    truncated: false,
    version,
  };
}

function randomNetwork(r: () => number, version: string): Network {
  const nodes = Array.from({ length: 30 }, (_, i) =>
    networkNode(`a${i}`, { events: Math.floor(r() * 20), country: r() < 0.5 ? 'FRA' : null }),
  );
  const edges = new Map<string, NetworkEdge>();
  for (let i = 0; i < 50; i++) {
    const [s, t] = [Math.floor(r() * 30), Math.floor(r() * 30)];
    if (s !== t) edges.set(`a${s}->a${t}`, networkEdge(`a${s}`, `a${t}`, { count: 1 + (i % 5) }));
  }
  return network(nodes, [...edges.values()], version);
}

/** What a curation might do: rename, retype, drop an actor (a merge), reweigh, add, remove. */
function mutate(net: Network, r: () => number, version: string): Network {
  let nodes = net.nodes.map((n) =>
    r() < 0.1 ? { ...n, name: `${n.name}*`, events: n.events + 1 } : n,
  );
  let edges = net.edges.map((e) => (r() < 0.1 ? { ...e, count: e.count + 1, meanScore: -3 } : e));
  const gone = nodes[Math.floor(r() * nodes.length)].id;
  nodes = nodes.filter((n) => n.id !== gone);
  edges = edges.filter((e) => e.source !== gone && e.target !== gone && r() > 0.05);
  nodes.push(networkNode(`new${version}`, { events: 3 }));
  edges.push(networkEdge(`new${version}`, nodes[0].id), networkEdge(nodes[1].id, nodes[2].id));
  const e = edges[0];
  if (!edges.some((x) => x.id === `${e.target}->${e.source}`))
    edges.push(networkEdge(e.target, e.source)); // a reciprocal pair: curved edges
  const unique = new Map(edges.map((x) => [x.id, x]));
  return network(nodes, [...unique.values()], version);
}

const pieces = (net: Network): NetworkPieces => ({
  version: net.version ?? '',
  nodes: net.nodes.map((item) => ({ item, json: JSON.stringify(item) })),
  edges: net.edges.map((item) => ({ item, json: JSON.stringify(item) })),
  rest: {
    truncated: net.truncated,
    ...(net.edgesDropped ? { edgesDropped: net.edgesDropped } : {}),
    ...(net.folded ? { folded: net.folded } : {}),
  },
});

/** Everything a drawn graph shows, positions aside. */
function drawing(g: ActorGraph) {
  const nodes = g.mapNodes((id, a) => {
    const { x: _x, y: _y, ...rest } = a;
    return [id, rest] as const;
  });
  const edges = g.mapEdges((id, a, s, t) => [id, s, t, a] as const);
  return {
    nodes: Object.fromEntries(nodes),
    edges: Object.fromEntries(edges.map(([id, ...rest]) => [id, rest])),
  };
}

describe('network patches', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const isolates of [false, true]) {
      it(`applied to the network and the drawing, give a fresh build (seed ${seed}, isolates ${isolates})`, () => {
        const r = random(seed);
        let net = randomNetwork(r, 'v0');
        const g = buildGraph(drawnNetwork(net, isolates), DEFAULT_COLORING);
        g.forEachNode((id) => g.mergeNodeAttributes(id, { x: r(), y: r() }));
        // Several curations in a row, each patching what the one before left.
        for (let step = 1; step <= 4; step++) {
          const next = mutate(net, r, `v${step}`);
          const patch = diffNetwork(pieces(net), pieces(next));
          expect(patch.nodes.put.length).toBeLessThan(next.nodes.length);
          const applied = applyNetworkPatch(net, patch);
          expect(applied).toEqual(next);
          const shown = drawing(g);
          const { redraw } = patchGraph(g, net, applied, DEFAULT_COLORING, isolates, false);
          // Whatever is drawn otherwise now is in `redraw` (the renderer redraws only those).
          const now = drawing(g);
          const differs = (was: object, id: string, is: object) =>
            JSON.stringify(was[id as keyof typeof was]) !==
            JSON.stringify(is[id as keyof typeof is]);
          for (const id of Object.keys(now.nodes))
            if (differs(shown.nodes, id, now.nodes)) expect(redraw.nodes).toContain(id);
          for (const id of Object.keys(now.edges))
            if (differs(shown.edges, id, now.edges)) expect(redraw.edges).toContain(id);
          const fresh = buildGraph(drawnNetwork(next, isolates), DEFAULT_COLORING);
          expect(drawing(g)).toEqual(drawing(fresh));
          g.forEachNode((_, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
          net = applied;
        }
      });
    }
  }

  it('carries only the folds and ties that changed, and applied gives the fold', () => {
    const r = random(13);
    const base = randomNetwork(r, 'v0');
    const group = (country: string, actors: number, events = actors): FoldedGroup => ({
      id: `folded:${country}`,
      country,
      actors,
      events,
      statements: 0,
      names: [`${country} one`],
    });
    const tie = (source: string, target: string, count: number): FoldedEdge => ({
      id: `${source}--${target}`,
      source,
      target,
      count,
    });
    const countries = ['FRA', 'UKR', 'RUS', 'DEU', 'POL', 'ITA'];
    const fold = (groups: FoldedGroup[], edges: FoldedEdge[], edgesDropped = 0): NetworkFold => ({
      groups: [...groups].sort(byFoldSize),
      edges: [...edges].sort(byId),
      edgesDropped,
    });
    const ties = countries.flatMap((c, i) =>
      base.nodes.slice(0, 8).map((n, j) => tie(n.id, `folded:${c}`, 1 + ((i + j) % 4))),
    );
    const before: Network = {
      ...base,
      truncated: true,
      folded: fold(
        countries.map((c, i) => group(c, 10 + i)),
        ties,
      ),
    };
    // A curation: one fold loses an event, one goes, one comes; two ties reweighed, one gone,
    // one new.
    const after: Network = {
      ...base,
      version: 'v1',
      truncated: true,
      folded: {
        ...fold(
          [
            ...countries.slice(0, 5).map((c, i) => group(c, 10 + i, i === 0 ? 9 : 10 + i)),
            group('ESP', 3),
          ],
          [
            ...ties.slice(3).map((t, i) => (i < 2 ? { ...t, count: t.count + 5 } : t)),
            tie('a0', 'folded:ESP', 2),
          ].filter((t) => t.target !== 'folded:ITA'),
          4,
        ),
        openCapped: 7,
      },
    };
    const patch = diffNetwork(pieces(before), pieces(after));
    expect(patch.fold?.groups.put.map((g) => g.id).sort()).toEqual(['folded:ESP', 'folded:FRA']);
    expect(patch.fold?.groups.remove).toEqual(['folded:ITA']);
    expect(patch.fold?.edges.put.length).toBe(3);
    expect(patch.fold?.edges.remove.length).toBe(3 + 8);
    expect(applyNetworkPatch(before, patch)).toEqual(after);
    // Back, and from and to a network without a fold.
    expect(applyNetworkPatch(after, diffNetwork(pieces(after), pieces(before)))).toEqual(before);
    const plain = { ...base, version: 'v2' };
    expect(applyNetworkPatch(after, diffNetwork(pieces(after), pieces(plain)))).toEqual(plain);
    expect(applyNetworkPatch(plain, diffNetwork(pieces(plain), pieces(after)))).toEqual(after);
  });

  it('opens and closes a fold like a fresh build: its actors in, the fold node gone or back', () => {
    const r = random(11);
    const base = randomNetwork(r, 'v0');
    const group = (country: string, actors: number) => ({
      id: `folded:${country}`,
      country,
      actors,
      events: actors,
      statements: 0,
      names: [],
    });
    const tie = (source: string, target: string, count: number) => ({
      id: `${source}--${target}`,
      source,
      target,
      count,
    });
    const closed: Network = {
      ...base,
      truncated: true,
      folded: {
        groups: [group('UKR', 4), group('none', 9)],
        edges: [
          tie('a1', 'folded:UKR', 3),
          tie('folded:UKR', 'folded:none', 2),
          tie('a2', 'folded:none', 1),
        ],
        edgesDropped: 0,
      },
    };
    const ukr = ['u0', 'u1', 'u2', 'u3'].map((id) =>
      networkNode(id, { country: 'UKR', events: 1 }),
    );
    const open = network(
      [...base.nodes, ...ukr],
      [...base.edges, networkEdge('u0', 'a1', { count: 3 }), networkEdge('u1', 'u2')],
      'v1',
    );
    open.truncated = true;
    open.folded = {
      groups: [group('none', 9)],
      edges: [tie('folded:none', 'u3', 2), tie('a2', 'folded:none', 1)],
      edgesDropped: 0,
    };
    for (const isolates of [false, true]) {
      const g = buildGraph(drawnNetwork(closed, isolates), DEFAULT_COLORING);
      g.forEachNode((id) => g.mergeNodeAttributes(id, { x: r(), y: r() }));
      const p = patchGraph(g, closed, open, DEFAULT_COLORING, isolates, false);
      expect(p.added.nodes).toEqual(expect.arrayContaining(['u0', 'u3']));
      expect(g.hasNode('folded:UKR')).toBe(false);
      expect(drawing(g)).toEqual(
        drawing(buildGraph(drawnNetwork(open, isolates), DEFAULT_COLORING)),
      );
      patchGraph(g, open, closed, DEFAULT_COLORING, isolates, false);
      expect(g.hasNode('u0')).toBe(false);
      expect(drawing(g)).toEqual(
        drawing(buildGraph(drawnNetwork(closed, isolates), DEFAULT_COLORING)),
      );
    }
  });

  it('keeps the drawn positions of the actors that stay, and draws big networks in lines', () => {
    const r = random(9);
    const net = randomNetwork(r, 'v0');
    const g = buildGraph(net, DEFAULT_COLORING);
    g.forEachNode((id) => g.mergeNodeAttributes(id, { x: r(), y: r() }));
    g.updateEachEdgeAttributes((_, a) => ({ ...a, type: 'line' as const }));
    const before = new Map(g.mapNodes((id, a) => [id, [a.x, a.y]] as const));
    const next = mutate(net, r, 'v1');
    const { added } = patchGraph(
      g,
      net,
      applyNetworkPatch(net, diffNetwork(pieces(net), pieces(next))),
      DEFAULT_COLORING,
      false,
      true,
    );
    expect(added.nodes).toContain('newv1');
    g.forEachNode((id, a) => {
      if (before.has(id)) expect([a.x, a.y]).toEqual(before.get(id));
    });
    g.forEachEdge((_, a) => expect(a.type).toBe('line'));
  });

  it('keeps the neighbours an expansion drew, which the network never held', () => {
    const r = random(11);
    const net = randomNetwork(r, 'v0');
    const next = mutate(net, r, 'v1');
    const anchor = net.nodes.find((n) => next.nodes.some((m) => m.id === n.id))!.id;
    // The analyst expanded `anchor`: two neighbours from outside the network.
    const near: Network = {
      nodes: [networkNode('x1', { events: 2 }), networkNode('x2', { events: 1 })],
      edges: [networkEdge(anchor, 'x1'), networkEdge('x2', anchor)],
      truncated: false,
    };
    const g = buildGraph(net, DEFAULT_COLORING);
    mergeNetwork(g, near, DEFAULT_COLORING, { x: 0, y: 0 });
    const { dropped } = patchGraph(
      g,
      net,
      applyNetworkPatch(net, diffNetwork(pieces(net), pieces(next))),
      DEFAULT_COLORING,
      true,
      false,
    );
    expect(dropped.nodes).not.toContain('x1');
    // The drawing is the patched network's with the same expansion.
    const fresh = buildGraph(next, DEFAULT_COLORING);
    mergeNetwork(fresh, near, DEFAULT_COLORING, { x: 0, y: 0 });
    expect(drawing(g)).toEqual(drawing(fresh));
    expect(g.hasEdge(`${anchor}->x1`) && g.hasEdge(`x2->${anchor}`)).toBe(true);
  });

  it('drops an expanded neighbour merged into another actor, with its edges', () => {
    const r = random(12);
    const net = randomNetwork(r, 'v0');
    const anchor = net.nodes[0].id;
    // x1 came with an expansion of `anchor`; the analyst merges it into `anchor`.
    const near: Network = {
      nodes: [networkNode('x1', { events: 2 }), networkNode('x2', { events: 1 })],
      edges: [networkEdge(anchor, 'x1'), networkEdge('x2', 'x1')],
      truncated: false,
    };
    const g = buildGraph(net, DEFAULT_COLORING);
    mergeNetwork(g, near, DEFAULT_COLORING, { x: 0, y: 0 });
    const next = network(
      net.nodes.map((n) => (n.id === anchor ? { ...n, events: n.events + 2 } : n)),
      net.edges,
      'v1',
    );
    const patched = applyNetworkPatch(net, diffNetwork(pieces(net), pieces(next)));
    const { dropped, structural } = patchGraph(g, net, patched, DEFAULT_COLORING, true, false, [
      'x1',
    ]);
    expect(dropped.nodes).toEqual(['x1']);
    expect(dropped.edges.sort()).toEqual([`${anchor}->x1`, 'x2->x1']);
    expect(structural).toBe(true);
    expect(g.hasNode('x1')).toBe(false);
    expect(g.hasNode('x2')).toBe(true);
  });
});
