import { describe, expect, it } from 'vitest';
import { primaryMark, runs } from './highlights.ts';

const text = 'Dmitriev rejected the plan. Witkoff said it was fine.';

describe('highlights', () => {
  it('cuts the text at every boundary and keeps the whole text', () => {
    const r = runs(text, [
      { kind: 'event', id: 'e1', start: 0, end: 27 },
      { kind: 'mention', id: 'person:dmitriev', start: 0, end: 8 },
      { kind: 'statement', id: 's1', start: 28, end: 53 },
    ]);
    expect(r.map((x) => x.text).join('')).toBe(text);
    expect(r[0].text).toBe('Dmitriev');
    expect(r[0].marks.map((m) => m.kind).sort()).toEqual(['event', 'mention']);
    expect(primaryMark(r[0])?.id).toBe('person:dmitriev');
    expect(primaryMark(r[1])?.id).toBe('e1');
    expect(r.find((x) => x.text === ' ')?.marks).toEqual([]);
  });
  it('clamps and drops bad offsets', () => {
    const r = runs('abc', [
      { kind: 'mention', id: 'x', start: -5, end: 2 },
      { kind: 'mention', id: 'y', start: 2, end: 999 },
      { kind: 'mention', id: 'z', start: 2, end: 1 },
      { kind: 'mention', id: 'n', start: Number.NaN, end: 2 },
    ]);
    expect(r.map((x) => [x.text, x.marks.map((m) => m.id)])).toEqual([
      ['ab', ['x']],
      ['c', ['y']],
    ]);
    expect(runs('', [])).toEqual([]);
  });
});
