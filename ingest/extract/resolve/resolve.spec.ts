import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

describe('resolve', () => {
  const text =
    'Polish envoy Marek Nowak met Lithuanian officials in Vilnius.\n' +
    'Nowak said the talks went well. He added that Warsaw would send aid.\n' +
    'The envoy later flew home.';
  const x = extract(text, { id: 'r', publishedAt: '2024-05-01' });
  const byId = new Map(x.actors.map((a) => [a.id, a]));

  it('joins a surname to the full name and keeps the title and country', () => {
    const p = byId.get('person:marek-nowak');
    expect(p).toMatchObject({
      kind: 'person',
      country: 'POL',
      title: 'envoy',
      affiliation: 'state:POL',
    });
    expect(p?.aliases).toContain('Nowak');
    expect(p?.mentions).toHaveLength(2);
  });

  it('gives groups and metonyms canonical state-based ids', () => {
    expect(byId.get('group:LTU-GOV')).toMatchObject({ kind: 'group', affiliation: 'state:LTU' });
    expect(byId.get('state:POL')?.aliases).toContain('Warsaw');
  });

  it('resolves pronoun speakers to the last person', () => {
    const added = x.statements.find((s) => s.verb === 'added');
    expect(added?.speaker).toBe('person:marek-nowak');
  });
});
