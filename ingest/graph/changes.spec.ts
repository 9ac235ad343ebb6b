import { describe, expect, it } from 'vitest';
import { revisionChange } from './changes.ts';
import type { RevisionFacts } from './diff.ts';

const ru = { id: 'state:RUS', name: 'Russia' };
const ua = { id: 'state:UKR', name: 'Ukraine' };
const eu = { id: 'organization:eu', name: 'European Union' };
const accuse = {
  id: 'event:accuse',
  type: 'ACCUSE',
  text: 'Russia accused Kyiv of stalling.',
  date: null,
  actors: [ru],
  recipients: [ua],
};
const loan = (sum: string) => ({
  id: `event:loan-${sum}`,
  type: 'PROVIDE_AID',
  text: `The European Union extended a ${sum} loan to Ukraine.`,
  date: '2025-12-19',
  actors: [eu],
  recipients: [ua],
});
const revision = (id: string, events: RevisionFacts['events']): RevisionFacts => ({
  id,
  text: events.map((e) => e.text).join(' '),
  events,
  statements: [],
});

describe('revisionChange', () => {
  it('lists a first revision as created with all its facts', () => {
    const c = revisionChange(revision('d@1', [loan('$105 billion')]), null);
    expect(c).toMatchObject({ status: 'created', previousRevisionId: null, removed: [] });
    expect(c.added.map((f) => f.summary)).toEqual(['European Union → Ukraine']);
    expect(c.figures).toEqual([]);
  });

  it('lists an update: facts added and retracted in reading order, changed figures and whom they concern', () => {
    const before = revision('d@1', [loan('$105 billion')]);
    const now = revision('d@2', [accuse, loan('$90 billion')]);
    const c = revisionChange(now, before);
    expect(c).toMatchObject({ status: 'updated', previousRevisionId: 'd@1' });
    expect(c.added.map((f) => f.type)).toEqual(['ACCUSE', 'PROVIDE_AID']);
    expect(c.added[0]).toMatchObject({ kind: 'event', actors: ['state:RUS', 'state:UKR'] });
    expect(c.removed.map((f) => f.id)).toEqual(['event:loan-$105 billion']);
    expect(c.figures).toEqual([
      expect.objectContaining({ before: '$105 billion', after: '$90 billion' }),
    ]);
    expect(c.actors.map((a) => a.name)).toEqual(['European Union', 'Russia', 'Ukraine']);
  });
});
