// Extraction quality as reviewers measure it: the shared scorer (../shared/eval/score.mjs) run on
// the sample report, the PLOVER dev sentences and every development report (micro-averaged), plus
// per-category precision and recall over the 16 PLOVER categories so that no category is
// silently dead. The one extraction scorer: `npm run eval` and the quality floors in tests use it.
//   npx tsx eval/extraction.ts [--coder] [--verbose] [--out DIR]
// --out keeps the system outputs (miami-talks.json, plover.jsonl, dev/<report>.json) in DIR, to
// run score.mjs on by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLOVER_CATEGORIES, type PloverCategory } from '../domain/index.ts';
import type { Extraction, ReportMeta } from '../ingest/extract/types.ts';
import { readReportFile } from '../ingest/read/file.ts';

export type ExtractFn = (text: string, meta: ReportMeta) => Extraction;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EVAL_DIR = resolve(root, '../shared/eval');
const scorer = join(EVAL_DIR, 'score.mjs');

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
export const f1Of = ({ tp, fp, fn }: Counts): number => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
const precision = ({ tp, fp }: Counts): number => (tp + fp ? tp / (tp + fp) : 0);
const recall = ({ tp, fn }: Counts): number => (tp + fn ? tp / (tp + fn) : 0);

const LABELS = {
  actors: 'actors',
  places: 'places',
  events: 'events (type+sentence)',
  participants: 'events (+participants)',
  statements: 'statements (+speaker)',
} as const;
export type ArticleFigure = keyof typeof LABELS;

export interface ArticleScore {
  counts: Record<ArticleFigure, Counts>;
  dates: { right: number; asked: number };
  /** Per category over required gold events (first listed type) and emitted events. */
  categories: Map<PloverCategory, Counts>;
  report: string;
}

interface GoldEvent {
  id: string;
  types: PloverCategory[];
  optional?: boolean;
}

function scoreFile(mode: 'article' | 'plover', gold: string, system: string, verbose = false) {
  const args = [scorer, mode, gold, system, ...(verbose ? ['--verbose'] : [])];
  return execFileSync(process.execPath, args, { encoding: 'utf8' });
}

/** Where a system output is written for the scorer: `out/name` when out is given, else a temp dir. */
function systemFile(name: string, out?: string): string {
  const dir = out ?? mkdtempSync(join(tmpdir(), 'parley-score-'));
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  return join(dir, name);
}

/** Sums "kind right a/b, country right c/b" over every article in score.mjs's output. */
export function actorAttributes(report: string): { kind: number; country: number } {
  let kind = 0;
  let country = 0;
  for (const m of report.matchAll(/kind right (\d+)\/\d+, country right (\d+)\/\d+/g)) {
    kind += Number(m[1]);
    country += Number(m[2]);
  }
  return { kind, country };
}

/** Scores one extraction against one gold file with the shared scorer. */
export function scoreArticle(
  goldPath: string,
  extraction: Extraction,
  file = systemFile('system.json'),
): ArticleScore {
  writeFileSync(file, JSON.stringify(extraction));
  const report = scoreFile('article', goldPath, file, true);
  const counts = {} as Record<ArticleFigure, Counts>;
  for (const [key, label] of Object.entries(LABELS) as [ArticleFigure, string][]) {
    const m = report.match(
      new RegExp(`^${label.replace(/[()+]/g, '\\$&')}.*tp (\\d+), fp (\\d+), fn (\\d+)`, 'm'),
    );
    if (!m) throw new Error(`no "${label}" line in:\n${report}`);
    counts[key] = { tp: Number(m[1]), fp: Number(m[2]), fn: Number(m[3]) };
  }
  const d = report.match(/dates right (\d+)\/(\d+)/);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { events: GoldEvent[] };
  const missed = new Set([...report.matchAll(/^ {2}missed: event (\S+)$/gm)].map((m) => m[1]));
  const categories = new Map<PloverCategory, Counts>(PLOVER_CATEGORIES.map((c) => [c, zero()]));
  for (const g of gold.events) {
    if (g.optional) continue;
    const c = categories.get(g.types[0]);
    if (c) c[missed.has(g.id) ? 'fn' : 'tp']++;
  }
  for (const m of report.matchAll(/^ {2}extra: {2}event ([A-Z]+) /gm)) {
    const c = categories.get(m[1] as PloverCategory);
    if (c) c.fp++;
  }
  return {
    counts,
    dates: { right: Number(d?.[1] ?? 0), asked: Number(d?.[2] ?? 0) },
    categories,
    report,
  };
}

const add = (a: Counts, b: Counts): void => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};

/** The sample report the product is built around. */
export function scoreSample(extract: ExtractFn, out?: string): ArticleScore {
  const text = readFileSync(join(EVAL_DIR, 'articles/miami-talks.txt'), 'utf8');
  const x = extract(text, { id: 'miami-talks', publishedAt: '2025-12-21' });
  const file = systemFile('miami-talks.json', out);
  return scoreArticle(join(EVAL_DIR, 'articles/miami-talks.gold.json'), x, file);
}

