// Ingest speed end to end (read → extract → one write transaction) into the embedded Neo4j:
// reports per second over the first 2,000 synthetic reports (on a freshly started, cold JVM and
// on a warmed-up one), the unchanged re-ingest time, and the time per report as the database
// grows from 1,000 to 10,000 reports.
// Starts its own embedded Neo4j on a free port in a temporary directory unless NEO4J_URI is
// set (then it uses that database and EMPTIES it first). PARLEY_BENCH_INGEST_REPORTS changes
// the total (default 10,000), PARLEY_BENCH_INGEST_WARMUP the warm-up (default 1,000).
import { readFileSync } from 'node:fs';
import { ensureSchema } from '../db/schema.ts';
import { DEFAULT_CONCURRENCY, ingestItems, ingestReport } from '../ingest/ingest.ts';
import { generateReports, type SyntheticReport } from './synthetic.ts';
import { withBenchNeo4j } from './neo4j.ts';
import { wipe } from '../tests/integration/ingest-helpers.ts';
import { median } from './cpu.ts';
import type { BenchResult } from './types.ts';

const THROUGHPUT_OVER = 2_000;
const WINDOW = 1_000;
const WARMUP = Number(process.env.PARLEY_BENCH_INGEST_WARMUP ?? 1_000);

/** CPU seconds a process has used (Linux /proc), or null where that cannot be read. */
export function processCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in 1/100 s ticks
  } catch {
    return null;
  }
}

