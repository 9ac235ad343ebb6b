// The actor network as a file: GEXF (Gephi), GraphML (yEd, Cytoscape, NetworkX) or JSON. The
// API and `parley export` both call exportNetwork().
import { DirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { scoreColor } from '../../domain/index.ts';
import type { Network } from '../api/types.ts';
import type { ServerContext } from '../context.ts';
import { network, type NetworkFilter } from '../queries/network.ts';
import { toGraphml } from './graphml.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** No practical cap: an export is the whole current network unless the caller limits it. */
export const EXPORT_MAX_ACTORS = 1_000_000;

export async function exportNetwork(
  ctx: ServerContext,
  format: ExportFormat,
  filter: Partial<NetworkFilter> = {},
): Promise<string> {
  const net = await network(ctx, { limit: EXPORT_MAX_ACTORS, ...filter });
  if (format === 'json') return JSON.stringify(net, null, 2) + '\n';
  if (format === 'graphml') return toGraphml(net);
  return toGexf(net);
}

export function toGexf(net: Network): string {
  const graph = new DirectedGraph({ allowSelfLoops: false });
  for (const n of net.nodes) {
    graph.addNode(n.id, {
      label: n.name,
      kind: n.kind,
      country: n.country ?? '',
      sector: n.sector ?? '',
      title: n.title ?? '',
      aliases: n.aliases.join(' | '),
      events: n.events,
      statements: n.statements,
      mentions: n.mentions,
      size: 1 + Math.sqrt(n.events + n.statements),
    });
  }
  for (const e of net.edges) {
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      weight: e.count,
      dominantType: e.dominantType,
      meanScore: e.meanScore,
      firstDate: e.firstDate ?? '',
      lastDate: e.lastDate ?? '',
      byType: JSON.stringify(e.byType),
      color: scoreColor(e.meanScore),
    });
  }
  // GEXF 1.3: its namespaces are right (the writer's 1.2 mode names the viz one
  // `http:///www.gexf.net/1.1draft/viz`, which Gephi and validators reject).
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (_key, a) => {
      const { label, size, ...attributes } = a;
      return { label: String(label), viz: { size: Number(size) }, attributes };
    },
    formatEdge: (_key, a) => {
      const { weight, color, ...attributes } = a;
      return { weight: Number(weight), viz: { color: String(color) }, attributes };
    },
  });
}
