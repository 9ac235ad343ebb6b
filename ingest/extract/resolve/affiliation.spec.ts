import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

const countries = (text: string) =>
  new Map(
    extract(text, { id: 'a', publishedAt: '2024-05-01' }).actors.map((a) => [a.id, a.country]),
  );

describe('affiliation: countries from the organization or place a report ties an actor to', () => {
  // The title names Ethiopia, the state the report is about: people it gives no country would
  // default to it.
  const c = countries(
    'Ethiopia Expels Foreign Reporters\n\n' +
      'The BBC’s Nairobi correspondent, Ada Obi, was expelled on Monday. Regional analyst Tom ' +
      'Ferris from the Meridian Policy Institute in Nairobi said the move was expected. The UN ' +
      'Refugee Office in Nairobi gave no figures.',
  );

  it('an organization the gazetteer does not know is of the place it is in', () => {
    expect(c.get('org:meridian-policy-institute')).toBe('KEN');
  });

  it('an international body is not of the city it sits in', () => {
    expect(c.has('org:un-refugee-office')).toBe(true);
    expect(c.get('org:un-refugee-office')).toBeNull();
  });

  it('a person takes the country of the organization they speak for', () => {
    expect(c.get('person:ada-obi')).toBe('GBR');
    expect(c.get('person:tom-ferris')).toBe('KEN');
  });
});

describe('home: what the report gives no country belongs to the state it speaks for', () => {
  const c = countries(
    'Statement by President Joe Biden on Aid to Moldova\n\n' +
      'I will ask Congress for more funds, and the Harbor Relief Alliance will deliver them. ' +
      'Karim Sayed and Lina Haddad are being designated for leading the Red Dawn Cell. The ' +
      'Department of State sanctioned Omar Lutz on Monday.',
  );

  it('an organization the gazetteer does not know, as a person', () => {
    expect(c.get('org:congress')).toBe('USA');
    expect(c.get('org:harbor-relief-alliance')).toBe('USA');
  });

  it('but not the targets of its designations and sanctions', () => {
    for (const id of ['karim-sayed', 'lina-haddad', 'omar-lutz']) {
      expect(c.has(`person:${id}`), id).toBe(true);
      expect(c.get(`person:${id}`), id).toBeNull();
    }
  });
});

describe('home: international bodies the gazetteer does not know take no home state', () => {
  const c = countries(
    'Statement by President Joe Biden on Regional Partners\n\n' +
      'Secretary Lena Marsh spoke with the Andean Cooperation Organisation and the Caspian ' +
      'Development Bank, then with the Organization of Baltic Ports and the Nordic Fisheries ' +
      'Union. She thanked the Harbor Relief Alliance.',
  );

  it('a name of multinational scope is no state’s', () => {
    for (const id of [
      'andean-cooperation-organisation',
      'caspian-development-bank',
      'organization-of-baltic-ports',
      'nordic-fisheries-union',
    ])
      expect(c.get(`org:${id}`), id).toBeNull();
  });

  it('a domestic-sounding one still is', () => {
    expect(c.get('org:harbor-relief-alliance')).toBe('USA');
  });
});

describe('home: the target of any sanction verb of the event lexicon takes no home state', () => {
  it('"blacklisted" as "sanctioned"', () => {
    const c = countries(
      'Statement by President Joe Biden on Shipping\n\n' +
        'The Treasury Department blacklisted the Orion Freight Company on Tuesday.',
    );
    expect(c.get('org:orion-freight-company')).toBeNull();
  });
});
