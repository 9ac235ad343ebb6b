import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.ts';

const text =
  'Russian envoy Kirill Dmitriev met Kushner. Dmitriev said Moscow would not yield; Moscowians cheered.';

describe('mention offsets from names and aliases', () => {
  it('finds whole-word mentions, longest form first, without overlaps', () => {
    const spans = findMentions(text, [
      {
        actorId: 'person:kirill-dmitriev',
        name: 'Kirill Dmitriev',
        kind: 'person',
        forms: ['Dmitriev', 'Russian envoy'],
        spans: null,
      },
      { actorId: 'state:RUS', name: 'Russia', kind: 'state', forms: ['Moscow'], spans: null },
      {
        actorId: 'person:jared-kushner',
        name: 'Jared Kushner',
        kind: 'person',
        forms: ['Kushner'],
        spans: null,
      },
    ]);
    expect(spans.map((s) => [s.actorId, text.slice(s.start, s.end)])).toEqual([
      ['person:kirill-dmitriev', 'Russian envoy'],
      ['person:kirill-dmitriev', 'Kirill Dmitriev'],
      ['person:jared-kushner', 'Kushner'],
      ['person:kirill-dmitriev', 'Dmitriev'],
      ['state:RUS', 'Moscow'],
    ]);
  });

  it('uses stored spans when the ingest provides them', () => {
    const spans = findMentions(text, [
      { actorId: 'state:RUS', name: 'Russia', kind: 'state', forms: ['Moscow'], spans: [0, 7] },
    ]);
    expect(spans).toEqual([
      { actorId: 'state:RUS', name: 'Russia', kind: 'state', start: 0, end: 7 },
    ]);
  });
});
