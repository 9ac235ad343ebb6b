// Parley's own curated lists: names the country package lacks, organizations, news media,
// metonyms, well-known leaders, major non-capital cities, titles and group nouns with their sectors.

/** Extra names and demonyms for countries, as used in news copy. */
export const COUNTRY_EXTRAS: Record<string, { names?: string[]; demonyms?: string[] }> = {
  USA: { names: ['U.S.', 'US', 'U.S.A.', 'America', 'United States'], demonyms: ['American', 'U.S.', 'US'] },
  GBR: { names: ['Britain', 'Great Britain', 'U.K.', 'UK', 'England'], demonyms: ['British', 'English'] },
  RUS: { names: ['Russian Federation'], demonyms: ['Russian', 'Soviet'] },
  PSE: { names: ['Palestinian territories', 'Gaza', 'Gaza Strip', 'West Bank'], demonyms: ['Palestinian'] },
  CZE: { names: ['Czech Republic', 'Czechoslovakia'], demonyms: ['Czech', 'Czechoslovak'] },
  PRK: { names: ['North Korea', 'DPRK'], demonyms: ['North Korean'] },
  KOR: { names: ['South Korea'], demonyms: ['South Korean'] },
  CHN: { names: ['PRC', "People's Republic of China"], demonyms: ['Chinese'] },
  NLD: { names: ['Holland'], demonyms: ['Dutch'] },
  BIH: { names: ['Bosnia'], demonyms: ['Bosnian', 'Bosnian Serb', 'Bosnian Croat', 'Bosnian Serbs'] },
  SRB: { names: ['Yugoslavia'], demonyms: ['Serb', 'Serbian', 'Yugoslav'] },
  HRV: { demonyms: ['Croat', 'Croatian'] },
  MKD: { names: ['Macedonia'], demonyms: ['Macedonian'] },
  MMR: { names: ['Burma'], demonyms: ['Burmese'] },
  CIV: { names: ['Ivory Coast'], demonyms: ['Ivorian'] },
  COD: { names: ['Congo-Kinshasa', 'Zaire'], demonyms: ['Congolese'] },
  IRN: { names: ['Persia'], demonyms: ['Iranian'] },
  ISR: { demonyms: ['Israeli'] },
  SAU: { demonyms: ['Saudi'] },
  ARE: { names: ['UAE', 'Emirates', 'United Arab Emirates'], demonyms: ['Emirati'] },
  QAT: { names: ['Quatar'], demonyms: ['Qatari'] },
  TWN: { demonyms: ['Taiwanese'] },
  VAT: { names: ['Holy See'], demonyms: [] },
  PHL: { demonyms: ['Filipino', 'Philippine'] },
  TUR: { names: ['Turkiye', 'Türkiye'], demonyms: ['Turkish'] },
  ETH: { names: ['Ethopia'], demonyms: ['Ethiopian'] },
  ISL: { demonyms: ['Icelandic'] },
  NZL: { demonyms: ['New Zealand'] },
};

/** Names whose referent is a state although they are not its name (metonyms). */
export const STATE_METONYMS: Record<string, string> = {
  Kremlin: 'RUS',
  'White House': 'USA',
  Pentagon: 'USA',
  'State Department': 'USA',
  'Downing Street': 'GBR',
  Whitehall: 'GBR',
  'Elysee Palace': 'FRA',
  Élysée: 'FRA',
  Elysee: 'FRA',
  Kiev: 'UKR',
  Washington: 'USA',
  Beijing: 'CHN',
  'Quai d’Orsay': 'FRA',
  Zhongnanhai: 'CHN',
};

export type OrgKind = 'igo' | 'ngo' | 'media' | 'armed' | 'party' | 'agency';

export interface OrgEntry {
  name: string;
  aliases: string[];
  sector: string;
  country: string | null;
  kind: OrgKind;
}

const org = (
  name: string,
  aliases: string[],
  kind: OrgKind,
  sector: string,
  country: string | null = null,
): OrgEntry => ({ name, aliases, kind, sector, country });

