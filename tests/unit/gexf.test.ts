// The GEXF export as Gephi reads it. No GEXF schema file is reachable from this machine (only the
// npm registry, Maven Central and Debian are), so this checks what the GEXF 1.3 schema requires
// of our output by hand: the namespaces, the root, the graph, declared attributes, and the viz
// elements in the viz namespace.
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../server/api/types.ts';
import { toGexf } from '../../server/export/graph-export.ts';

const GEXF_NS = 'http://gexf.net/1.3';
const VIZ_NS = 'http://gexf.net/1.3/viz';

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
    },
  ],
};

/** Problems with a GEXF 1.3 document, as a schema validator would report them. */
function gexfProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!xml.startsWith('<?xml')) problems.push('no XML declaration');
  if (root?.tagName !== 'gexf') return [...problems, `root is <${root?.tagName}>, not <gexf>`];
  if (root.getAttribute('xmlns') !== GEXF_NS)
    problems.push(`xmlns is ${root.getAttribute('xmlns')}`);
  if (root.getAttribute('xmlns:viz') !== VIZ_NS)
    problems.push(`xmlns:viz is ${root.getAttribute('xmlns:viz')}`);
  if (root.getAttribute('version') !== '1.3') problems.push('version is not 1.3');
  const graphs = root.getElementsByTagName('graph');
  if (graphs.length !== 1) problems.push(`${graphs.length} <graph> elements`);
  const declared = new Map<string, Set<string>>();
  for (const attrs of root.getElementsByTagName('attributes')) {
    const cls = attrs.getAttribute('class') ?? '';
    if (!['node', 'edge'].includes(cls)) problems.push(`attributes class '${cls}'`);
    const ids = declared.get(cls) ?? new Set<string>();
    for (const a of attrs.getElementsByTagName('attribute')) {
      if (!a.getAttribute('id') || !a.getAttribute('title') || !a.getAttribute('type'))
        problems.push('an <attribute> without id, title or type');
      ids.add(a.getAttribute('id') ?? '');
    }
    declared.set(cls, ids);
  }
  const ids = new Set<string>();
  for (const n of root.getElementsByTagName('node')) {
    const id = n.getAttribute('id');
    if (!id) problems.push('a <node> without id');
    if (id && ids.has(id)) problems.push(`node id ${id} twice`);
    if (id) ids.add(id);
  }
  for (const e of root.getElementsByTagName('edge')) {
    for (const end of ['source', 'target'])
      if (!ids.has(e.getAttribute(end) ?? '')) problems.push(`edge ${end} is not a node`);
  }
  for (const [cls, el] of [
    ['node', 'node'],
    ['edge', 'edge'],
  ] as const) {
    for (const item of root.getElementsByTagName(el)) {
      for (const v of item.getElementsByTagName('attvalue')) {
        if (!declared.get(cls)?.has(v.getAttribute('for') ?? ''))
          problems.push(`attvalue for undeclared ${cls} attribute '${v.getAttribute('for')}'`);
      }
    }
  }
  // viz elements: only color, size, position, shape, thickness, in the viz namespace.
  for (const el of root.getElementsByTagName('*')) {
    const name = el.tagName;
    if (!name.includes(':')) continue;
    const [prefix, local] = name.split(':');
    if (prefix !== 'viz') problems.push(`element ${name} in an undeclared namespace`);
    if (!['color', 'size', 'position', 'shape', 'thickness'].includes(local))
      problems.push(`unknown viz element ${name}`);
    if (
      local === 'color' &&
      !/^#[0-9a-f]{6}$/i.test(el.getAttribute('hex') ?? '') &&
      !['r', 'g', 'b'].every((c) => /^\d+$/.test(el.getAttribute(c) ?? ''))
    )
      problems.push('a viz:color with neither hex nor r, g, b');
    if (
      local === 'position' &&
      !['x', 'y'].every((c) => Number.isFinite(Number(el.getAttribute(c))))
    )
      problems.push('a viz:position without numeric x and y');
  }
  return problems;
}

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
});
