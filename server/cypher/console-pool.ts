// The console's worker threads (./console-worker.ts), so that no console query can stall the
// server: a query is admitted (per client and overall, else 429 with Retry-After), runs in a
// worker with its own driver, and its answer comes back as bytes ready to send. The time limit
// covers everything — planning, Neo4j, transfer, decoding and serialisation: when it is up, or the
// client goes away, the worker is stopped and a fresh one takes its place when needed.
import { Worker } from 'node:worker_threads';
import { Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from '../../db/connection.ts';
import { ApiError } from '../errors.ts';
import { admit, type Running } from './admission.ts';
import type { ConsoleFailure, ConsoleReply, ConsoleRequest } from './console-worker.ts';
import { precheck, type CypherOptions } from './run.ts';

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
  /** Console queries running at once: overall, and per client address. */
  concurrency: number;
  perClient: number;
  /** A worker's heap: a single record that does not fit stops the worker, not the server. */
  workerHeapMb: number;
}

export interface ConsolePool {
  /** The query's answer as JSON bytes; throws ApiError (429, 400 …) or the Neo4j error. */
  run(
    client: string,
    query: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<Buffer>;
  close(): Promise<void>;
}

const ENTRY = new URL('./console-worker.mjs', import.meta.url);

function rebuild(f: ConsoleFailure): Error {
  if (f.kind === 'api') return new ApiError(f.status, f.code, f.message);
  if (f.kind === 'neo4j') return new Neo4jError(f.message, f.code, '', '');
  return new Error(f.message);
}

/** After the time limit, how long a worker gets to give its query up before it is stopped. */
const GIVE_UP_MS = 1_000;
/** How long a query waits for a new worker to start. */
const START_MS = 30_000;

export function newConsolePool(
  neo4j: Neo4jConfig,
  database: string | undefined,
  limits: ConsoleLimits,
): ConsolePool {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const running: Running = new Map();
  let nextId = 1;
  let closed = false;

  // Starting a worker (a thread, tsx, the driver) takes from half a second to several on a busy
  // machine, so workers are kept: a new one is made only when none is idle, or to replace one
  // that had to be stopped.
  const ready = new WeakMap<Worker, Promise<void>>();
  const spawn = (): Worker => {
    const w = new Worker(ENTRY, {
      workerData: neo4j,
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
    });
    w.unref(); // an idle worker never keeps the process alive
    all.add(w);
    w.once('exit', () => {
      all.delete(w);
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
    });
    const started = new Promise<void>((resolve, reject) => {
      const onReady = (m: ConsoleReply) => {
        if (!('ready' in m)) return;
        w.off('message', onReady);
        resolve();
      };
      w.on('message', onReady);
      w.once('error', reject);
      w.once('exit', () => reject(new Error('the console worker stopped while starting')));
    });
    started.catch(() => {}); // a worker that fails to start is reported where it is awaited
    ready.set(w, started);
    return w;
  };

  /** Waits for a worker to listen, at most START_MS (a busy machine may take seconds). */
  const started = async (w: Worker, signal?: AbortSignal) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ApiError(
              503,
              'CONSOLE_STARTING',
              `the console's worker did not start within ${START_MS / 1000} s (the machine is busy); try again`,
            ),
          ),
        START_MS,
      );
      signal?.addEventListener('abort', () =>
        reject(new ApiError(499, 'CLIENT_GONE', 'the client left')),
      );
    });
    try {
      await Promise.race([ready.get(w), late]);
    } catch (e) {
      stop(w);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
  const release = (w: Worker) => {
    if (!closed && all.has(w)) idle.push(w);
  };
  const stop = (w: Worker) => {
    all.delete(w);
    void w.terminate();
    if (!closed && idle.length === 0) idle.push(spawn()); // ready for the next query
  };

  /**
   * Runs one query on a worker; settles on its reply, the worker's death, the deadline or the
   * client leaving. On the last two the worker is asked to give the query up, and stopped if it
   * cannot within GIVE_UP_MS (it is busy decoding a huge record).
   */
  const dispatch = (
    w: Worker,
    req: { id: number; query: string; params: Record<string, unknown>; opts: CypherOptions },
    deadline: number,
    signal?: AbortSignal,
  ) =>
    new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const detach = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const onMessage = (reply: ConsoleReply) => {
        if ('ready' in reply || reply.id !== req.id) return;
        detach();
        clearTimeout(giveUp);
        release(w);
        if (reply.ok) {
          const { buffer, byteOffset, byteLength } = reply.json;
          settle(() => resolve(Buffer.from(buffer, byteOffset, byteLength)));
        } else {
          settle(() => reject(rebuild(reply.failure)));
        }
      };
      const onError = (e: Error & { code?: string }) => {
        detach();
        stop(w);
        settle(() =>
          reject(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ApiError(
                  400,
                  'RESULT_TOO_LARGE',
                  `a record of the result is too large to read (over ${limits.workerHeapMb} MB in memory); return less per row`,
                )
              : e,
          ),
        );
      };
      const onExit = () => {
        detach();
        stop(w);
        settle(() => reject(new Error('the console worker stopped')));
      };
      let giveUp: NodeJS.Timeout | undefined;
      const abandon = (error: ApiError) => {
        settle(() => reject(error));
        w.postMessage({ id: req.id, abort: true } satisfies ConsoleRequest);
        giveUp = setTimeout(() => {
          detach();
          stop(w);
        }, GIVE_UP_MS);
      };
      const onAbort = () => abandon(new ApiError(499, 'CLIENT_GONE', 'the client left'));
      const timer = setTimeout(
        () =>
          abandon(
            new ApiError(
              400,
              'QUERY_TIMEOUT',
              `the query ran longer than ${limits.timeoutMs / 1000} s and was stopped`,
            ),
          ),
        Math.max(0, deadline - Date.now()),
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage(req satisfies ConsoleRequest);
    });

  return {
    async run(client, query, params, signal) {
      if (closed) throw new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down');
      precheck(query, params, {}); // refusals cost no thread
      const admission = admit(running, client, Date.now() + limits.timeoutMs, {
        total: limits.concurrency,
        perClient: limits.perClient,
      });
      if (!admission.ok) {
        throw new ApiError(429, 'TOO_MANY_QUERIES', admission.reason, {
          'Retry-After': String(admission.retryAfterSeconds),
        });
      }
      try {
        const opts: CypherOptions = {
          database,
          timeoutMs: limits.timeoutMs,
          maxRows: limits.maxRows,
          maxBytes: limits.maxBytes,
        };
        const worker = idle.pop() ?? spawn();
        await started(worker, signal);
        // The time limit counts from here: Neo4j, transfer, decoding and serialisation.
        const deadline = Date.now() + limits.timeoutMs;
        return await dispatch(worker, { id: nextId++, query, params, opts }, deadline, signal);
      } finally {
        admission.release();
      }
    },
    async close() {
      closed = true;
      const workers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