/** International and well-known non-state organizations. */
export const ORGANIZATIONS: OrgEntry[] = [
  org('United Nations', ['UN', 'U.N.', 'United Nations Organization'], 'igo', 'IGO'),
  org('UN Security Council', ['U.N. Security Council', 'Security Council', 'United Nations Security Council', 'UNSC'], 'igo', 'IGO'),
  org('UN General Assembly', ['U.N. General Assembly', 'General Assembly'], 'igo', 'IGO'),
  org('European Union', ['EU', 'E.U.'], 'igo', 'IGO'),
  org('European Commission', [], 'igo', 'IGO'),
  org('European Community', ['EC', 'E.C.', 'European Economic Community', 'EEC'], 'igo', 'IGO'),
  org('European Parliament', [], 'igo', 'IGO'),
  org('NATO', ['North Atlantic Treaty Organization', 'Nato'], 'igo', 'IGO'),
  org('International Atomic Energy Agency', ['IAEA'], 'igo', 'IGO'),
  org('Arab League', ['League of Arab States'], 'igo', 'IGO'),
  org('African Union', ['AU'], 'igo', 'IGO'),
  org('Organization for Security and Co-operation in Europe', ['OSCE'], 'igo', 'IGO'),
  org('Organization of American States', ['OAS'], 'igo', 'IGO'),
  org('Association of Southeast Asian Nations', ['ASEAN'], 'igo', 'IGO'),
  org('Economic Community of West African States', ['ECOWAS'], 'igo', 'IGO'),
  org('Gulf Cooperation Council', ['GCC'], 'igo', 'IGO'),
  org('Organization of Petroleum Exporting Countries', ['OPEC'], 'igo', 'IGO'),
  org('World Health Organization', ['WHO'], 'igo', 'IGO'),
  org('World Food Program', ['WFP', 'World Food Programme'], 'igo', 'IGO'),
  org('UN High Commissioner for Refugees', ['UNHCR', 'UN refugee agency', 'U.N. refugee agency'], 'igo', 'IGO'),
  org('UNICEF', [], 'igo', 'IGO'),
  org('International Monetary Fund', ['IMF'], 'igo', 'IGO'),
  org('World Bank', [], 'igo', 'IGO'),
  org('World Trade Organization', ['WTO'], 'igo', 'IGO'),
  org('International Criminal Court', ['ICC'], 'igo', 'JUD'),
  org('International Court of Justice', ['ICJ'], 'igo', 'JUD'),
  org('International Labor Office', ['ILO', 'International Labour Organization', 'International Labor Organization'], 'igo', 'IGO'),
  org('G7', ['Group of Seven'], 'igo', 'IGO'),
  org('G20', ['Group of 20'], 'igo', 'IGO'),
  org('Red Cross', ['International Committee of the Red Cross', 'ICRC', 'Red Crescent'], 'ngo', 'NGO'),
  org('Amnesty International', ['Amnesty'], 'ngo', 'NGO'),
  org('Human Rights Watch', ['HRW'], 'ngo', 'NGO'),
  org('Doctors Without Borders', ['Medecins Sans Frontieres', 'MSF'], 'ngo', 'NGO'),
  org('Hamas', [], 'armed', 'REB', 'PSE'),
  org('Hezbollah', ['Hizbollah', 'Hizbullah'], 'armed', 'REB', 'LBN'),
  org('Taliban', [], 'armed', 'REB', 'AFG'),
  org('al-Qaeda', ['al Qaeda', 'Al-Qaeda', 'Al Qaeda', 'al-Qaida'], 'armed', 'REB'),
  org('Islamic State', ['ISIS', 'ISIL', 'Daesh'], 'armed', 'REB'),
  org('Palestine Liberation Organization', ['PLO', 'Palestinian Liberation Organization'], 'party', 'GOV', 'PSE'),
  org('Houthis', ['Houthi', 'Ansar Allah'], 'armed', 'REB', 'YEM'),
  org('Wagner Group', ['Wagner'], 'armed', 'MIL', 'RUS'),
  org('Kurdistan Workers’ Party', ["Kurdistan Workers' Party", 'PKK'], 'armed', 'REB', 'TUR'),
];

