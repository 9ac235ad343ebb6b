// Neo4j values → plain JSON: integers as numbers (strings when past 2^53), temporals as ISO
// strings, points as {srid, x, y, z?}, nodes/relationships/paths as plain objects. Every node and
// relationship met on the way (also nested in lists, maps and paths) is collected for drawing.
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import type { CypherNode, CypherRelationship } from '../api/types.ts';

export interface GraphCollector {
  nodes: Map<string, CypherNode>;
  relationships: Map<string, CypherRelationship>;
}

export const newCollector = (): GraphCollector => ({ nodes: new Map(), relationships: new Map() });

/** A Neo4j Integer, bigint or number as a JS number (NaN for anything else). */
export function toNumber(v: unknown): number {
  if (isInt(v)) return v.toNumber();
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  return Number.NaN;
}

function integer(v: { inSafeRange(): boolean; toNumber(): number; toString(): string }) {
  return v.inSafeRange() ? v.toNumber() : v.toString();
}

function nodeJson(n: Node, g: GraphCollector | undefined): CypherNode {
  const out: CypherNode = {
    id: n.elementId,
    labels: [...n.labels],
    properties: propsJson(n.properties, g),
  };
  g?.nodes.set(out.id, out);
  return out;
}

function relJson(r: Relationship, g: GraphCollector | undefined): CypherRelationship {
  const out: CypherRelationship = {
    id: r.elementId,
    type: r.type,
    start: r.startNodeElementId,
    end: r.endNodeElementId,
    properties: propsJson(r.properties, g),
  };
  g?.relationships.set(out.id, out);
  return out;
}

function propsJson(props: Record<string, unknown>, g: GraphCollector | undefined) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toJson(v, g);
  return out;
}

export function toJson(v: unknown, g?: GraphCollector): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(v)
      : v.toString();
  }
  if (isInt(v)) return integer(v);
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v)) {
    return String(v);
  }
  if (isDuration(v)) return isoDuration(v);
  if (isPoint(v)) {
    const p: Record<string, number> = {
      srid: toNumber(v.srid),
      x: toNumber(v.x),
      y: toNumber(v.y),
    };
    if (v.z !== undefined) p.z = toNumber(v.z);
    return p;
  }
  if (isNode(v)) return nodeJson(v, g);
  if (isRelationship(v)) return relJson(v, g);
  if (isUnboundRelationship(v)) {
    return { id: v.elementId, type: v.type, properties: propsJson(v.properties, g) };
  }
  if (isPath(v)) {
    return {
      start: nodeJson(v.start, g),
      end: nodeJson(v.end, g),
      segments: v.segments.map((s) => ({
        start: nodeJson(s.start, g),
        relationship: relJson(s.relationship, g),
        end: nodeJson(s.end, g),
      })),
    };
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map((x) => toJson(x, g));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x, g);
    return out;
  }
  return String(v);
}

/** ISO 8601 duration (the driver's own toString gives "P1DT" for one day). */
function isoDuration(d: {
  months: unknown;
  days: unknown;
  seconds: unknown;
  nanoseconds: unknown;
}) {
  const months = toNumber(d.months);
  const days = toNumber(d.days);
  const seconds = toNumber(d.seconds) + toNumber(d.nanoseconds) / 1e9;
  const date =
    (Math.trunc(months / 12) ? `${Math.trunc(months / 12)}Y` : '') +
    (months % 12 ? `${months % 12}M` : '') +
    (days ? `${days}D` : '');
  const time = seconds ? `T${Number(seconds.toFixed(9))}S` : '';
  return `P${date}${time}` === 'P' ? 'PT0S' : `P${date}${time}`;
}