/** Every development report, read as `parley extract` reads it, micro-averaged. */
export async function scoreDev(
  extract: ExtractFn,
  out?: string,
): Promise<ArticleScore & { articles: string[] }> {
  const dir = join(EVAL_DIR, 'dev');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .sort();
  const total: ArticleScore = {
    counts: Object.fromEntries(Object.keys(LABELS).map((k) => [k, zero()])) as Record<
      ArticleFigure,
      Counts
    >,
    dates: { right: 0, asked: 0 },
    categories: new Map(PLOVER_CATEGORIES.map((c) => [c, zero()])),
    report: '',
  };
  for (const name of names) {
    const goldPath = join(dir, `${name}.gold.json`);
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { publishedAt: string };
    const report = await readReportFile(join(dir, `${name}.txt`), {
      publishedAt: gold.publishedAt,
    });
    const file = systemFile(`dev/${name}.json`, out);
    const s = scoreArticle(goldPath, extract(report.text, report.meta), file);
    for (const k of Object.keys(LABELS) as ArticleFigure[]) add(total.counts[k], s.counts[k]);
    total.dates.right += s.dates.right;
    total.dates.asked += s.dates.asked;
    for (const [c, n] of s.categories) add(total.categories.get(c) as Counts, n);
    total.report += `== ${name}\n${s.report}`;
  }
  return { ...total, articles: names };
}

export interface PloverScore {
  typeRecall: number;
  tripleRecall: number;
  typePrecision: number;
  /** Per gold category: recall of the type; precision of the emitted events of that category. */
  categories: Map<PloverCategory, { n: number; hit: number; emitted: number; right: number }>;
  report: string;
}

/** The PLOVER dev sentences, one coded event each. */
export function scorePlover(extract: ExtractFn, out?: string): PloverScore {
  const goldPath = join(EVAL_DIR, 'plover/dev.jsonl');
  const records = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(
      (l) =>
        JSON.parse(l) as { id: string; text: string; publishedAt?: string; event: PloverCategory },
    );
  const categories = new Map(
    PLOVER_CATEGORIES.map((c) => [c, { n: 0, hit: 0, emitted: 0, right: 0 }]),
  );
  const rows = records.map((r) => {
    const x = extract(r.text, { id: r.id, publishedAt: r.publishedAt ?? null });
    const g = categories.get(r.event);
    if (g) {
      g.n++;
      if (x.events.some((e) => e.type === r.event)) g.hit++;
    }
    for (const e of x.events) {
      const c = categories.get(e.type);
      if (!c) continue;
      c.emitted++;
      if (e.type === r.event) c.right++;
    }
    return JSON.stringify({ id: r.id, ...x });
  });
  const file = systemFile('plover.jsonl', out);
  writeFileSync(file, rows.join('\n') + '\n');
  const report = scoreFile('plover', goldPath, file, true);
  const fig = (label: string): number => {
    const m = report.match(new RegExp(`^${label}\\s+([\\d.]+)`, 'm'));
    if (!m) throw new Error(`no "${label}" in:\n${report}`);
    return Number(m[1]);
  };
  return {
    typeRecall: fig('type recall'),
    tripleRecall: fig('triple recall'),
    typePrecision: fig('type precision'),
    categories,
    report,
  };
}

const pct = (x: number): string => x.toFixed(2);

/** The table `npm run eval` shows for extraction. */
export function formatScores(sample: ArticleScore, dev: ArticleScore, plover: PloverScore): string {
  const lines: string[] = [];
  const row = (name: string, s: ArticleScore) =>
    lines.push(
      `${name.padEnd(8)} ` +
        (Object.keys(LABELS) as ArticleFigure[])
          .map((k) => `${k} ${pct(f1Of(s.counts[k]))}`)
          .join('  ') +
        `  dates ${s.dates.right}/${s.dates.asked}`,
    );
  lines.push('extraction F1 (sample; dev micro over all reports)');
  row('sample', sample);
  row('dev', dev);
  lines.push(
    `plover   type recall ${pct(plover.typeRecall)}  triple recall ${pct(plover.tripleRecall)}  type precision ${pct(plover.typePrecision)}`,
  );
  lines.push('per category        dev P    dev R   (n)   plover P  plover R  (n)');
  for (const c of PLOVER_CATEGORIES) {
    const d = dev.categories.get(c) as Counts;
    const p = plover.categories.get(c) as {
      n: number;
      hit: number;
      emitted: number;
      right: number;
    };
    lines.push(
      `  ${c.padEnd(10)}  ${d.tp + d.fp ? pct(precision(d)) : '  - '}    ${d.tp + d.fn ? pct(recall(d)) : '  - '}  ${String(d.tp + d.fn).padStart(4)}    ` +
        `${p.emitted ? pct(p.right / p.emitted) : '  - '}      ${p.n ? pct(p.hit / p.n) : '  - '}  ${String(p.n).padStart(4)}`,
    );
  }
  return lines.join('\n');
}

// `--coder`: events and statements coded on the NLP core's dependency parse instead of the rules.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const core = await import('../ingest/extract/index.ts');
  const { analyse } = await import('../ingest/nlp/index.ts');
  const parse = process.argv.includes('--coder') ? analyse : undefined;
  const extract: ExtractFn = (text, meta) => core.extract(text, meta, { parse });
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? resolve(process.argv[at + 1]) : undefined;
  const dev = await scoreDev(extract, out);
  if (process.argv.includes('--verbose')) console.log(dev.report);
  console.log(formatScores(scoreSample(extract, out), dev, scorePlover(extract, out)));
  if (out) console.log(`system outputs in ${out}`);
}
