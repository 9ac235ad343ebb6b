// The speed bar of issues 10 and 11: whole extraction (the NLP core and every extraction stage)
// on the PLOVER dev sentences and the sample report, `parley extract --format jsonl` against the
// same work in process, model load time and memory in a fresh process, and the throughput of each
// NLP stage. Every rate is in CPU time of one core, so that other work on a shared machine counts
// less (it still slows memory-bound code: the load average is printed with the figures).
// Run through bench/run.ts (npm run bench -- --only nlp).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parleyExtractor } from '../ingest/index.ts';
import { analyse, loadNlpModels } from '../ingest/nlp/index.ts';
import { tagIds as tagEntityIds } from '../ingest/nlp/entities.ts';
import { parse } from '../ingest/nlp/parser.ts';
import { tagIds } from '../ingest/nlp/tagger.ts';
import { tokenize } from '../ingest/nlp/tokenize.ts';
import { cpuMs, median, perCpuSecond, runIfMain } from './cpu.ts';
import type { BenchResult } from './types.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared/eval');

interface PloverRecord {
  id: string;
  text: string;
  publishedAt?: string;
}

/** Items handled per CPU-second by f, over about two CPU-seconds after a warm-up. */
const rate = (f: () => number): number => perCpuSecond(f).rate;

/** Load time and resident memory, measured in a child process that starts cold. */
function coldLoad(): { loadMs: number; rssMb: number } {
  const script = `
    const t0 = process.cpuUsage();
    const { loadNlpModels } = await import(${JSON.stringify(join(root, 'ingest/nlp/index.ts'))});
    loadNlpModels();
    const c = process.cpuUsage(t0);
    const { parleyExtractor } = await import(${JSON.stringify(join(root, 'ingest/index.ts'))});
    const records = ${JSON.stringify(readFileSync(join(shared, 'plover/dev.jsonl'), 'utf8'))}
      .split('\\n').filter(Boolean).map((l) => JSON.parse(l));
    for (let r = 0; r < 20; r++)
      for (const x of records) parleyExtractor.extract(x.text, { id: x.id, publishedAt: x.publishedAt ?? null });
    console.log(JSON.stringify({ loadMs: (c.user + c.system) / 1000, rssMb: process.memoryUsage().rss / 1e6 }));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { loadMs: number; rssMb: number };
}

/** CPU seconds (user + system) of a shell command, from bash's `time`. */
function cpuSecondsOf(command: string): number {
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time ${command} > /dev/null`], {
    cwd: root,
    encoding: 'utf8',
  });
  const times = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  if (r.status !== 0 || times.length !== 2 || times.some((t) => !Number.isFinite(t)))
    throw new Error(`${command} failed: ${r.stderr.slice(0, 500)}`);
  return times[0] + times[1];
}

/**
 * Records per CPU-second of `parley extract --format jsonl` streaming the PLOVER records, and of
 * a bare process that reads the same file and calls the extractor on each record: each from two
 * runs over the records repeated `small` and `large` times, so that start-up and model load
 * cancel out.
 */
