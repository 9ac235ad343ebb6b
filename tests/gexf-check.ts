// What the GEXF 1.3 schema requires of a file, checked by hand: no GEXF schema file is
// reachable from this machine (only the npm registry, Maven Central and Debian are). Namespaces,
// root, graph, declared attributes, node ids, edge ends, and viz elements in the viz namespace.
import { DOMParser } from 'linkedom';

export const GEXF_NS = 'http://gexf.net/1.3';
export const VIZ_NS = 'http://gexf.net/1.3/viz';

/** Problems with a GEXF 1.3 document, as a schema validator would report them. */
export function gexfProblems(xml: string): string[] {
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
