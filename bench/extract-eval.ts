// Writes the extraction of the sample report and of the PLOVER dev sentences for score.mjs.
// npx tsx bench/extract-eval.ts [OUTDIR]  (default /tmp)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../ingest/extract/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/eval');
const out = process.argv[2] ?? '/tmp';

const article = readFileSync(join(shared, 'articles/miami-talks.txt'), 'utf8');
writeFileSync(
  join(out, 'miami.json'),
  JSON.stringify(extract(article, { id: 'miami-talks', publishedAt: '2025-12-21' }), null, 1),
);
const lines = readFileSync(join(shared, 'plover/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const rows = lines.map((l) => {
  const r = JSON.parse(l) as { id: string; text: string; publishedAt?: string };
  return JSON.stringify({
    id: r.id,
    ...extract(r.text, { id: r.id, publishedAt: r.publishedAt ?? null }),
  });
});
writeFileSync(join(out, 'plover.jsonl'), rows.join('\n') + '\n');
console.log(`wrote ${join(out, 'miami.json')} and ${join(out, 'plover.jsonl')}`);
