// The extraction pool: worker threads that turn reports into write plans (extract → plan →
// locate), so that extraction — the slow part of an ingest since it parses every sentence — runs
// on every core while the main thread reads input and writes to Neo4j. A thread that dies on a
// report (out of memory, a crash) fails that report only: it is named, and a fresh thread takes
// its place for the rest.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportMeta } from '../extract/types.ts';
import type { GraphPlan } from '../graph/plan.ts';

export interface PlanRequest {
  id: number;
  report: { text: string; meta: ReportMeta };
}

export type PlanReply =
  { id: number; ok: true; plan: GraphPlan } | { id: number; ok: false; message: string };

export interface PlanPool {
  readonly size: number;
  /** The report's plan, made on a free thread (queued until one is). */
  plan(report: { text: string; meta: ReportMeta }): Promise<GraphPlan>;
  /** Stops the threads; plans still queued fail. */
  close(): Promise<void>;
}

/** The thread working on a report stopped: the report failed, the pool goes on without it. */
export class WorkerCrashed extends Error {
  readonly code = 'WORKER_CRASHED';
}

/** One thread per core: the main thread mostly waits on Neo4j. */
export const defaultPoolSize = () => Math.max(1, availableParallelism());

export interface PoolOptions {
  size?: number;
  /** Each thread's heap limit in MB: a report that needs more fails alone (default: Node's). */
  heapMb?: number;
}

const ENTRY = new URL('./worker.mjs', import.meta.url);

interface Job extends PlanRequest {
  resolve: (plan: GraphPlan) => void;
  reject: (e: Error) => void;
}

export function newPlanPool(opts: PoolOptions = {}): PlanPool {
  const size = Math.max(1, opts.size ?? defaultPoolSize());
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let nextId = 1;
  let threads = 0;
  let closed = false;

  // Threads start on demand: a run whose reports are all unchanged never starts one.
  const spawn = () => {
    const w = new Worker(ENTRY, {
      resourceLimits: opts.heapMb ? { maxOldGenerationSizeMb: opts.heapMb } : undefined,
    });
    let why = 'it exited';
    w.on('message', (reply: PlanReply) => {
      const job = busy.get(w);
      if (!job || job.id !== reply.id) return;
      busy.delete(w);
      if (reply.ok) job.resolve(reply.plan);
      else job.reject(new Error(`extraction failed: ${reply.message}`));
      idle.push(w);
      pump();
    });
    w.on('error', (e: Error & { code?: string }) => {
      why =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `out of memory (over ${opts.heapMb} MB)`
          : e.message;
    });
    w.on('exit', () => {
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      const job = busy.get(w);
      busy.delete(w);
      threads -= 1;
      if (closed) return;
      job?.reject(new WorkerCrashed(`the extraction thread stopped on this report: ${why}`));
      pump(); // the rest go on, on a fresh thread
    });
    threads += 1;
    idle.push(w);
  };

  const pump = () => {
    while (idle.length === 0 && threads < Math.min(size, busy.size + queue.length)) spawn();
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop() as Worker;
      const job = queue.shift() as Job;
      busy.set(w, job);
      w.postMessage({ id: job.id, report: job.report } satisfies PlanRequest);
    }
  };

  return {
    size,
    plan: (report) =>
      new Promise<GraphPlan>((resolve, reject) => {
        if (closed) return reject(new Error('the extraction pool is closed'));
        queue.push({ id: nextId++, report, resolve, reject });
        pump();
      }),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the extraction pool is closed'));
      const all = [...idle, ...busy.keys()];
      for (const job of busy.values()) job.reject(new Error('the extraction pool is closed'));
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
