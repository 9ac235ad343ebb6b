import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../server/api/types.ts';
import { corroboration, corroborationNote } from './corroboration.ts';

const ev = (documentId: string, revisionId: string, current: boolean, start = 0): Evidence => ({
  documentId,
  documentTitle: documentId,
  revisionId,
  sentence: 's',
  start,
  end: start + 1,
  current,
});

describe('corroboration', () => {
  it('does not count an older revision of the same report as another report', () => {
    const c = corroboration([ev('miami', 'miami@2', true), ev('miami', 'miami@1', false)]);
    expect(c).toEqual({ reports: ['miami'], earlierRevisions: 1 });
    expect(corroborationNote(c)).toBe('· also in 1 earlier revision');
  });

  it('counts distinct documents whose current revision supports the fact', () => {
    const c = corroboration([
      ev('miami', 'miami@2', true, 0),
      ev('miami', 'miami@2', true, 40), // two sentences of one report
      ev('geneva', 'geneva@1', true),
      ev('riyadh', 'riyadh@3', true),
      ev('geneva', 'geneva@0', false),
      ev('riyadh', 'riyadh@1', false),
    ]);
    expect(c).toEqual({ reports: ['miami', 'geneva', 'riyadh'], earlierRevisions: 2 });
    expect(corroborationNote(c)).toBe('(+2 more reports) · also in 2 earlier revisions');
  });

  it('says nothing for a single current source', () => {
    expect(corroborationNote(corroboration([ev('a', 'a@1', true)]))).toBe('');
  });
});
