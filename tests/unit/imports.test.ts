// The import rules of the house, checked on the source (README, "Repository layout"): the shared
// vocabulary in domain/ depends on nothing, the viewer reaches outside web/ only for that
// vocabulary and the API contract, the CLI and the server enter ingest by its front door, and no
// module imports itself round a circle.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['bin', 'cli', 'curation', 'db', 'domain', 'ingest', 'server', 'web/src'];

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'target' ? [] : walk(path);
    return /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports (static, dynamic and `import type`), as repo paths or package names. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)(['"])([^'"]+)\1/gm)];
  return specs.map(([, , spec]) =>
    spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec,
  );
}

const files = SOURCES.flatMap(walk);
const imports = new Map(files.map((f) => [f, importsOf(f)]));
const isLocal = (m: string) => SOURCES.some((d) => m.startsWith(`${d}/`)) || !m.match(/^[@a-z]/);

describe('import rules', () => {
  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.get('server/api/types.ts')).toContain('domain/index.ts');
  });

  it('domain/ imports nothing outside itself', () => {
    const bad = [...imports]
      .filter(([f]) => f.startsWith('domain/'))
      .flatMap(([f, ms]) =>
        ms.filter((m) => !m.startsWith('domain/') && m !== 'vitest').map((m) => `${f} → ${m}`),
      );
    expect(bad).toEqual([]);
  });

  it('the viewer imports from outside web/ only the domain and the API contract', () => {
    // The contract: its types, and the pure functions that apply a network patch to an answer.
    const contract = ['server/api/types.ts', 'server/api/network-patch.ts'];
    const allowed = (m: string) => m.startsWith('domain/') || contract.includes(m);
    const bad = [...imports]
      .filter(([f]) => f.startsWith('web/'))
      .flatMap(([f, ms]) =>
        ms
          .filter((m) => isLocal(m) && !m.startsWith('web/') && !allowed(m))
          .map((m) => `${f} → ${m}`),
      );
    expect(bad).toEqual([]);
  });

  it('the CLI and the server import ingest only through ingest/index.ts', () => {
    const bad = [...imports]
      .filter(([f]) => f.startsWith('cli/') || f.startsWith('server/'))
      .flatMap(([f, ms]) =>
        ms
          .filter((m) => m.startsWith('ingest/') && m !== 'ingest/index.ts')
          .map((m) => `${f} → ${m}`),
      );
    expect(bad).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles(imports)).toEqual([]);
  });
});

/** Every strongly connected group of more than one file (Tarjan), each as its sorted files. */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}