/** News media: an organization that reports, never a participant by default. */
export const MEDIA: OrgEntry[] = [
  ['Reuters', []],
  ['Associated Press', ['AP']],
  ['Agence France-Presse', ['AFP']],
  ['Politico', []],
  ['BBC', ['British Broadcasting Corporation']],
  ['CNN', []],
  ['Al Jazeera', []],
  ['The New York Times', ['New York Times']],
  ['The Washington Post', ['Washington Post']],
  ['The Wall Street Journal', ['Wall Street Journal']],
  ['Financial Times', []],
  ['The Guardian', []],
  ['Bloomberg', []],
  ['Axios', []],
  ['TASS', ['Tass', 'ITAR-TASS']],
  ['RIA Novosti', []],
  ['Interfax', []],
  ['Xinhua', []],
  ['Kyodo', []],
  ['Yonhap', []],
  ['Anadolu', ['Anadolu Agency']],
  ['IRNA', []],
  ['Ansa', ['ANSA']],
  ['Canadian Press', []],
  ['Deutsche Welle', ['DW']],
  ['Der Spiegel', ['Spiegel']],
  ['Le Monde', []],
  ['NPR', []],
  ['Fox News', []],
  ['NBC News', ['NBC']],
  ['CBS News', ['CBS']],
  ['ABC News', []],
  ['Sky News', []],
  ['Haaretz', []],
  ['The Times of Israel', ['Times of Israel']],
  ['Kyiv Independent', ['The Kyiv Independent']],
  ['Ukrainska Pravda', []],
  ['Axel Springer', []],
].map(([name, aliases]) => org(name as string, aliases as string[], 'media', 'MED'));

export interface LeaderEntry {
  name: string;
  aliases: string[];
  country: string | null;
  title: string;
}

/** Well-known heads of state and government and chief diplomats (a gazetteer, not a test list). */
export const LEADERS: LeaderEntry[] = [
  ['Donald Trump', ['Trump'], 'USA', 'President'],
  ['Joe Biden', ['Biden'], 'USA', 'President'],
  ['Barack Obama', ['Obama'], 'USA', 'President'],
  ['Marco Rubio', ['Rubio'], 'USA', 'Secretary of State'],
  ['J.D. Vance', ['JD Vance', 'Vance'], 'USA', 'Vice President'],
  ['Vladimir Putin', ['Putin'], 'RUS', 'President'],
  ['Sergei Lavrov', ['Lavrov'], 'RUS', 'Foreign Minister'],
  ['Dmitry Peskov', ['Peskov'], 'RUS', 'spokesman'],
  ['Volodymyr Zelensky', ['Zelensky', 'Zelenskyy', 'Volodymyr Zelenskyy', 'Zelenskiy'], 'UKR', 'President'],
  ['Andrii Sybiha', ['Sybiha'], 'UKR', 'Foreign Minister'],
  ['Xi Jinping', ['Xi'], 'CHN', 'President'],
  ['Emmanuel Macron', ['Macron'], 'FRA', 'President'],
  ['Keir Starmer', ['Starmer'], 'GBR', 'Prime Minister'],
  ['Friedrich Merz', ['Merz'], 'DEU', 'Chancellor'],
  ['Olaf Scholz', ['Scholz'], 'DEU', 'Chancellor'],
  ['Giorgia Meloni', ['Meloni'], 'ITA', 'Prime Minister'],
  ['Recep Tayyip Erdogan', ['Erdogan', 'Erdoğan'], 'TUR', 'President'],
  ['Benjamin Netanyahu', ['Netanyahu'], 'ISR', 'Prime Minister'],
  ['Narendra Modi', ['Modi'], 'IND', 'Prime Minister'],
  ['Ursula von der Leyen', ['von der Leyen'], '', 'President'],
  ['Antonio Guterres', ['Guterres', 'António Guterres'], '', 'Secretary-General'],
  ['Mark Rutte', ['Rutte'], '', 'Secretary-General'],
  ['Alexander Lukashenko', ['Lukashenko'], 'BLR', 'President'],
  ['Ali Khamenei', ['Khamenei'], 'IRN', 'Supreme Leader'],
  ['Mohammed bin Salman', ['bin Salman'], 'SAU', 'Crown Prince'],
  ['Kim Jong Un', ['Kim Jong-un'], 'PRK', 'leader'],
  ['Viktor Orban', ['Orban', 'Viktor Orbán', 'Orbán'], 'HUN', 'Prime Minister'],
  ['Luiz Inacio Lula da Silva', ['Lula'], 'BRA', 'President'],
].map(([name, aliases, country, title]) => ({
  name: name as string,
  aliases: aliases as string[],
  // Leaders of organizations have no country of their own.
  country: (country as string) || null,
  title: title as string,
}));

