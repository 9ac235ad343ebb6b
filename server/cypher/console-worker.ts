// One console query at a time, off the server's event loop. The Node driver decodes a record
// whole and synchronously: a record of three million integers held the event loop for 27 s on
// the server, so every other request waited. Here this thread has its own driver, runs the query
// with runReadOnly (filter, plan check, READ transaction, row and byte caps), serialises the
// answer and hands the bytes back. The server stops the thread when the time limit is up, and the
// thread's heap limit stops a record too large to hold (./console-pool.ts).
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Neo4jError } from 'neo4j-driver';
import { createDriver, type Neo4jConfig } from '../../db/connection.ts';
import { ApiError } from '../errors.ts';
import { runReadOnly, type CypherOptions } from './run.ts';

/** Run a query; or give up the one running (the server's time limit is up). */
export type ConsoleRequest =
  | { id: number; query: string; params: Record<string, unknown>; opts: CypherOptions }
  | { id: number; abort: true };

/** A failure as data: the server rebuilds the same error, so its error handler maps it as ever. */
export type ConsoleFailure =
  | { kind: 'api'; status: number; code: string; message: string }
  | { kind: 'neo4j'; code: string; message: string }
  | { kind: 'other'; message: string };

/** `ready` once the worker listens (its start is not counted in a query's time limit). */
export type ConsoleReply =
  | { ready: true }
  | { id: number; ok: true; json: Uint8Array }
  | { id: number; ok: false; failure: ConsoleFailure };

function failure(e: unknown): ConsoleFailure {
  if (e instanceof ApiError)
    return { kind: 'api', status: e.status, code: e.code, message: e.message };
  if (e instanceof Neo4jError) return { kind: 'neo4j', code: e.code, message: e.message };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

// On Linux a thread has its own nice value: decoding a hostile result yields the CPU to the
// server's thread and to Neo4j (elsewhere setPriority would renice the whole process: skipped).
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not permitted: run at the normal priority
  }
}

const port = parentPort;
if (port) {
  const driver = createDriver(workerData as Neo4jConfig);
  // The running query's abort: its transaction is closed, so the query ends with an error.
  const running = new Map<number, AbortController>();
  port.on('message', (req: ConsoleRequest) => {
    if ('abort' in req) {
      running.get(req.id)?.abort();
      return;
    }
    void (async () => {
      const stop = new AbortController();
      running.set(req.id, stop);
      let reply: ConsoleReply;
      try {
        const result = await runReadOnly(driver, req.query, req.params, {
          ...req.opts,
          signal: stop.signal,
        });
        reply = { id: req.id, ok: true, json: new TextEncoder().encode(JSON.stringify(result)) };
      } catch (e) {
        reply = { id: req.id, ok: false, failure: failure(e) };
      } finally {
        running.delete(req.id);
      }
      port.postMessage(reply, reply.ok ? [reply.json.buffer as ArrayBuffer] : []);
    })();
  });
  port.postMessage({ ready: true } satisfies ConsoleReply);
}