function jsonlRates(records: PloverRecord[], small: number, large: number) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-jsonl-'));
  try {
    const file = (times: number) => {
      const path = join(dir, `records-${times}.jsonl`);
      const lines: string[] = [];
      for (let k = 0; k < times; k++)
        for (const r of records) lines.push(JSON.stringify({ ...r, id: `${r.id}-${k}` }));
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    };
    const files = [file(small), file(large)];
    const bare = (path: string) => {
      const script =
        `const { parleyExtractor } = await import(${JSON.stringify(join(root, 'ingest/index.ts'))});` +
        `for (const l of (await import('node:fs')).readFileSync(${JSON.stringify(path)}, 'utf8').split('\\n'))` +
        ' if (l) { const r = JSON.parse(l); parleyExtractor.extract(r.text, { id: r.id, publishedAt: r.publishedAt ?? null }); }';
      return `${JSON.stringify(process.execPath)} --import tsx --input-type=module -e ${JSON.stringify(script)}`;
    };
    const cli = (path: string) =>
      `${JSON.stringify(process.execPath)} bin/parley.mjs extract --format jsonl < ${JSON.stringify(path)}`;
    const rateOf = (command: (path: string) => string) =>
      ((large - small) * records.length) /
      (cpuSecondsOf(command(files[1])) - cpuSecondsOf(command(files[0])));
    return { cli: rateOf(cli), bare: rateOf(bare) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The stages after the NLP core on one long report against the same text as four reports: CPU
 * time of extract() less analyse() on the same text, medians of alternating rounds. The dev
 * articles joined make a part (about 300 sentences), four parts the long report. About 1 while
 * those stages grow with the report's length; well above it if one scans the report for each
 * mention or sentence (issue 11).
 */
function longReport(): { sentences: number; one: number; four: number } {
  const dir = join(shared, 'dev');
  const part = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n');
  const long = [part, part, part, part].join('\n\n');
  const meta = { id: 'long-report', publishedAt: '2025-12-21' };
  const after = (text: string, times: number) => {
    let t = process.cpuUsage();
    for (let i = 0; i < times; i++) parleyExtractor.extract(text, meta);
    const whole = cpuMs(t);
    t = process.cpuUsage();
    for (let i = 0; i < times; i++) analyse(text);
    return whole - cpuMs(t);
  };
  after(part, 2);
  const one: number[] = [];
  const four: number[] = [];
  for (let r = 0; r < 5; r++) {
    one.push(after(long, 1));
    four.push(after(part, 4));
  }
  return { sentences: analyse(long).length, one: median(one), four: median(four) };
}

export async function run(): Promise<BenchResult[]> {
  const load = loadavg()[0].toFixed(1);
  const records = readFileSync(join(shared, 'plover/dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PloverRecord);
  const texts = records.map((r) => r.text);
  const sample = readFileSync(join(shared, 'articles/miami-talks.txt'), 'utf8');
  const cold = coldLoad();
  const { tagger, parser, entities } = loadNlpModels();
  const sentences = texts.map((t) => tokenize(t).map((x) => x.text));
  const words = sentences.reduce((a, s) => a + s.length, 0);
  const tagged = sentences.map((s) => ({ words: s, tags: tagIds(tagger, s) }));
  const extractAll = () => {
    for (const r of records)
      parleyExtractor.extract(r.text, { id: r.id, publishedAt: r.publishedAt ?? null });
    return records.length;
  };

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
  const entityRate = rate(() => {
    for (const s of sentences) tagEntityIds(entities, s);
    return words;
  });
  const entityTaggedRate = rate(() => {
    for (const x of tagged) tagEntityIds(entities, x.words, x.tags);
    return words;
  });
  const analyseRate = rate(() => {
    let n = 0;
    for (const t of texts) n += analyse(t).length;
    return n;
  });
  const whole = perCpuSecond(extractAll, { warmUp: 10, cpuSeconds: 3 });

  const sampleMeta = { id: 'miami-talks', publishedAt: '2025-12-21' };
  for (let i = 0; i < 30; i++) parleyExtractor.extract(sample, sampleMeta);
  const sampleTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = process.cpuUsage();
    parleyExtractor.extract(sample, sampleMeta);
    sampleTimes.push(cpuMs(t));
  }

  const jsonl = jsonlRates(records, 2, 12);
  const long = longReport();
  return [
    {
      name: 'extract: PLOVER sentences, whole extraction',
      value: Math.round(whole.rate),
      unit: 'sentences/s',
      note: `parleyExtractor.extract() per sentence, one core (CPU time), load ${load}; target ≥ 2,000`,
    },
    {
      name: 'extract: PLOVER sentences, wall clock',
      value: Math.round(whole.wallRate),
      unit: 'sentences/s',
      note: 'same loop in elapsed time; lower when other processes share the cores',
    },
    {
      name: 'extract: sample report',
      value: Number(median(sampleTimes).toFixed(2)),
      unit: 'ms',
      note: 'CPU time, median of 200 runs after warm-up; target < 10 ms',
    },
    {
      name: 'extract: one long report, after the NLP core',
      value: Number((long.one / long.four).toFixed(2)),
      unit: '× four reports',
      note:
        `${long.sentences} sentences (the dev articles 4 times): ${Math.round(long.one)} ms CPU ` +
        `after analyse() as one report, ${Math.round(long.four)} ms as four; about 1 while ` +
        'no stage scans the whole report per mention',
    },
    {
      name: 'extract: parley extract --format jsonl',
      value: Math.round(jsonl.cli),
      unit: 'sentences/s',
      note:
        `${Math.round((100 * jsonl.cli) / jsonl.bare)}% of a bare process calling the extractor on ` +
        `the same records (${Math.round(jsonl.bare)}/s; target ≥ 80%); CPU time, start-up excluded`,
    },
    {
      name: 'nlp: models load (cold process)',
      value: Math.round(cold.loadMs),
      unit: 'ms',
      note: 'CPU time of importing the NLP core and loadNlpModels(); target < 1,500 ms',
    },
    {
      name: 'nlp: resident memory while extracting',
      value: Math.round(cold.rssMb),
      unit: 'MB',
      note: 'RSS after extracting the PLOVER sentences 20 times; target < 400 MB',
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
      name: 'nlp: entity recognizer',
      value: Math.round(entityRate),
      unit: 'words/s',
      note: 'one core (CPU time), every word scored',
    },
    {
      name: 'nlp: entity recognizer, tags given',
      value: Math.round(entityTaggedRate),
      unit: 'words/s',
      note: "one core (CPU time), with the tagger's tags as analyse() gives them (plain words unscored)",
    },
    {
      name: 'nlp: analyse (PLOVER sentences)',
      value: Math.round(analyseRate),
      unit: 'sentences/s',
      note: 'tokenize + split + tag + lemma + parse + entities, one core (CPU time)',
    },
  ];
}

// Direct run: npx tsx bench/nlp.bench.ts
await runIfMain(import.meta.url, run);
