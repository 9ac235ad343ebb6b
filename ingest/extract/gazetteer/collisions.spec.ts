// Names that collided in the gazetteers or fell apart into fragments (issue 10): each resolves
// to what an analyst would expect.
import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

const actors = (text: string) =>
  extract(text, { id: 't', publishedAt: '2025-01-01' }).actors.map((a) => ({
    id: a.id,
    kind: a.kind,
    country: a.country,
    aliases: a.aliases,
  }));
const ids = (text: string): string[] => actors(text).map((a) => a.id);

describe('gazetteer collisions', () => {
  it('"People\'s Republic of China" and "PRC" are China, not Taiwan', () => {
    expect(ids("The People's Republic of China and the PRC's allies objected.")).toEqual([
      'state:CHN',
    ]);
    expect(ids('The PRC protested; Taiwan said nothing.')).toEqual(['state:CHN', 'state:TWN']);
  });

  it('the Democratic Republic of the Congo is not the Republic of the Congo', () => {
    expect(
      ids(
        'Fighting continued in the Democratic Republic of the Congo; the Republic of the Congo closed its border.',
      ),
    ).toEqual(['state:COD', 'state:COG']);
  });

  it('"Turkey" is the state', () => {
    expect(actors('Turkey said it would host the talks.')).toEqual([
      expect.objectContaining({ id: 'state:TUR', kind: 'state' }),
    ]);
  });

  it('"(U.S.)" after a name is the person\'s country, not an alias', () => {
    const [blinken] = actors('Secretary Antony Blinken (U.S.) met Wang Yi in Beijing.');
    expect(blinken).toMatchObject({ id: 'person:antony-blinken', country: 'USA' });
    expect(blinken.aliases).not.toContain('U.S.');
  });

  it('capitalised headline words are not people', () => {
    const found = ids(
      'Joint Statement on the Energy Sector\n\nThe President signed an Executive Order on Monday.',
    );
    expect(found.filter((id) => id.startsWith('person:'))).toEqual([]);
  });

  it('names do not fall apart into fragments', () => {
    expect(
      ids('President Joseph R. Biden Jr. spoke with President Ashraf Ghani of Afghanistan.'),
    ).toEqual(expect.arrayContaining(['person:joe-biden', 'person:ashraf-ghani']));
    expect(
      ids('President Joseph R. Biden Jr. spoke with President Ashraf Ghani of Afghanistan.'),
    ).not.toEqual(expect.arrayContaining(['person:joseph-r']));
    expect(ids('The Rapid Support Forces attacked the city.')).toEqual([
      'org:rapid-support-forces',
    ]);
    expect(ids('Human Rights Watch said the attack was unlawful.')).toEqual([
      'org:human-rights-watch',
    ]);
  });

  it('a person with "of COUNTRY" or "(COUNTRY)" after the name belongs to that country', () => {
    const found = actors(
      'President Ashraf Ghani of Afghanistan met Sven Jürgenson (Estonia), Council President for June.',
    );
    expect(found.find((a) => a.id === 'person:ashraf-ghani')?.country).toBe('AFG');
    expect(found.find((a) => a.id === 'person:sven-jurgenson')?.country).toBe('EST');
  });

  it('Kosovo has the code in use, XKX', () => {
    expect(ids('Kosovo and Serbia agreed to talk.')).toContain('state:XKX');
  });
});
