// One extraction thread of the pool (./index.ts): a report in, its write plan out, one at a time.
import { parentPort } from 'node:worker_threads';
import { locatePlan } from '../geo/index.ts';
import { planReport } from '../plan-report.ts';
import type { PlanReply, PlanRequest } from './index.ts';

const port = parentPort;
if (!port) throw new Error('ingest/pool/worker.ts runs as a worker thread');

port.on('message', (req: PlanRequest) => {
  let reply: PlanReply;
  try {
    const { text, meta } = req.report;
    reply = { id: req.id, ok: true, plan: locatePlan(planReport(text, meta)) };
  } catch (e) {
    reply = { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
