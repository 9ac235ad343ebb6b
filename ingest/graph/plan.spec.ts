import { describe, expect, it } from 'vitest';
import type { Extraction, ReportMeta } from '../extract/types.ts';
import { revisionDiff } from './diff.ts';
import { formatDiff } from './format.ts';
import { contentHash, eventKey } from './ids.ts';
import { planRevision } from './plan.ts';

const text =
  'Dmitriev met Kushner in Miami on Friday. Dmitriev rejected the plan. Kushner met Dmitriev on Friday.';
const extraction: Extraction = {
  document: {
    id: 'd',
    title: 'T',
    publishedAt: '2025-12-21',
    text,
    sentences: [
      { index: 0, start: 0, end: 40 },
      { index: 1, start: 41, end: 68 },
      { index: 2, start: 69, end: text.length },
    ],
  },
  actors: [
    {
      id: 'person:kirill-dmitriev',
      name: 'Kirill Dmitriev',
      kind: 'person',
      country: 'RUS',
      sector: 'GOV',
      aliases: ['Dmitriev', 'Kirill Dmitriev'],
      affiliation: 'state:RUS',
      title: 'envoy',
      mentions: [{ start: 0, end: 8 }],
    },
    {
      id: 'person:jared-kushner',
      name: 'Jared Kushner',
      kind: 'person',
      country: 'USA',
      sector: null,
      aliases: ['Kushner'],
      mentions: [{ start: 13, end: 20 }],
    },
  ],
  places: [
    { id: 'place:miami', name: 'Miami', country: 'USA', mentions: [{ start: 24, end: 29 }] },
  ],
  events: [
    {
      id: 'e1',
      type: 'CONSULT',
      mode: null,
      actors: ['person:kirill-dmitriev'],
      recipients: ['person:jared-kushner'],
      place: 'place:miami',
      date: '2025-12-19',
      sentence: 0,
      text: 'met',
    },
    {
      id: 'e2',
      type: 'REJECT',
      mode: null,
      actors: ['person:kirill-dmitriev'],
      recipients: ['person:nobody'],
      place: null,
      date: null,
      sentence: 1,
      text: 'rejected',
    },
    {
      id: 'e3',
      type: 'CONSULT',
      mode: 'visit',
      actors: ['person:jared-kushner'],
      recipients: ['person:kirill-dmitriev'],
      place: null,
      date: '2025-12-19',
      sentence: 2,
      text: 'met again',
    },
  ],
  statements: [],
};

describe('planRevision', () => {
  const meta = { id: 'd', title: 'T', publishedAt: '2025-12-21' };
  const plan = planRevision(
    extraction,
    meta,
    contentHash(text, meta, 'parley@test'),
    () => 'Russia',
  );

  it('folds a reciprocal meeting told twice, either way round, into one event with two sentences', () => {
    const consult = plan.events.filter((e) => e.type === 'CONSULT');
    expect(consult).toHaveLength(1);
    expect(consult[0].actors).toEqual(['person:jared-kushner', 'person:kirill-dmitriev']);
    expect(consult[0].recipients).toEqual(consult[0].actors);
    expect(consult[0].evidence).toEqual([
      { sentence: 0, start: 0, end: 40 },
      { sentence: 2, start: 69, end: text.length },
    ]);
    expect(consult[0].places).toEqual(['place:miami']);
  });

  it('drops references to actors the report does not define', () => {
    const reject = plan.events.find((e) => e.type === 'REJECT');
    expect(reject?.recipients).toEqual([]);
  });

  it('keys undated events by document and dated ones by date only', () => {
    expect(eventKey('REJECT', ['a'], ['b'], null, 'doc1')).not.toBe(
      eventKey('REJECT', ['a'], ['b'], null, 'doc2'),
    );
    expect(eventKey('REJECT', ['a'], ['b'], '2025-12-19', 'doc1')).toBe(
      eventKey('REJECT', ['a'], ['b'], '2025-12-19', 'doc2'),
    );
    expect(eventKey('AID', ['b', 'a'], ['c'], '2025', 'x')).toBe(
      eventKey('AID', ['a', 'b'], ['c'], '2025', 'y'),
    );
  });

  it('keeps aliases apart from the name and joins them for the full-text index', () => {
    const d = plan.actors.find((a) => a.id === 'person:kirill-dmitriev');
    expect(d?.aliases).toEqual(['Dmitriev']);
    expect(d?.aliasText).toBe('Dmitriev');
    expect(plan.affiliations).toEqual([
      {
        actor: 'person:kirill-dmitriev',
        state: 'state:RUS',
        stateName: 'Russia',
        stateCountry: 'RUS',
        title: 'envoy',
      },
    ]);
  });

  it('names the revision by document and content, and the hash by content, metadata and extractor', () => {
    expect(plan.revision.id).toMatch(/^d@[0-9a-f]{16}$/);
    const hash = (m: ReportMeta, extractor = 'parley@2') => contentHash(text, m, extractor);
    expect(hash(meta)).toBe(hash({ ...meta, id: 'other' }));
    expect(hash(meta)).not.toBe(hash({ ...meta, publishedAt: '2025-12-22' }));
    // The same text read by a new extractor version is new content: a new revision.
    expect(hash(meta)).not.toBe(hash(meta, 'parley@3'));
  });

  it('diffs against the previous revision and prints it', () => {
    const created = revisionDiff(plan, null, { dryRun: false, ms: 12 });
    expect(created.status).toBe('created');
    expect(formatDiff(created)).toBe(
      `d: created revision ${plan.revision.id} (+2 actors, +2 events, +0 statements) 12 ms`,
    );
    const previous = {
      revisionId: 'd@old',
      actors: [{ id: 'state:UKR', name: 'Ukraine', kind: 'state' }],
      events: [
        {
          id: plan.events[0].id,
          type: 'CONSULT',
          text: 'met',
          actors: [],
          recipients: [],
          reciprocal: true,
        },
        {
          id: 'event:gone',
          type: 'ACCUSE',
          text: 'Kyiv accused Moscow.',
          actors: ['Ukraine'],
          recipients: ['Russia'],
          reciprocal: false,
        },
      ],
      statements: [],
      facts: { id: 'd@old', text: '', events: [], statements: [] },
    };
    const updated = revisionDiff(plan, previous, { dryRun: true, ms: 3 });
    expect(updated.events.removed.map((e) => e.summary)).toEqual(['Ukraine → Russia']);
    expect(formatDiff(updated).split('\n')).toEqual([
      `[dry run] d: would update, new revision ${plan.revision.id} replaces d@old (+2 −1 actors, +1 −1 events, +0 statements) 3 ms`,
      '    + actor Jared Kushner (person)',
      '    + actor Kirill Dmitriev (person)',
      '    − actor Ukraine (state)',
      expect.stringMatching(/^ {4}\+ event (CONSULT|REJECT) /),
      '    − event ACCUSE Ukraine → Russia: Kyiv accused Moscow.',
    ]);
  });
});