/** Major cities that are not capitals (capitals come from the country data). */
export const CITIES: Record<string, string> = {
  Miami: 'USA', 'New York': 'USA', 'Los Angeles': 'USA', Chicago: 'USA', 'San Francisco': 'USA',
  Houston: 'USA', Boston: 'USA', 'Palm Beach': 'USA', Anchorage: 'USA', 'Camp David': 'USA',
  Geneva: 'CHE', Zurich: 'CHE', Davos: 'CHE', Istanbul: 'TUR', Ankara: 'TUR', Antalya: 'TUR',
  'St. Petersburg': 'RUS', 'Saint Petersburg': 'RUS', Sochi: 'RUS', Kharkiv: 'UKR', Odesa: 'UKR',
  Odessa: 'UKR', Lviv: 'UKR', Dnipro: 'UKR', Mariupol: 'UKR', Zaporizhzhia: 'UKR', Kherson: 'UKR',
  Donetsk: 'UKR', Luhansk: 'UKR', Bakhmut: 'UKR', Crimea: 'UKR', Sevastopol: 'UKR',
  Munich: 'DEU', Frankfurt: 'DEU', Hamburg: 'DEU', Milan: 'ITA', Naples: 'ITA', Genoa: 'ITA',
  Marseille: 'FRA', Lyon: 'FRA', Strasbourg: 'FRA', Barcelona: 'ESP', Glasgow: 'GBR',
  Manchester: 'GBR', Belfast: 'GBR', Edinburgh: 'GBR', Jeddah: 'SAU', Mecca: 'SAU', Dubai: 'ARE',
  'Abu Dhabi': 'ARE', Alexandria: 'EGY', 'Sharm el-Sheikh': 'EGY', Basra: 'IRQ', Mosul: 'IRQ',
  Kirkuk: 'IRQ', Fallujah: 'IRQ', Samarra: 'IRQ', Aleppo: 'SYR', Homs: 'SYR', Idlib: 'SYR',
  'Tel Aviv': 'ISR', Haifa: 'ISR', Jerusalem: 'ISR', Hebron: 'PSE', Jericho: 'PSE', Rafah: 'PSE',
  'Gaza City': 'PSE', 'Khan Younis': 'PSE', Tyre: 'LBN', Sidon: 'LBN', Tripoli: 'LBY',
  Benghazi: 'LBY', Karachi: 'PAK', Lahore: 'PAK', Peshawar: 'PAK', Kandahar: 'AFG', Mumbai: 'IND',
  Shanghai: 'CHN', 'Hong Kong': 'CHN', Osaka: 'JPN', Sydney: 'AUS', Melbourne: 'AUS',
  Toronto: 'CAN', Montreal: 'CAN', 'Sao Paulo': 'BRA', 'Rio de Janeiro': 'BRA', Lagos: 'NGA',
  Johannesburg: 'ZAF', 'Cape Town': 'ZAF', Mogadishu: 'SOM', Darfur: 'SDN', Goma: 'COD',
  Abidjan: 'CIV', Soroti: 'UGA', Tbilisi: 'GEO', Grozny: 'RUS', Sarajevo: 'BIH', Gorazde: 'BIH',
  Srebrenica: 'BIH', Pristina: 'XKX', Dili: 'TLS', Jaffna: 'LKA', Tehran: 'IRN', Isfahan: 'IRN',
};

