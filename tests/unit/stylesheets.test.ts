// The viewer's stylesheets are flat: a rule nested inside another (a lost closing brace) is
// silently scoped under its parent by the browser's CSS nesting, and the panel it styles falls
// back to bare buttons and bullets. Every rule must sit at the top level or in an at-rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

const webSrc = join(import.meta.dirname, '../../web/src');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? cssFiles(join(dir, e.name))
      : e.name.endsWith('.css')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('viewer stylesheets', () => {
  const files = cssFiles(webSrc);

  it('finds the stylesheets', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.slice(webSrc.length + 1), f]))(
    '%s has no rule nested in a rule',
    (_, file) => {
      const root = postcss.parse(readFileSync(file, 'utf8'), { from: file });
      const nested: string[] = [];
      root.walkRules((rule) => {
        if (rule.parent?.type === 'rule')
          nested.push(`${rule.selector} (line ${rule.source?.start?.line})`);
      });
      expect(nested).toEqual([]);
    },
  );
});
