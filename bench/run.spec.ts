import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchNames, runBench, textTable } from './run.ts';

describe('bench runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'good.bench.ts'),
    "export async function run() { return [{ name: 'speed', value: 12.5, unit: 'ms', note: 'median' }]; }\n",
  );
  writeFileSync(
    join(dir, 'broken.bench.ts'),
    "export async function run() { throw new Error('Neo4j is down'); }\n",
  );
  writeFileSync(
    join(dir, 'malformed.bench.ts'),
    "export async function run() { return [{ name: 'x', value: 'fast' }]; }\n",
  );
  writeFileSync(join(dir, 'norun.bench.ts'), 'export const x = 1;\n');
  writeFileSync(join(dir, 'helper.ts'), 'export const notABench = true;\n');

  it('finds the *.bench.ts files only, in a stable order', () => {
    expect(benchNames(dir)).toEqual(['broken', 'good', 'malformed', 'norun']);
  });

  it('collects results and turns failures into reported errors instead of stopping', async () => {
    const runs = await Promise.all(benchNames(dir).map((n) => runBench(n, dir)));
    const [broken, good, malformed, norun] = runs;
    expect(good.error).toBeUndefined();
    expect(good.results).toEqual([{ name: 'speed', value: 12.5, unit: 'ms', note: 'median' }]);
    expect(broken.error).toBe('Neo4j is down');
    expect(malformed.error).toMatch(/array of \{name, value, unit/);
    expect(norun.error).toMatch(/no run\(\)/);
    const table = textTable(runs);
    expect(table).toMatch(/good\s+speed\s+12\.5 ms\s+median/);
    expect(table).toMatch(/broken\s+FAILED\s+Neo4j is down/);
  });
});
