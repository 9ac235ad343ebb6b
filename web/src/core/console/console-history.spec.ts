import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES, HISTORY_CAP, parseHistory, pushQuery } from './console-history.ts';

describe('console history', () => {
  it('keeps newest first without duplicates', () => {
    const h = pushQuery(pushQuery(pushQuery([], 'A'), 'B'), ' A ');
    expect(h).toEqual(['A', 'B']);
    expect(pushQuery(h, '   ')).toBe(h);
  });
  it('caps its length', () => {
    let h: string[] = [];
    for (let i = 0; i < HISTORY_CAP + 10; i++) h = pushQuery(h, `q${i}`);
    expect(h.length).toBe(HISTORY_CAP);
    expect(h[0]).toBe(`q${HISTORY_CAP + 9}`);
  });
  it('reads back only strings from storage and survives garbage', () => {
    expect(parseHistory(JSON.stringify(['a', 1, null, 'b']))).toEqual(['a', 'b']);
    expect(parseHistory('{not json')).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory(null)).toEqual([]);
  });
  it('offers the REJECT example', () => {
    expect(EXAMPLE_QUERIES.map((e) => e.query)).toContain(
      "MATCH (a:Actor)-[:PERFORMED]->(e:Event {type:'REJECT'}) RETURN a, e",
    );
  });
});
