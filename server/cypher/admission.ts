// Who may start a console query now: at most `perClient` running per client address and `total`
// overall. A refusal says when a slot should free up (the soonest deadline of the queries in the
// way), for the 429's Retry-After. Pure state and functions; ./console-pool.ts applies them.

export interface AdmissionLimits {
  total: number;
  perClient: number;
}

/** The deadlines (ms since the epoch) of the queries running, per client. */
export type Running = Map<string, number[]>;

export type Admission =
  { ok: true; release: () => void } | { ok: false; reason: string; retryAfterSeconds: number };

export function admit(
  running: Running,
  client: string,
  deadline: number,
  limits: AdmissionLimits,
  now = Date.now(),
): Admission {
  const mine = running.get(client) ?? [];
  const all = [...running.values()].flat();
  const refuse = (blocking: number[], reason: string): Admission => ({
    ok: false,
    reason,
    retryAfterSeconds: Math.max(1, Math.ceil((Math.min(...blocking) - now) / 1000)),
  });
  if (mine.length >= limits.perClient) {
    return refuse(
      mine,
      `you already have ${mine.length} console ${mine.length === 1 ? 'query' : 'queries'} running ` +
        `(at most ${limits.perClient} at once); wait for one to finish`,
    );
  }
  if (all.length >= limits.total) {
    return refuse(
      all,
      `the server is running ${all.length} console queries (at most ${limits.total} at once); try again shortly`,
    );
  }
  running.set(client, [...mine, deadline]);
  let released = false;
  return {
    ok: true,
    release: () => {
      if (released) return;
      released = true;
      const left = (running.get(client) ?? []).filter((d, i, xs) => i !== xs.indexOf(deadline));
      if (left.length) running.set(client, left);
      else running.delete(client);
    },
  };
}
