// The NLP core's speed and footprint: model load time and memory in a fresh process, and the
// throughput of each stage (tokenizer, tagger, parser, analyse) on the PLOVER dev sentences,
// in CPU time of one core. Run through bench/run.ts (npm run bench -- --only nlp).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyse, loadNlpModels } from '../ingest/nlp/index.ts';
import { parse } from '../ingest/nlp/parser.ts';
import { tagIds } from '../ingest/nlp/tagger.ts';
import { tokenize } from '../ingest/nlp/tokenize.ts';
import { perCpuSecond, runIfMain } from './cpu.ts';
import type { BenchResult } from './types.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared/eval');

/** Items handled per CPU-second by f, over about two CPU-seconds after a warm-up. */
const rate = (f: () => number): number => perCpuSecond(f).rate;

/** Load time and resident memory, measured in a child process that starts cold. */
function coldLoad(): { loadMs: number; rssMb: number } {
  const script = `
    const t0 = process.cpuUsage(); const w0 = performance.now();
    const { loadNlpModels, analyse } = await import(${JSON.stringify(join(root, 'ingest/nlp/index.ts'))});
    loadNlpModels();
    const wall = performance.now() - w0; const c = process.cpuUsage(t0);
    const texts = ${JSON.stringify(readFileSync(join(shared, 'plover/dev.jsonl'), 'utf8'))}
      .split('\\n').filter(Boolean).map((l) => JSON.parse(l).text);
    for (let r = 0; r < 20; r++) for (const t of texts) analyse(t);
    console.log(JSON.stringify({ loadMs: (c.user + c.system) / 1000, wall, rssMb: process.memoryUsage().rss / 1e6 }));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { loadMs: number; rssMb: number };
}

export async function run(): Promise<BenchResult[]> {
  const texts = readFileSync(join(shared, 'plover/dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const cold = coldLoad();
  const { tagger, parser } = loadNlpModels();
  const sentences = texts.map((t) => tokenize(t).map((x) => x.text));
  const words = sentences.reduce((a, s) => a + s.length, 0);
  const tagged = sentences.map((s) => ({ words: s, tags: tagIds(tagger, s) }));
  const tokenizeRate = rate(() => {
    for (const t of texts) tokenize(t);
    return words;
  });
  const tagRate = rate(() => {
    for (const s of sentences) tagIds(tagger, s);
    return words;
  });
  const parseRate = rate(() => {
    for (const x of tagged) parse(parser, x);
    return words;
  });
  const analyseRate = rate(() => {
    let n = 0;
    for (const t of texts) n += analyse(t).length;
    return n;
  });
  return [
    {
      name: 'nlp: models load (cold process)',
      value: Math.round(cold.loadMs),
      unit: 'ms',
      note: 'CPU time of loadNlpModels(); target < 1,500 ms',
    },
    {
      name: 'nlp: resident memory while analysing',
      value: Math.round(cold.rssMb),
      unit: 'MB',
      note: 'RSS after 20 passes over the PLOVER sentences; target < 400 MB',
    },
    {
      name: 'nlp: tokenizer',
      value: Math.round(tokenizeRate),
      unit: 'tokens/s',
      note: 'one core (CPU time)',
    },
    {
      name: 'nlp: tagger',
      value: Math.round(tagRate),
      unit: 'words/s',
      note: 'one core (CPU time)',
    },
    {
      name: 'nlp: parser',
      value: Math.round(parseRate),
      unit: 'words/s',
      note: 'one core (CPU time), tags given',
    },
    {
      name: 'nlp: analyse (PLOVER sentences)',
      value: Math.round(analyseRate),
      unit: 'sentences/s',
      note: 'tokenize + split + tag + lemma + parse, one core (CPU time)',
    },
  ];
}

// Direct run: npx tsx bench/nlp.bench.ts
await runIfMain(import.meta.url, run);
