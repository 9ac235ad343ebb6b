// The import rules of the house, checked on the source (README, "Repository layout"): the shared
// vocabulary in domain/ depends on nothing, and the viewer reaches outside web/ only for that
// vocabulary and the API contract.
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
    const allowed = (m: string) => m.startsWith('domain/') || m === 'server/api/types.ts';
    const bad = [...imports]
      .filter(([f]) => f.startsWith('web/'))
      .flatMap(([f, ms]) =>
        ms
          .filter((m) => isLocal(m) && !m.startsWith('web/') && !allowed(m))
          .map((m) => `${f} → ${m}`),
      );
    expect(bad).toEqual([]);
  });
});
