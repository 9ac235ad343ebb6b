// Vitest global setup for e2e: builds the viewer (vite build → dist/web) when the sources are
// newer than the build, so `npm test` works on a clean clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'dist/web/index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default async function setup(): Promise<void> {
  const src = join(ROOT, 'web');
  if (!existsSync(join(src, 'index.html'))) return;
  // The viewer bundles the shared vocabulary too.
  const sources = Math.max(newest(src), newest(join(ROOT, 'domain')));
  if (existsSync(OUT) && statSync(OUT).mtimeMs >= sources) return;
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
