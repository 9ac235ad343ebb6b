import { describe, expect, it } from 'vitest';
import type { CurationLogEntry } from '../../../../server/api/types.ts';
import { canUndo, filterLog, summarize } from './curation-log.ts';

const entry = (over: Partial<CurationLogEntry>): CurationLogEntry => ({
  id: 'curation:1',
  op: 'merge',
  target: 'person:anwar',
  targetKind: 'actor',
  by: 'Ana',
  at: '2026-01-01T00:00:00.000Z',
  reason: null,
  change: { into: 'person:anwar-ibrahim' },
  before: {},
  after: {},
  state: 'active',
  undoneBy: null,
  targetLabel: 'Anwar',
  intoLabel: 'Anwar Ibrahim',
  orphaned: false,
  ...over,
});

describe('curation log', () => {
  const merge = entry({});
  const edit = entry({
    id: 'curation:2',
    op: 'edit',
    by: 'Ben',
    target: 'event:1',
    targetKind: 'event',
    targetLabel: 'Thailand rejected the proposal.',
    change: { changes: { type: 'PROTEST', mode: null } },
    reason: 'it was a protest',
    orphaned: true,
  });
  const undo = entry({
    id: 'curation:3',
    op: 'undo',
    target: 'curation:1',
    change: { undoes: 'merge', of: 'person:anwar' },
  });

  it('summarizes who did what to which target', () => {
    expect(summarize(merge)).toBe('Ana merged Anwar into Anwar Ibrahim');
    // A survivor that is not here (an imported curation, a wiped database): its id.
    expect(summarize(entry({ intoLabel: null }))).toBe(
      'Ana merged Anwar into person:anwar-ibrahim',
    );
    expect(summarize(edit)).toBe(
      'Ben edited Thailand rejected the proposal.: type → PROTEST, mode cleared',
    );
    expect(summarize(undo)).toBe('Ana undid curation:1 (merge of person:anwar)');
  });

  it('filters on every word, across summary, reason and flags', () => {
    const all = [merge, edit, undo];
    expect(filterLog(all, '')).toEqual(all);
    expect(filterLog(all, 'ben protest').map((e) => e.id)).toEqual(['curation:2']);
    expect(filterLog(all, 'orphaned').map((e) => e.id)).toEqual(['curation:2']);
    expect(filterLog(all, 'ANWAR merged').map((e) => e.id)).toEqual(['curation:1']);
  });

  it('offers undo for active curations only', () => {
    expect([merge, edit, undo, entry({ state: 'undone' })].map(canUndo)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
