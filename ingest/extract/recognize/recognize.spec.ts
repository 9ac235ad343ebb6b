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
