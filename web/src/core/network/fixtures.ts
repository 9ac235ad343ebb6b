// For the specs: a network node or edge with every field the API sends, and the few a spec
// cares about given. Only specs import this file.
import type { NetworkEdge, NetworkNode } from '../../../../server/api/types.ts';

export const networkNode = (id: string, fields: Partial<NetworkNode> = {}): NetworkNode => ({
  id,
  name: id,
  kind: 'person',
  country: null,
  sector: null,
  title: null,
  aliases: [],
  events: 0,
  statements: 0,
  mentions: 1,
  reports: 1,
  ...fields,
});

export const networkEdge = (
  source: string,
  target: string,
  fields: Partial<NetworkEdge> = {},
): NetworkEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  count: 1,
  byType: { CONSULT: 1 },
  dominantType: 'CONSULT',
  meanScore: 1,
  firstDate: null,
  lastDate: null,
  days: [],
  undated: 1,
  ...fields,
});
