// The network answer at the size of 100,000 reports (issue 16), in memory: a seeded synthetic
// graph index (no Neo4j, no extraction; both would take hours here) of 700,000 events among
// 40,000 actors of 150 countries, a few busy and most seldom seen (Zipf-like). Measures what
// the server computes for /api/network after an ingest: catching the kept answer up with one
// report's events, the top 500 with the rest folded by country, and its gzip. The Neo4j reads
// of a patch (graph-changes.ts) come on top; the server bench measures them at its size.
//
// PARLEY_BENCH_BIG_REPORTS sets the size (default 100,000; 7 events and 9 actors a report).
import { seededRandom } from '../web/src/core/layout/random.ts';
import { gzipSync } from 'node:zlib';
import { PLOVER_CATEGORIES, type ActorKind } from '../domain/index.ts';
import {
  emptyIndex,
  putActor,
  putEvent,
  type IndexedEvent,
} from '../server/queries/graph-index.ts';
import { answerJson } from '../server/queries/network-answer.ts';
import type { Network } from '../server/api/types.ts';
import type { BenchResult } from './types.ts';

const log = (s: string) => process.stderr.write(`[big-network bench] ${s}\n`);
const round = (x: number) => Number(x.toFixed(1));

const KINDS: ActorKind[] = ['person', 'organization', 'group', 'person'];

function syntheticIndex(reports: number) {
  const rnd = seededRandom(16);
  const index = emptyIndex();
  const actors = Math.round(reports * 0.4);
  // Zipf-like: actor k drawn with weight 1/(k+10).
  const pick = () => Math.floor(10 * Math.pow(actors / 10 + 1, rnd()) - 10) % actors;
  const id = (k: number) => (k < 150 ? `state:S${k}` : `actor:${k}`);
  for (let k = 0; k < actors; k++) {
    const state = k < 150;
    putActor(
      index,
      id(k),
      {
        id: id(k),
        name: state ? `State ${k}` : `Actor ${k}`,
        kind: state ? 'state' : KINDS[k % KINDS.length],
        country: `C${String(k % 150).padStart(2, '0')}`,
        sector: null,
        title: null,
        aliases: [],
      },
      1,
      1,
    );
  }
  const event = (r: number, i: number): IndexedEvent => ({
    id: `event:${r}-${i}`,
    type: PLOVER_CATEGORIES[Math.floor(rnd() * PLOVER_CATEGORIES.length)],
    score: Math.round(rnd() * 200 - 100) / 10,
    date: `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
    actors: [id(pick())],
    recipients: [id(pick())],
    place: null,
  });
  for (let r = 0; r < reports; r++)
    for (let i = 0; i < 7; i++) putEvent(index, `event:${r}-${i}`, event(r, i));
  return { index, event };
}

const cpuMs = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};

export async function run(): Promise<BenchResult[]> {
  const reports = Number(process.env.PARLEY_BENCH_BIG_REPORTS || 100_000);
  let t0 = performance.now();
  const { index, event } = syntheticIndex(reports);
  log(
    `${index.events.size} events, ${index.actors.size} actors in ${round(performance.now() - t0)} ms`,
  );
  const f = { limit: 500, fold: 'country' as const };
  t0 = performance.now();
  const first = answerJson(index, f);
  const build = performance.now() - t0;
  const net = JSON.parse(first) as Network;
  const shape = `${net.nodes.length} actors, ${net.edges.length} edges, ${net.folded!.groups.length} folds, ${net.folded!.edges.length} fold edges, ${(first.length / 1e6).toFixed(1)} MB`;
  log(`answer built in ${round(build)} ms: ${shape}`);
  // After each of 10 new reports: the answer caught up, the folded top 500, gzip.
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 10; r++) {
    for (let i = 0; i < 7; i++) putEvent(index, `event:new${r}-${i}`, event(reports + r, i));
    const t = performance.now();
    cpu.push(cpuMs(() => gzipSync(answerJson(index, f), { level: 1 })));
    wall.push(performance.now() - t);
  }
  const med = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  log(`folded top 500 after a report: median ${med(wall)} ms (${med(cpu)} ms CPU)`);
  return [
    {
      name: 'big network: folded top 500 after one new report (in memory)',
      value: med(wall),
      unit: 'ms',
      note: `median of 10; ${med(cpu)} ms CPU; synthetic index of ${reports} reports (${index.events.size} events, ${index.actors.size} actors); ${shape}; Neo4j reads not included; target < 300`,
    },
    {
      name: 'big network: answer built whole (first request of a server)',
      value: round(build),
      unit: 'ms',
      note: `the same index, once`,
    },
  ];
}
