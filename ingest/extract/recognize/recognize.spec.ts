import { describe, expect, it } from 'vitest';
import { newDoc } from '../doc.ts';
import type { Mention } from '../model.ts';
import { recognize } from './index.ts';

function mentions(text: string): Mention[] {
  const doc = newDoc(text, { id: 't' });

  recognize(doc);
  return doc.mentions;
}

const actor = (ms: Mention[], text: string) => ms.find((m) => m.text === text)?.actor;

describe('recognize', () => {
  it('a name for a thing agreed, planned or held is no actor or place, nor is its acronym', () => {
    const named = (text: string) =>
      mentions(text)
        .filter((m) => m.actor || m.place)
        .map((m) => m.text);
    expect(named('He has brokered peace with the Abraham Accords.')).toEqual([]);
    expect(named('The Paris Climate Agreement entered into force in 2016.')).toEqual([]);
    expect(named('Kyiv and Moscow reaffirmed the Minsk Agreements.')).toEqual(['Kyiv', 'Moscow']);
    expect(
      named(
        'Japan hosted a Field Training Exercise (FTX) in Tokyo. The FTX tested Standard Operating Procedures.',
      ),
    ).toEqual(['Japan', 'Tokyo']);
  });

  it("a title's last words are not the start of the person who holds it", () => {
    const people = (text: string) =>
      mentions(text)
        .map((m) => m.actor)
        .filter((a) => a?.kind === 'person')
        .map((a) => a?.name);
    const pritzker = people(
      "The President met Ukraine's Special Representative for Economic Recovery Penny Pritzker.",
    );
    expect(pritzker).toContain('Penny Pritzker');
    expect(pritzker.filter((n) => n?.includes('Recovery'))).toEqual([]);
    expect(people('President Joe Biden met Chancellor Olaf Scholz.')).toEqual(
      expect.arrayContaining(['Joe Biden', 'Olaf Scholz']),
    );
  });

  it('a town of note the recognizer finds is a place wherever it stands, never a person', () => {
    const ms = mentions(
      'Obama will be the first sitting president to visit Hiroshima. A cloud lit up the sky ' +
        'over Hiroshima, and three days later over Nagasaki.',
    );
    const hiroshima = ms.filter((m) => m.text === 'Hiroshima');
    expect(hiroshima.map((m) => [m.place?.country, m.actor])).toEqual([
      ['JPN', undefined],
      ['JPN', undefined],
    ]);
    expect(ms.find((m) => m.text === 'Nagasaki')?.place?.country).toBe('JPN');
  });

  it("takes an organization word's complement into the name, not a date or a country", () => {
    const ms = mentions(
      'The International Organization for Animal Health and the Regional Office for the Protection of ' +
        'Coastal Waters met the Ministry of Fisheries of Chile on Monday.',
    );
    expect(actor(ms, 'International Organization for Animal Health')?.kind).toBe('organization');
    expect(actor(ms, 'Regional Office for the Protection of Coastal Waters')?.kind).toBe(
      'organization',
    );
    expect(actor(ms, 'Ministry of Fisheries')?.kind).toBe('organization');
    const council = mentions('The Security Council on Monday condemned the attack.');
    expect(actor(council, 'Security Council')?.kind).toBe('organization');
  });

  it("an organization after an owner's possessive, and a lone organization word with its complement", () => {
    const ms = mentions("The European Commission's Bureau of Trade Statistics published figures.");
    expect(actor(ms, 'Bureau of Trade Statistics')?.kind).toBe('organization');
    expect(ms.map((m) => m.text)).not.toContain("European Commission's Bureau of Trade Statistics");
  });

  it("an organization after a state's or an organization's possessive is the owner's", () => {
    const ms = mentions(
      'Peru’s Interior Ministry and the U.S. State Department’s Bureau of Arms Control met.',
    );
    expect(actor(ms, 'Interior Ministry')).toMatchObject({ kind: 'organization', country: 'PER' });
    expect(actor(ms, 'Bureau of Arms Control')).toMatchObject({ country: 'USA' });
  });

  it('types a titled person by the demonym and title before the name', () => {
    const ms = mentions('French Foreign Minister Amelie Dubois met Chinese officials in Shanghai.');
    expect(actor(ms, 'Amelie Dubois')).toMatchObject({
      kind: 'person',
      country: 'FRA',
      title: 'Foreign Minister',
      sector: 'GOV',
    });
    expect(actor(ms, 'Chinese officials')).toMatchObject({
      kind: 'group',
      country: 'CHN',
      sector: 'GOV',
    });
    expect(ms.find((m) => m.text === 'Shanghai')?.place).toMatchObject({
      name: 'Shanghai',
      country: 'CHN',
    });
  });

  it('reads capitals as governments, but as places after "in"', () => {
    const ms = mentions('Ankara warned Tehran. Talks were held in Ankara.');
    expect(ms.filter((m) => m.text === 'Ankara').map((m) => (m.actor ? 'actor' : 'place'))).toEqual(
      ['actor', 'place'],
    );
    expect(actor(ms, 'Tehran')).toMatchObject({ kind: 'state', country: 'IRN' });
  });

  it('finds organizations from the gazetteer and from their name pattern', () => {
    const ms = mentions(
      'The Malian Patriotic Front and NATO condemned the attack, Reuters reported.',
    );
    expect(actor(ms, 'Malian Patriotic Front')).toMatchObject({
      kind: 'organization',
      country: 'MLI',
    });
    expect(actor(ms, 'NATO')).toMatchObject({ kind: 'organization', sector: 'IGO' });
    expect(actor(ms, 'Reuters')).toMatchObject({ kind: 'organization', media: true });
  });

  it('recognizes datelines, regions and towns as places', () => {
    const ms = mentions(
      'KHARKIV — Shelling hit the Sumy region and the village of Velyka Pysarivka.',
    );
    const places = ms.filter((m) => m.place).map((m) => m.place?.name);
    expect(places).toEqual(['Kharkiv', 'Sumy', 'Velyka Pysarivka']);
    const tight = mentions('NAIROBI— Kenyan officials met on Monday.');
    expect(tight.filter((m) => m.place).map((m) => m.place?.name)).toEqual(['Nairobi']);
  });

  it('names government departments as organizations of their state', () => {
    const ms = mentions(
      'The State Department and USAID briefed the Department of Energy. The Department of State agreed.',
    );
    for (const name of ['State Department', 'Department of State', 'USAID'])
      expect(actor(ms, name), name).toMatchObject({ kind: 'organization', country: 'USA' });
    expect(actor(ms, 'Department of Energy')).toMatchObject({
      kind: 'organization',
      sector: 'GOV',
    });
  });

  it('an organization word before a title or a document does not end a name', () => {
    const ms = mentions(
      'Kremlin Press Secretary Ivan Petrov read the Security Council Press Statement and the ' +
        'Ministry of Finance’s Press Release.',
    );
    expect(actor(ms, 'Ivan Petrov')).toMatchObject({ kind: 'person', title: 'Press Secretary' });
    expect(actor(ms, 'Security Council')?.kind).toBe('organization');
    expect(actor(ms, 'Ministry of Finance')?.kind).toBe('organization');
    expect(ms.map((m) => m.text).filter((t) => /Press|Release|Statement/.test(t))).toEqual([]);
  });

  it('a title inside a run of capitals separates the office from the person', () => {
    const ms = mentions(
      'Cabinet Senior Director Maria Lopez and Department of Energy Assistant Secretary Paul ' +
        'Grant met Treasury Secretary Ann Cole and Undersecretary of Internal Security Pablo Ortega.',
    );
    for (const name of ['Maria Lopez', 'Paul Grant', 'Ann Cole', 'Pablo Ortega'])
      expect(actor(ms, name), name).toMatchObject({ kind: 'person' });
    expect(actor(ms, 'Department of Energy')?.kind).toBe('organization');
    expect(ms.filter((m) => m.actor?.kind === 'organization').map((m) => m.text)).toEqual([
      'Department of Energy',
    ]);
  });

  it("a person after a title's of- or for-phrase is no part of an organization", () => {
    const ms = mentions(
      'Commissioner for Internal Security Pablo Ortega met Minister of Internal Affairs Tomas ' +
        'Berg and the President of the European Central Bank Christine Lagarde.',
    );
    for (const name of ['Pablo Ortega', 'Tomas Berg', 'Christine Lagarde'])
      expect(actor(ms, name), name).toMatchObject({ kind: 'person' });
    expect(ms.filter((m) => m.actor?.kind === 'organization').map((m) => m.text)).toEqual([
      'European Central Bank',
    ]);
  });

  it('a spokesman for a body speaks for it: the body is not split into an office and a person', () => {
    const ms = mentions('A spokesman for Médecins Sans Frontières said two staff were killed.');
    expect(actor(ms, 'Médecins Sans Frontières')).toMatchObject({ kind: 'organization' });
    expect(ms.some((m) => m.actor?.kind === 'person')).toBe(false);
  });

  it('knows ISIS-K apart from ISIS, and invokes God without making Him an actor', () => {
    const ms = mentions('Forces struck ISIS-K near the border. May God protect them.');
    expect(actor(ms, 'ISIS-K')).toMatchObject({ kind: 'organization', country: 'AFG' });
    expect(ms.some((m) => m.text === 'God')).toBe(false);
  });

  it('reads continents and world regions as places, not inside a name', () => {
    const ms = mentions(
      'The envoy toured Southeast Asia and Latin America before the Asia-Pacific Trade Forum met.',
    );
    expect(ms.filter((m) => m.place).map((m) => [m.place?.name, m.place?.country])).toEqual([
      ['Southeast Asia', null],
      ['Latin America', null],
    ]);
  });

  it('reads Gaza and the West Bank as places of Palestine, not as the state', () => {
    const ms = mentions('Clashes spread from the West Bank to Gaza and the Gaza Strip.');
    expect(ms.filter((m) => m.place).map((m) => [m.place?.name, m.place?.country])).toEqual([
      ['West Bank', 'PSE'],
      ['Gaza', 'PSE'],
      ['Gaza Strip', 'PSE'],
    ]);
    expect(ms.filter((m) => m.actor)).toEqual([]);
  });

  it('a group based in a place belongs to its state: "Idlib-based rebels"', () => {
    const ms = mentions('Idlib-based rebels shelled the town.');
    expect(actor(ms, 'Idlib-based rebels')).toMatchObject({
      kind: 'group',
      country: 'SYR',
      sector: 'REB',
    });
  });

  it('groups located by a country and coordinated demonyms', () => {
    const ms = mentions('Rebels in Mali and Senior Greek and Turkish officials met.');
    expect(actor(ms, 'Rebels in Mali')).toMatchObject({
      kind: 'group',
      country: 'MLI',
      sector: 'REB',
    });
    expect(actor(ms, 'Greek')).toMatchObject({ kind: 'group', country: 'GRC' });
    expect(actor(ms, 'Turkish officials')).toMatchObject({ kind: 'group', country: 'TUR' });
  });
});

describe('recognize: acronyms', () => {
  it('remembers an acronym a report introduces in parentheses', () => {
    const ms = mentions(
      'The Sudan Liberation Front (SLF) met envoys. Later SLF fighters withdrew.',
    );
    const named = ms.filter((m) => m.actor?.name === 'Sudan Liberation Front').map((m) => m.text);
    expect(named).toEqual(['Sudan Liberation Front', 'SLF', 'SLF']);
  });
});
