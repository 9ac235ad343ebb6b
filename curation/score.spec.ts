import { describe, expect, it } from 'vitest';
import type { CurationRecord } from './operations.ts';
import { scoreCuration, summarise, type PlanFacts } from './score.ts';

const record = (r: Partial<CurationRecord>): CurationRecord => ({
  id: 'c1',
  op: 'reject',
  target: 'event:x',
  targetKind: 'event',
  by: 'a',
  at: '2026-01-01T00:00:00.000Z',
  reason: null,
  change: {},
  before: {},
  after: {},
  state: 'active',
  undoneBy: null,
  ...r,
});

const event = (e: Partial<PlanFacts['events'][number]>): PlanFacts['events'][number] => ({
  id: 'event:x',
  type: 'ACCUSE',
  mode: null,
  date: '2025-10-27',
  reciprocal: false,
  actors: ['state:KHM'],
  recipients: ['state:THA'],
  places: [],
  evidence: [{ sentence: 2 }],
  ...e,
});

const plan = (p: Partial<PlanFacts>): Map<string, PlanFacts> =>
  new Map([['doc', { document: { id: 'doc' }, actors: [], events: [], statements: [], ...p }]]);
const at = { documents: [{ id: 'doc', sentences: [2] }] };
const none = new Map<string, string>();

describe('scoring a curation against the current extraction', () => {
  it('set-actors agrees when the same sentence now yields the corrected participants, merges applied', () => {
    const c = record({
      op: 'set-actors',
      after: { actors: ['state:KHM'], recipients: ['person:anwar-ibrahim'] },
    });
    const fixed = plan({
      events: [event({ id: 'event:y', recipients: ['person:anwar'] })],
    });
    const merges = new Map([['person:anwar', 'person:anwar-ibrahim']]);
    expect(scoreCuration(c, at, fixed, merges).verdict).toBe('agrees');
    expect(scoreCuration(c, at, fixed, none).verdict).toBe('conflicts');
    expect(scoreCuration(c, at, plan({ events: [event({})] }), merges).verdict).toBe('needed');
  });

  it('a merge is still needed while the extractor yields the merged actor apart', () => {
    const c = record({
      op: 'merge',
      target: 'person:anwar',
      targetKind: 'actor',
      change: { into: 'person:anwar-ibrahim' },
    });
    const actor = (id: string) => ({ id, name: id, kind: 'person', country: null, sector: null });
    expect(scoreCuration(c, at, plan({ actors: [actor('person:anwar')] }), none).verdict).toBe(
      'needed',
    );
    expect(
      scoreCuration(c, at, plan({ actors: [actor('person:anwar-ibrahim')] }), none).verdict,
    ).toBe('agrees');
    expect(scoreCuration(c, at, plan({}), none).verdict).toBe('conflicts');
  });

  it('leaves notes and orphaned targets unscored, and sums verdicts per operation', () => {
    const orphan = scoreCuration(record({}), { documents: [] }, plan({}), none);
    const note = scoreCuration(record({ op: 'note' }), at, plan({}), none);
    const rejected = scoreCuration(record({}), at, plan({ events: [event({})] }), none);
    expect([orphan.verdict, note.verdict, rejected.verdict]).toEqual([
      'unscored',
      'unscored',
      'needed',
    ]);
    expect(orphan.why).toMatch(/orphaned/);
    expect(summarise([orphan, note, rejected])).toMatchObject({
      scored: 1,
      needed: 1,
      unscored: 2,
      score: 0,
      byOp: { reject: { needed: 1, unscored: 1 }, note: { unscored: 1 } },
    });
  });
});