/** Titles of people and the sector they imply (CAMEO/PLOVER sector codes). Lower-cased keys. */
export const TITLES: Record<string, string> = {
  president: 'GOV', 'vice president': 'GOV', 'vice-president': 'GOV', 'prime minister': 'GOV',
  premier: 'GOV', chancellor: 'GOV', minister: 'GOV', 'foreign minister': 'GOV',
  'defense minister': 'GOV', 'defence minister': 'GOV', 'interior minister': 'GOV',
  secretary: 'GOV', 'secretary of state': 'GOV', 'secretary-general': 'IGO', 'secretary general': 'IGO',
  'defense secretary': 'GOV', 'defence secretary': 'GOV', 'foreign secretary': 'GOV',
  envoy: 'GOV', 'special envoy': 'GOV', ambassador: 'GOV', diplomat: 'GOV', negotiator: 'GOV',
  spokesman: 'GOV', spokeswoman: 'GOV', spokesperson: 'GOV', official: 'GOV', adviser: 'GOV',
  advisor: 'GOV', aide: 'GOV', king: 'GOV', queen: 'GOV', emir: 'GOV', sheikh: 'GOV',
  prince: 'GOV', 'crown prince': 'GOV', sultan: 'GOV', governor: 'GOV', mayor: 'GOV', leader: 'GOV',
  'supreme leader': 'GOV', head: 'GOV', chief: 'GOV', mediator: 'GOV',
  senator: 'LEG', sen: 'LEG', 'sen.': 'LEG', congressman: 'LEG', congresswoman: 'LEG',
  lawmaker: 'LEG', legislator: 'LEG', speaker: 'LEG', deputy: 'LEG', mp: 'LEG', representative: 'LEG',
  general: 'MIL', 'gen.': 'MIL', 'lt. gen.': 'MIL', colonel: 'MIL', 'col.': 'MIL', commander: 'MIL',
  admiral: 'MIL', 'field marshal': 'MIL', marshal: 'MIL', major: 'MIL', captain: 'MIL',
  judge: 'JUD', prosecutor: 'JUD', 'chief justice': 'JUD', justice: 'JUD',
  pope: 'REL', cardinal: 'REL', archbishop: 'REL', bishop: 'REL', imam: 'REL', rabbi: 'REL',
  ayatollah: 'REL', cleric: 'REL',
  businessman: 'BUS', executive: 'BUS', ceo: 'BUS', candidate: 'OPP', 'opposition leader': 'OPP',
  analyst: 'CVL', journalist: 'MED', reporter: 'MED', editor: 'MED', activist: 'CVL', frontman: 'REB',
};

/** Nouns that make a group of people with a sector ("Ukrainian officials", "Russian troops"). */
export const GROUP_NOUNS: Record<string, string> = {
  officials: 'GOV', official: 'GOV', government: 'GOV', authorities: 'GOV', administration: 'GOV',
  ministry: 'GOV', diplomats: 'GOV', diplomat: 'GOV', negotiators: 'GOV', delegation: 'GOV',
  delegates: 'GOV', team: 'GOV', leaders: 'GOV', leadership: 'GOV', side: 'GOV', sides: 'GOV',
  counterpart: 'GOV', counterparts: 'GOV', representatives: 'GOV', envoys: 'GOV', regime: 'GOV',
  cabinet: 'GOV', partners: 'GOV', allies: 'GOV', state: 'GOV',
  troops: 'MIL', soldiers: 'MIL', soldier: 'MIL', army: 'MIL', military: 'MIL', forces: 'MIL',
  serviceman: 'MIL', servicemen: 'MIL', navy: 'MIL', warships: 'MIL', tanks: 'MIL', jets: 'MIL',
  helicopters: 'MIL', artillery: 'MIL', officers: 'MIL', peacekeepers: 'MIL', units: 'MIL',
  'air force': 'MIL', drones: 'MIL', bulldozers: 'MIL', intelligence: 'SPY',
  police: 'COP', policemen: 'COP', 'security forces': 'COP',
  rebels: 'REB', rebel: 'REB', guerrillas: 'REB', guerillas: 'REB', insurgents: 'REB', militants: 'REB',
  militiamen: 'REB', militia: 'REB', militias: 'REB', fighters: 'REB', separatists: 'REB',
  opposition: 'OPP', dissidents: 'OPP', protesters: 'OPP', demonstrators: 'OPP',
  parliament: 'LEG', lawmakers: 'LEG', legislators: 'LEG', deputies: 'LEG', senators: 'LEG',
  court: 'JUD', judge: 'JUD', judges: 'JUD', prosecutors: 'JUD',
  refugees: 'REF', civilians: 'CVL', people: 'CVL', students: 'EDU', workers: 'LAB', farmers: 'AGR',
  residents: 'CVL', villagers: 'CVL', prisoners: 'CVL', detainees: 'CVL', youths: 'CVL',
  landowners: 'CVL', citizens: 'CVL', nationals: 'CVL', businessman: 'BUS', businesses: 'BUS',
  companies: 'BUS', newspaper: 'MED', media: 'MED', journalists: 'MED', fundamentalists: 'REL',
  analysts: 'CVL', experts: 'CVL', observers: 'CVL', witnesses: 'CVL', sources: 'CVL',
};
