// GraphML written by hand: a small, fixed schema of typed keys, every value XML-escaped.
import type { Network } from '../api/types.ts';

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five specials are escaped.
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

type KeyType = 'string' | 'int' | 'double';
const NODE_KEYS: [string, KeyType][] = [
  ['name', 'string'],
  ['kind', 'string'],
  ['country', 'string'],
  ['sector', 'string'],
  ['title', 'string'],
  ['aliases', 'string'],
  ['events', 'int'],
  ['statements', 'int'],
  ['mentions', 'int'],
];
const EDGE_KEYS: [string, KeyType][] = [
  ['count', 'int'],
  ['dominantType', 'string'],
  ['meanScore', 'double'],
  ['firstDate', 'string'],
  ['lastDate', 'string'],
  ['byType', 'string'],
];

function data(key: string, value: string | number | null): string {
  if (value === null || value === '') return '';
  return `<data key="${key}">${escapeXml(String(value))}</data>`;
}

export function toGraphml(net: Network): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(
      ([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`,
    ),
    ...EDGE_KEYS.map(
      ([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`,
    ),
    '  <graph id="parley" edgedefault="directed">',
  ];
  for (const n of net.nodes) {
    const values: Record<string, string | number | null> = {
      name: n.name,
      kind: n.kind,
      country: n.country,
      sector: n.sector,
      title: n.title,
      aliases: n.aliases.join(' | '),
      events: n.events,
      statements: n.statements,
      mentions: n.mentions,
    };
    lines.push(
      `    <node id="${escapeXml(n.id)}">${NODE_KEYS.map(([k]) => data(`n_${k}`, values[k])).join('')}</node>`,
    );
  }
  for (const e of net.edges) {
    const values: Record<string, string | number | null> = {
      count: e.count,
      dominantType: e.dominantType,
      meanScore: e.meanScore,
      firstDate: e.firstDate,
      lastDate: e.lastDate,
      byType: JSON.stringify(e.byType),
    };
    lines.push(
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
        `${EDGE_KEYS.map(([k]) => data(`e_${k}`, values[k])).join('')}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
