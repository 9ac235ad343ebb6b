import { describe, expect, it } from 'vitest';
import { replayExpansions } from './replay.ts';

/** A request the test answers when it likes. */
function later<T>() {
  let answer!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((answer = res), (fail = rej)));
  return { promise, answer, fail };
}

describe('replaying saved expansions', () => {
  it('asks for every actor at once and draws them in the saved order, skipping a failure', async () => {
    const asks = new Map(['a', 'b', 'c'].map((id) => [id, later<string>()]));
    const shown: string[] = [];
    const failed: string[] = [];
    const done = replayExpansions(
      ['a', 'b', 'c'],
      (id) => asks.get(id)!.promise,
      (id, got) => shown.push(`${id}:${got}`),
      (id) => failed.push(id),
      () => true,
    );
    asks.get('c')!.answer('C');
    asks.get('b')!.fail(new Error('503'));
    await Promise.resolve();
    expect(shown).toEqual([]);
    asks.get('a')!.answer('A');
    await expect(done).resolves.toBe(true);
    expect(shown).toEqual(['a:A', 'c:C']);
    expect(failed).toEqual(['b']);
  });

  it('stops once another investigation is opened, drawing nothing more', async () => {
    const asks = new Map(['a', 'b'].map((id) => [id, later<string>()]));
    let opened = 1;
    const mine = opened;
    const shown: string[] = [];
    const done = replayExpansions(
      ['a', 'b'],
      (id) => asks.get(id)!.promise,
      (id) => shown.push(id),
      () => {},
      () => opened === mine,
    );
    asks.get('a')!.answer('A');
    await new Promise((r) => setTimeout(r, 0));
    opened++;
    asks.get('b')!.answer('B');
    await expect(done).resolves.toBe(false);
    expect(shown).toEqual(['a']);
  });
});
