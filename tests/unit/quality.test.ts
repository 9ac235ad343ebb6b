// Quality floors of the extraction core (issue 3), scored by the shared scorer exactly as
// reviewers run it: the sample report and the PLOVER dev sentences.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { f1Of, scoreDev } from '../../bench/extraction-scores.ts';
import { extract } from '../../ingest/extract/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = resolve(root, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');
const out = mkdtempSync(join(tmpdir(), 'parley-quality-'));

function score(mode: 'article' | 'plover', gold: string, system: string): string {
  return execFileSync(process.execPath, [scorer, mode, gold, system], { encoding: 'utf8' });
}

/** "label P 0.89  R 0.89  F1 0.89" → the F1 of that line. */
function f1(report: string, label: string): number {
  const line = report.split('\n').find((l) => l.startsWith(label));
  const m = line?.match(/F1 ([\d.]+)/);
  if (!m) throw new Error(`no "${label}" line in:\n${report}`);
  return Number(m[1]);
}

function figure(report: string, label: string): number {
  const m = report.match(new RegExp(`^${label}\\s+([\\d.]+)`, 'm'));
  if (!m) throw new Error(`no "${label}" in:\n${report}`);
  return Number(m[1]);
}

describe('extraction quality floors', () => {
  it('finds the shared scorer beside the repository', () => {
    expect(existsSync(scorer), `missing ${scorer}`).toBe(true);
  });

  it('sample report: actors, places, events, statements and dates', () => {
    const text = readFileSync(join(evalDir, 'articles/miami-talks.txt'), 'utf8');
    const file = join(out, 'miami.json');
    writeFileSync(
      file,
      JSON.stringify(extract(text, { id: 'miami-talks', publishedAt: '2025-12-21' })),
    );
    const report = score('article', join(evalDir, 'articles/miami-talks.gold.json'), file);
    expect(f1(report, 'actors'), report).toBeGreaterThanOrEqual(0.95);
    expect(f1(report, 'places'), report).toBeGreaterThanOrEqual(0.9);
    expect(f1(report, 'events (type+sentence)'), report).toBeGreaterThanOrEqual(0.85);
    expect(f1(report, 'events (+participants)'), report).toBeGreaterThanOrEqual(0.75);
    expect(f1(report, 'statements (+speaker)'), report).toBeGreaterThanOrEqual(0.85);
    const dates = report.match(/dates right (\d+)\/(\d+)/);
    expect(dates, report).not.toBeNull();
    expect(Number(dates?.[2])).toBeGreaterThan(0);
    expect(dates?.[1], report).toBe(dates?.[2]);
  });

  it('PLOVER dev sentences: type recall, triple recall, type precision', () => {
    const lines = readFileSync(join(evalDir, 'plover/dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const rows = lines.map((l) => {
      const r = JSON.parse(l) as { id: string; text: string; publishedAt?: string };
      return JSON.stringify({
        id: r.id,
        ...extract(r.text, { id: r.id, publishedAt: r.publishedAt ?? null }),
      });
    });
    const file = join(out, 'plover.jsonl');
    writeFileSync(file, rows.join('\n') + '\n');
    const report = score('plover', join(evalDir, 'plover/dev.jsonl'), file);
    expect(figure(report, 'type recall'), report).toBeGreaterThanOrEqual(0.75);
    expect(figure(report, 'triple recall'), report).toBeGreaterThanOrEqual(0.55);
    expect(figure(report, 'type precision'), report).toBeGreaterThanOrEqual(0.7);
  });

  // Issue 11's bars (events 0.70, +participants 0.55, statements 0.80, actors 0.90, places 0.75)
  // are not met yet; these floors keep what was reached (see bench/extraction-scores.ts).
  it('development reports (micro over all): events, participants, statements, dates', async () => {
    const dev = await scoreDev(extract);
    const f = (k: 'events' | 'participants' | 'statements') => f1Of(dev.counts[k]);
    expect(f('events'), dev.report).toBeGreaterThanOrEqual(0.43);
    expect(f('participants'), dev.report).toBeGreaterThanOrEqual(0.3);
    expect(f('statements'), dev.report).toBeGreaterThanOrEqual(0.62);
    expect(dev.dates.right / dev.dates.asked, dev.report).toBeGreaterThanOrEqual(0.75);
  }, 120_000);

  it('refers only to actors and places it returns, with unique fact ids', () => {
    const text = readFileSync(join(evalDir, 'articles/miami-talks.txt'), 'utf8');
    const x = extract(text, { id: 'miami-talks', publishedAt: '2025-12-21' });
    const actors = new Set(x.actors.map((a) => a.id));
    const places = new Set(x.places.map((p) => p.id));
    for (const e of x.events) {
      for (const id of [...e.actors, ...e.recipients]) expect(actors).toContain(id);
      if (e.place) expect(places).toContain(e.place);
    }
    for (const s of x.statements) {
      for (const id of [s.speaker, ...s.about]) expect(actors).toContain(id);
      if (s.reportedBy) expect(actors).toContain(s.reportedBy);
    }
    for (const a of x.actors) if (a.affiliation) expect(actors).toContain(a.affiliation);
    const ids = [...x.events, ...x.statements].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const text = readFileSync(join(evalDir, 'articles/miami-talks.txt'), 'utf8');
    const a = JSON.stringify(extract(text, { id: 'miami-talks', publishedAt: '2025-12-21' }));
    const b = JSON.stringify(extract(text, { id: 'miami-talks', publishedAt: '2025-12-21' }));
    expect(a).toBe(b);
  });
});
