// The core must never throw: every prefix of real report text, odd punctuation and other
// scripts give an extraction (possibly empty), never an exception.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

const evalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/eval');
const sample = join(evalDir, 'articles/miami-talks.txt');

describe('robustness', () => {
  it(
    'extracts word-boundary prefixes of the sample report without throwing',
    { timeout: 60_000 },
    () => {
      const text = existsSync(sample)
        ? readFileSync(sample, 'utf8')
        : 'Kyiv agreed. Moscow refused\nWitkoff met Umerov in Geneva on Friday, Reuters reported.';
      const cuts = [...text.matchAll(/\s/g)].map((m) => m.index ?? 0);
      for (const cut of [...cuts.filter((_, i) => i % 3 === 0), text.length]) {
        expect(() =>
          extract(text.slice(0, cut), { id: 'p', publishedAt: '2025-12-21' }),
        ).not.toThrow();
      }
    },
  );

  it('takes odd input in its stride', () => {
    const odd = [
      'Kyiv agreed. Moscow refused\nWitkoff met Umerov',
      '((( ))) — , ; : "" “” \u0000 \t',
      'Сергей Лавров встретился с Марко Рубио в Анкаре.',
      'US',
      'U.S',
      'the',
      'He said',
      'President',
      'Russian envoy',
      '(ILO)',
      'met with and',
      'A'.repeat(5000),
    ];
    for (const t of odd) expect(extract(t, { id: 'o' }).document.text).toBe(t);
  });

  it("reads words that name an object's built-in members as words ('constructor', 'toString')", () => {
    const meta = { id: 'c', publishedAt: '2025-01-01' };
    // Both threw: the lexicons answered "constructor" with Object.prototype's member.
    expect(() =>
      extract('Russia and the constructor of the dam signed a constructor deal.', meta),
    ).not.toThrow();
    expect(() => extract('Officials constructor the bridge.', meta)).not.toThrow();
    const actors = extract(
      'Chinese constructor officials met Indian officials in Delhi.',
      meta,
    ).actors.map((a) => a.name);
    expect(actors).not.toContain('Chinese constructor');
  });
});