const asReport = (r: SyntheticReport) => ({
  text: r.text,
  meta: { id: r.id, title: r.title, publishedAt: r.publishedAt },
});

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Ingests `total` synthetic reports into an empty database after `warmupReports` throwaway ones. */
async function measure(total: number, warmupReports: number): Promise<BenchResult[]> {
  const log = (s: string) => process.stderr.write(`[ingest bench] ${s}\n`);
  return withBenchNeo4j('ingest', async (driver, neo4jPid) => {
    await ensureSchema(driver);
    await wipe(driver);
    const reports = generateReports(total, 42);
    // Warm up both JITs and the query plans on reports that are then removed again: on a cold
    // JVM, HotSpot's compiler threads take about one of the two cores for the first minute.
    if (warmupReports > 0) {
      const warmup = generateReports(warmupReports, 7).map((r) => ({ ...r, id: `warmup-${r.id}` }));
      log(`warming up on ${warmupReports} reports`);
      await ingestItems(
        driver,
        warmup.map((r) => ({ path: r.id, load: async () => asReport(r) })),
      );
      await ingestReport(driver, asReport(warmup[0])); // and the unchanged path
      await wipe(driver);
    }

    const results: BenchResult[] = [];
    const windows: { upTo: number; msPerReport: number; cpuMs: number | null }[] = [];
    let elapsed = 0;
    const cpu0 = process.cpuUsage();
    const db0 = processCpuSeconds(neo4jPid);
    for (let from = 0; from < reports.length; from += WINDOW) {
      const batch = reports.slice(from, from + WINDOW);
      const start = performance.now();
      const nodeCpuStart = process.cpuUsage();
      const dbCpuStart = processCpuSeconds(neo4jPid);
      // As `parley ingest DIR` runs: a few reports in flight, one transaction each.
      const outcomes = await ingestItems(
        driver,
        batch.map((r) => ({ path: r.id, load: async () => asReport(r) })),
      );
      const ms = performance.now() - start;
      const bad = outcomes.find((o) => o.diff?.status !== 'created');
      if (bad) throw new Error(`${bad.path}: ${bad.error?.message ?? bad.diff?.status}`);
      elapsed += ms;
      const n = from + batch.length;
      const nodeCpu = process.cpuUsage(nodeCpuStart);
      const dbCpuEnd = processCpuSeconds(neo4jPid);
      const cpuMs =
        dbCpuStart !== null && dbCpuEnd !== null
          ? ((nodeCpu.user + nodeCpu.system) / 1000 + (dbCpuEnd - dbCpuStart) * 1000) / batch.length
          : null;
      windows.push({ upTo: n, msPerReport: ms / batch.length, cpuMs });
      log(
        `${n} reports: ${round(ms / batch.length)} ms/report in the last ${batch.length}` +
          (cpuMs === null ? '' : `, ${round(cpuMs)} ms CPU/report (Node + Neo4j)`),
      );
      if (n === Math.min(THROUGHPUT_OVER, reports.length)) {
        results.push({
          name: `ingest: reports per second (end to end, first 2,000 into an empty database, ${warmupReports > 0 ? 'warm' : 'cold'} JVM)`,
          value: round(n / (elapsed / 1000), 1),
          unit: 'reports/s',
          note: `${n} synthetic reports in ${round(elapsed / 1000, 1)} s: extract and one write transaction each, ${DEFAULT_CONCURRENCY} in flight (floor 50/s)`,
        });
        // CPU cost per report, which does not depend on what else the machine is running.
        const nodeCpu = (() => {
          const d = process.cpuUsage(cpu0);
          return (d.user + d.system) / 1e6;
        })();
        const db1 = processCpuSeconds(neo4jPid);
        const dbCpu = db0 !== null && db1 !== null ? db1 - db0 : null;
        results.push({
          name: 'ingest: CPU time per report (Node: read, extract, driver)',
          value: round((nodeCpu * 1000) / n),
          unit: 'ms',
        });
        if (dbCpu !== null) {
          results.push({
            name: 'ingest: CPU time per report (Neo4j)',
            value: round((dbCpu * 1000) / n),
            unit: 'ms',
            note: `with Node's: about ${round(2 / ((nodeCpu + dbCpu) / n), 0)} reports/s of CPU capacity on 2 idle cores`,
          });
        }
      }
    }

    // Unchanged re-ingest: the same content again is one indexed read, no extraction, no write.
    const sample = reports.filter(
      (_, i) => i % Math.max(1, Math.floor(reports.length / 200)) === 0,
    );
    const unchanged: number[] = [];
    for (const r of sample) {
      const start = performance.now();
      const diff = await ingestReport(driver, asReport(r));
      unchanged.push(performance.now() - start);
      if (diff.status !== 'unchanged') throw new Error(`${r.id}: ${diff.status} on re-ingest`);
    }
    results.push({
      name: 'ingest: unchanged re-ingest, median',
      value: round(median(unchanged)),
      unit: 'ms',
      note: `p95 ${round(percentile(unchanged, 0.95))} ms over ${unchanged.length} reports, ${reports.length} in the database (target < 10 ms)`,
    });

    for (const w of windows) {
      results.push({
        name: `ingest: time per report, reports ${w.upTo - WINDOW + 1}–${w.upTo} in the database`,
        value: round(w.msPerReport),
        unit: 'ms',
        note: w.cpuMs === null ? undefined : `${round(w.cpuMs)} ms CPU (Node + Neo4j)`,
      });
    }
    if (windows.length >= 3) {
      // From the window just after 1,000 reports (the first one also warms the JVM up) to the last.
      const base = windows[1];
      const last = windows[windows.length - 1];
      results.push({
        name: `ingest: growth of time per report from ${base.upTo} to ${last.upTo} reports in the database`,
        value: round(last.msPerReport / base.msPerReport, 2),
        unit: '×',
        note: 'about 1 or less means flat (indexed lookups, no scans)',
      });
      if (last.cpuMs !== null) {
        results.push({
          name: `ingest: CPU time per report once warm (Node + Neo4j, reports ${last.upTo - WINDOW + 1}–${last.upTo})`,
          value: round(last.cpuMs),
          unit: 'ms',
          note: `about ${round(2000 / last.cpuMs, 0)} reports/s of CPU capacity on 2 idle cores`,
        });
      }
    }
    return results;
  });
}

export async function run(): Promise<BenchResult[]> {
  const total = Number(process.env.PARLEY_BENCH_INGEST_REPORTS || 10_000);
  // A fresh Neo4j of its own first, as after `npm start`: the same 2,000 reports on a cold JVM.
  const cold =
    process.env.NEO4J_URI || WARMUP === 0
      ? []
      : (await measure(Math.min(THROUGHPUT_OVER, total), 0)).filter((r) =>
          r.name.includes('reports per second'),
        );
  return [...cold, ...(await measure(total, WARMUP))];
}

// `node --import tsx bench/ingest.bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await run();
  for (const r of results)
    console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
}
