// Cypher console results: table cells as readable text, and the nodes/relationships found in
// the rows as a small graph to draw.
import { MultiDirectedGraph } from 'graphology';
import type { CypherNode, CypherResult } from '../../../../server/api/types.ts';
import { countryColor, KIND_COLORS } from '../colors/palette.ts';

const LABEL_COLORS: Record<string, string> = {
  Event: '#2a9d8f',
  Statement: '#e09f3e',
  Document: '#6c757d',
  Revision: '#adb5bd',
  Place: '#6a994e',
  Person: KIND_COLORS.person,
  State: KIND_COLORS.state,
  Organization: KIND_COLORS.organization,
  Group: KIND_COLORS.group,
};

export function isCypherNode(v: unknown): v is CypherNode {
  return (
    !!v &&
    typeof v === 'object' &&
    'labels' in v &&
    'properties' in v &&
    'id' in v &&
    Array.isArray((v as CypherNode).labels)
  );
}

function isRelationship(v: unknown): v is { type: string; properties: Record<string, unknown> } {
  return (
    !!v && typeof v === 'object' && 'type' in v && 'start' in v && 'end' in v && 'properties' in v
  );
}

export function nodeCaption(n: CypherNode): string {
  const p = n.properties;
  for (const key of ['name', 'title', 'type', 'verb', 'id']) {
    const v = p[key];
    if (typeof v === 'string' && v) {
      return n.labels.includes('Event') && key === 'type' && typeof p.date === 'string'
        ? `${v} ${p.date}`
        : v;
    }
  }
  return n.labels[0] ?? n.id;
}

export function nodeColorOf(n: CypherNode): string {
  for (const l of [
    'Person',
    'State',
    'Organization',
    'Group',
    'Event',
    'Statement',
    'Place',
    'Document',
    'Revision',
  ]) {
    if (n.labels.includes(l)) {
      return l === 'Event' && typeof n.properties.score === 'number'
        ? n.properties.score < 0
          ? '#c0392b'
          : '#2a9d55'
        : LABEL_COLORS[l];
    }
  }
  return countryColor(typeof n.properties.country === 'string' ? n.properties.country : null);
}

/** One table cell as plain text. */
export function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isCypherNode(v)) return `(:${v.labels.join(':')} ${nodeCaption(v)})`;
  if (isRelationship(v)) return `[:${v.type}]`;
  if (Array.isArray(v)) return `[${v.map(formatCell).join(', ')}]`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export interface ResultNodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  labels: string[];
}

export function resultGraph(r: CypherResult): MultiDirectedGraph<ResultNodeAttrs> {
  const g = new MultiDirectedGraph<ResultNodeAttrs>();
  const n = r.graph.nodes.length;
  r.graph.nodes.forEach((node, i) => {
    if (g.hasNode(node.id)) return;
    const a = (2 * Math.PI * i) / Math.max(1, n);
    g.addNode(node.id, {
      label: nodeCaption(node),
      x: Math.cos(a) * 100,
      y: Math.sin(a) * 100,
      size: node.labels.includes('Actor') ? 9 : 6,
      color: nodeColorOf(node),
      labels: node.labels,
    });
  });
  for (const rel of r.graph.relationships) {
    if (!g.hasNode(rel.start) || !g.hasNode(rel.end) || g.hasEdge(rel.id)) continue;
    g.addDirectedEdgeWithKey(rel.id, rel.start, rel.end, {
      label: rel.type,
      size: 1.5,
      color: '#9aa0a6',
      type: 'arrow',
    });
  }
  return g;
}
