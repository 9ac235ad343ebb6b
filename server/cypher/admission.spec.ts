import { describe, expect, it } from 'vitest';
import { admit, type Running } from './admission.ts';

const limits = { total: 3, perClient: 2 };

describe('admit', () => {
  it('lets a client run two queries at once and refuses the third with a Retry-After', () => {
    const running: Running = new Map();
    const now = 1_000_000;
    expect(admit(running, 'a', now + 10_000, limits, now).ok).toBe(true);
    expect(admit(running, 'a', now + 4_500, limits, now).ok).toBe(true);
    const third = admit(running, 'a', now + 10_000, limits, now);
    expect(third).toMatchObject({ ok: false, retryAfterSeconds: 5 });
    if (!third.ok) expect(third.reason).toMatch(/already have 2 console queries running/);
  });

  it('refuses everyone once the server runs its maximum, and frees a slot on release', () => {
    const running: Running = new Map();
    const now = 0;
    const first = admit(running, 'a', 10_000, limits, now);
    admit(running, 'a', 10_000, limits, now);
    admit(running, 'b', 3_000, limits, now);
    const c = admit(running, 'c', 10_000, limits, now);
    expect(c).toMatchObject({ ok: false, retryAfterSeconds: 3 });
    if (!c.ok) expect(c.reason).toMatch(/at most 3 at once/);
    if (first.ok) {
      first.release();
      first.release(); // twice is once
    }
    expect(running.get('a')).toEqual([10_000]);
    expect(admit(running, 'c', 10_000, limits, now).ok).toBe(true);
  });
});
