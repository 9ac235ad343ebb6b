import { describe, expect, it } from 'vitest';
import { MAX_SAVED, mergePositions, parsePositions } from './saved-positions.ts';

describe('saved positions', () => {
  it('round-trips positions and keeps those of actors not on screen', () => {
    const saved = parsePositions(JSON.stringify({ a: [1, 2], gone: [5, 6] }));
    const text = mergePositions(saved, new Map([['a', { x: 3.14159, y: 4 }]]));
    expect(Object.fromEntries(parsePositions(text))).toEqual({
      a: { x: 3.14, y: 4 },
      gone: { x: 5, y: 6 },
    });
  });
  it('ignores anything that is not a map of finite pairs', () => {
    for (const bad of [
      null,
      '',
      'not json',
      '[1,2]',
      '{"a":[1]}',
      '{"a":["x",2]}',
      '{"a":[1e400,1]}',
    ])
      expect(parsePositions(bad).size).toBe(0);
  });
  it('is capped', () => {
    const many = new Map(
      Array.from({ length: MAX_SAVED + 5 }, (_, i) => [`n${i}`, { x: i, y: i }]),
    );
    expect(parsePositions(mergePositions(many, new Map([['new', { x: 0, y: 0 }]]))).size).toBe(
      MAX_SAVED,
    );
  });
});
