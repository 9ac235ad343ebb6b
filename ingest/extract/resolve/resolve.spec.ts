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

  it('an organization named by its last words is the one named in full ("Patriotic Front")', () => {
    const ids = extract(
      'The Malian Patriotic Front claimed the attack. Later, Patriotic Front fighters withdrew.',
      { id: 'o', publishedAt: '2024-05-01' },
    ).actors.map((a) => a.id);
    expect(ids).toContain('org:malian-patriotic-front');
    expect(ids).not.toContain('org:patriotic-front');
  });

  it('an organization of another country is not the one named before by a longer name', () => {
    const ids = extract(
      'The Chinese Foreign Ministry criticised the plan on Monday. ' +
        "Japan's Foreign Ministry welcomed the plan on Tuesday.",
      { id: 'o', publishedAt: '2024-05-01' },
    ).events.map((e) => e.actors);
    expect(ids).toEqual([['org:chinese-foreign-ministry'], [expect.not.stringMatching(/chinese/)]]);
  });

  it('people listed with others of one country belong to it, not to the report’s state', () => {
    const country = (text: string) =>
      new Map(
        extract(text, { id: 'l', publishedAt: '2024-05-01' }).actors.map((a) => [a.id, a.country]),
      );
    const met = country(
      'National Security Advisor Jake Sullivan met with President Ana Rojas, Foreign Secretary ' +
        'Luis Prado, and Peruvian Defense Minister Jorge Paz.',
    );
    expect(met.get('person:ana-rojas')).toBe('PER');
    expect(met.get('person:luis-prado')).toBe('PER');
    expect(
      country(
        'I thank President Omar Haddad and the senior Egyptian officials for their role.',
      ).get('person:omar-haddad'),
    ).toBe('EGY');
  });

  it('a long list keeps its country where the parser splits it or titles have lower-case words', () => {
    const country = (text: string) =>
      new Map(
        extract(`Statement by President Joe Biden on Chile.\n${text}`, {
          id: 'l',
          publishedAt: '2024-05-01',
        }).actors.map((a) => [a.id, a.country]),
      );
    const met = country(
      'Secretary Anne Holt and her team met with President Rafael Ortiz Mendes, Interior ' +
        'Minister Diego Salas, Attorney General Pino, and Minister of Trade Lucia Vega, as well ' +
        'as other senior Chilean government officials.',
    );
    for (const id of ['rafael-ortiz-mendes', 'diego-salas', 'pino', 'lucia-vega'])
      expect(met.get(`person:${id}`)).toBe('CHL');
    expect(met.get('person:anne-holt')).toBe('USA');
    const included = country(
      'The delegation of the Government of Chile included National Water Authority Director ' +
        'Pablo Rivas, Chilean Navy Rear Admiral and Northern Zone Commander Tomas Aguilar, and ' +
        'Undersecretary of the Interior Marta Soto.',
    );
    for (const id of ['pablo-rivas', 'tomas-aguilar', 'marta-soto'])
      expect([...included].find(([k]) => k.endsWith(id))?.[1]).toBe('CHL');
  });

  it('of a pair of counterparts, one with a country does not give it to the other', () => {
    const pair = extract(
      'Statement by President Joe Biden on the Alliance.\n' +
        'Deputy Secretary Kurt Campbell and Japanese Vice Minister Okano discussed the alliance.',
      { id: 'p', publishedAt: '2024-05-01' },
    ).actors;
    expect(pair.find((a) => a.id === 'person:kurt-campbell')?.country).toBe('USA');
  });

  it('gives groups and metonyms canonical state-based ids', () => {
    expect(byId.get('group:LTU-GOV')).toMatchObject({ kind: 'group', affiliation: 'state:LTU' });
    expect(byId.get('state:POL')?.aliases).toContain('Warsaw');
  });

  it('names a group by a plural mention, not by a singular title that fell back to it', () => {
    const g = extract(
      'Dmitriev declines to engage Ukrainian counterpart.\n' +
        'Ukrainian officials offered only tepid openness. A Ukrainian team sat for hours in Miami.',
      { id: 'g', publishedAt: '2025-12-21' },
    ).actors.find((a) => a.id === 'group:UKR-GOV');
    expect(g?.name).toBe('Ukrainian officials');
    expect(g?.aliases).toEqual(expect.arrayContaining(['Ukrainian counterpart', 'Ukrainian team']));
  });

  it('a one-word name refers back to the person last named in full, not to a later namesake', () => {
    const x = extract(
      'Park Seo Jun met Japanese envoys in Tokyo on Monday.\nPark said the talks would resume.\n' +
        'Reporting by Daniel Park.',
      { id: 'k', publishedAt: '2024-05-01' },
    );
    const said = x.statements.find((s) => s.verb === 'said');
    expect(said?.speaker).toBe('person:park-seo-jun');
  });

  it('a subject "They" continues the plural subject before it, not the place-state after it', () => {
    const x = extract(
      'Ukrainian diplomats in Poland held talks on Monday. They rejected the proposal.',
      { id: 't', publishedAt: '2024-05-01' },
    );
    expect(x.events.find((e) => e.type === 'REJECT')?.actors).toEqual(['group:UKR-GOV']);
  });

  it('resolves pronoun speakers to the last person', () => {
    const added = x.statements.find((s) => s.verb === 'added');
    expect(added?.speaker).toBe('person:marek-nowak');
  });
});

describe('resolve: names within a report', () => {
  it('joins a given name used alone to the one full name it starts ("Anwar" → "Anwar Ibrahim")', () => {
    const x = extract(
      'Malaysian Prime Minister Anwar Ibrahim met Thai officials in Bangkok.\nAnwar said the talks were useful.',
      { id: 'a', publishedAt: '2024-05-01' },
    );
    const people = x.actors.filter((a) => a.kind === 'person');
    expect(people.map((p) => p.id)).toEqual(['person:anwar-ibrahim']);
    expect(people[0].mentions).toHaveLength(2);
    expect(x.statements[0]?.speaker).toBe('person:anwar-ibrahim');
  });

  it('joins a surname to the full name ("Lukashenka" → "Alyaksandr Lukashenka")', () => {
    const x = extract(
      'Belarusian leader Alyaksandr Lukashenka pardoned 14 prisoners.\nLukashenka said more would follow.',
      { id: 'b', publishedAt: '2024-05-01' },
    );
    const people = x.actors.filter((a) => a.kind === 'person');
    expect(people.map((p) => [p.id, p.country])).toEqual([['person:alyaksandr-lukashenka', 'BLR']]);
    expect(people[0].mentions).toHaveLength(2);
  });
});
