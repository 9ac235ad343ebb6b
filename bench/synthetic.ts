// Seeded generator of synthetic news reports in the style of the Miami-talks sample, for
// benchmarks and load tests: a headline, a dateline, 6–12 sentences of meetings, rejections,
// accusations, aid, sanctions and attacks between invented officials, real states (often as
// capital metonyms), demonym groups and international organizations, plus "X said" statements.
// The same seed always gives the same reports; nothing here touches the file system.
import { MONTHS, WEEKDAYS } from '../ingest/extract/words.ts';
import { seededRandom } from '../web/src/core/layout/random.ts';

export type SyntheticReport = { id: string; title: string; publishedAt: string; text: string };

/** A report plus what went into it (invented people by full name, states, organizations). */
export type SyntheticCase = SyntheticReport & {
  people: string[];
  states: string[];
  organizations: string[];
  /** PLOVER categories of the event sentences, in order. */
  eventTypes: string[];
  statementCount: number;
};

/** mulberry32: a tiny, fast 32-bit PRNG (shared with the viewer's layout), fully deterministic. */
export const mulberry32 = seededRandom;

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

type Country = {
  iso3: string;
  name: string;
  /** How the name reads mid-sentence ("the United States"). */
  ref: string;
  demonym: string;
  capital: string;
  towns: string[];
  first: string[];
  last: string[];
};

// 24 countries × 16 first names × 16 surnames = 6,144 possible people.
// prettier-ignore
const COUNTRIES: Country[] = [
  {
    iso3: 'TUR',
    name: 'Turkey',
    ref: 'Turkey',
    demonym: 'Turkish',
    capital: 'Ankara',
    towns: ['Gaziantep', 'Kilis', 'Hatay'],
    first: ['Selin', 'Mehmet', 'Ayşe', 'Emre', 'Zeynep', 'Burak', 'Elif', 'Murat', 'Deniz', 'Kerem', 'Ebru', 'Hakan', 'Leyla', 'Ozan', 'Nur', 'Tarık'],
    last: ['Avcı', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç', 'Kurt', 'Aslan', 'Erdem', 'Polat', 'Tekin'],
  },
  {
    iso3: 'KEN',
    name: 'Kenya',
    ref: 'Kenya',
    demonym: 'Kenyan',
    capital: 'Nairobi',
    towns: ['Mandera', 'Garissa', 'Lodwar'],
    first: ['Wanjiru', 'James', 'Achieng', 'Peter', 'Njeri', 'Samuel', 'Akinyi', 'Daniel', 'Wambui', 'Joseph', 'Chebet', 'David', 'Nafula', 'Brian', 'Atieno', 'Kipchoge'],
    last: ['Kamau', 'Otieno', 'Mwangi', 'Kiptoo', 'Njoroge', 'Ochieng', 'Wafula', 'Mutua', 'Kariuki', 'Onyango', 'Cheruiyot', 'Maina', 'Odhiambo', 'Rotich', 'Gitau', 'Barasa'],
  },
  {
    iso3: 'DEU',
    name: 'Germany',
    ref: 'Germany',
    demonym: 'German',
    capital: 'Berlin',
    towns: ['Ramstein', 'Rostock', 'Dresden'],
    first: ['Anke', 'Jörg', 'Katrin', 'Matthias', 'Ulrike', 'Stefan', 'Heike', 'Lars', 'Birgit', 'Tobias', 'Sabine', 'Frank', 'Jana', 'Uwe', 'Petra', 'Henrik'],
    last: ['Brandt', 'Hoffmann', 'Keller', 'Vogel', 'Schreiber', 'Lehmann', 'Krüger', 'Hartmann', 'Winkler', 'Baumann', 'Seidel', 'Franke', 'Ziegler', 'Kühn', 'Lorenz', 'Busch'],
  },
  {
    iso3: 'FRA',
    name: 'France',
    ref: 'France',
    demonym: 'French',
    capital: 'Paris',
    towns: ['Marseille', 'Toulon', 'Brest'],
    first: ['Claire', 'Julien', 'Hélène', 'Mathieu', 'Sophie', 'Olivier', 'Camille', 'Thierry', 'Amélie', 'Laurent', 'Élise', 'Nicolas', 'Margaux', 'Rémi', 'Agnès', 'Benoît'],
    last: ['Marchand', 'Lefèvre', 'Girard', 'Bonnet', 'Rousseau', 'Faure', 'Moreau', 'Chevalier', 'Blanchard', 'Garnier', 'Perrin', 'Morel', 'Dufour', 'Mercier', 'Lambert', 'Fontaine'],
  },
  {
    iso3: 'BRA',
    name: 'Brazil',
    ref: 'Brazil',
    demonym: 'Brazilian',
    capital: 'Brasília',
    towns: ['Manaus', 'Belém', 'Recife'],
    first: ['Ana', 'João', 'Beatriz', 'Rafael', 'Luana', 'Thiago', 'Fernanda', 'Gustavo', 'Camila', 'Rodrigo', 'Juliana', 'Eduardo', 'Larissa', 'Marcelo', 'Patrícia', 'Vinícius'],
    last: ['Souza', 'Carvalho', 'Almeida', 'Ribeiro', 'Barbosa', 'Rocha', 'Teixeira', 'Moura', 'Cardoso', 'Azevedo', 'Nogueira', 'Pacheco', 'Correia', 'Campos', 'Monteiro', 'Freitas'],
  },
  {
    iso3: 'IND',
    name: 'India',
    ref: 'India',
    demonym: 'Indian',
    capital: 'New Delhi',
    towns: ['Srinagar', 'Leh', 'Amritsar'],
    first: ['Priya', 'Arjun', 'Kavita', 'Rahul', 'Ananya', 'Vikram', 'Meera', 'Sanjay', 'Deepa', 'Rohan', 'Lakshmi', 'Anil', 'Sunita', 'Karan', 'Neha', 'Rajesh'],
    last: ['Sharma', 'Iyer', 'Menon', 'Reddy', 'Chatterjee', 'Kapoor', 'Nair', 'Bhatt', 'Joshi', 'Rao', 'Malhotra', 'Pillai', 'Desai', 'Verma', 'Banerjee', 'Saxena'],
  },
  {
    iso3: 'JPN',
    name: 'Japan',
    ref: 'Japan',
    demonym: 'Japanese',
    capital: 'Tokyo',
    towns: ['Okinawa', 'Sapporo', 'Nagasaki'],
    first: ['Yuko', 'Hiroshi', 'Akiko', 'Takeshi', 'Naomi', 'Kenji', 'Emi', 'Daisuke', 'Haruka', 'Satoshi', 'Mariko', 'Kazuo', 'Ayumi', 'Ryo', 'Sachiko', 'Tetsuya'],
    last: ['Tanaka', 'Watanabe', 'Kobayashi', 'Yamamoto', 'Nakamura', 'Saito', 'Ishikawa', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Mori', 'Ikeda', 'Hashimoto', 'Fujita'],
  },
  {
    iso3: 'EGY',
    name: 'Egypt',
    ref: 'Egypt',
    demonym: 'Egyptian',
    capital: 'Cairo',
    towns: ['Rafah', 'Arish', 'Port Said'],
    first: ['Nadia', 'Ahmed', 'Mona', 'Karim', 'Yasmin', 'Omar', 'Dalia', 'Tarek', 'Rania', 'Hossam', 'Heba', 'Sherif', 'Salma', 'Amr', 'Noha', 'Khaled'],
    last: ['Hassan', 'Mansour', 'Fahmy', 'Saleh', 'Abdelaziz', 'Farouk', 'Naguib', 'Shoukry', 'Ezzat', 'Ghali', 'Hegazy', 'Rashed', 'Said', 'Tawfik', 'Zaki', 'Morsy'],
  },
  {
    iso3: 'NGA',
    name: 'Nigeria',
    ref: 'Nigeria',
    demonym: 'Nigerian',
    capital: 'Abuja',
    towns: ['Maiduguri', 'Kano', 'Sokoto'],
    first: ['Ngozi', 'Chinedu', 'Amina', 'Tunde', 'Folake', 'Emeka', 'Zainab', 'Babatunde', 'Chiamaka', 'Ibrahim', 'Funmilayo', 'Obinna', 'Hauwa', 'Segun', 'Adaeze', 'Musa'],
    last: ['Okafor', 'Adeyemi', 'Bello', 'Nwosu', 'Okonkwo', 'Abubakar', 'Adebayo', 'Eze', 'Ogunleye', 'Danjuma', 'Obi', 'Lawal', 'Afolabi', 'Uche', 'Yusuf', 'Olawale'],
  },
  {
    iso3: 'POL',
    name: 'Poland',
    ref: 'Poland',
    demonym: 'Polish',
    capital: 'Warsaw',
    towns: ['Rzeszów', 'Lublin', 'Białystok'],
    first: ['Marek', 'Tomasz', 'Piotr', 'Paweł', 'Krzysztof', 'Andrzej', 'Jakub', 'Michał', 'Wojciech', 'Łukasz', 'Grzegorz', 'Rafał', 'Bartosz', 'Dariusz', 'Jacek', 'Zbigniew'],
    last: ['Nowak', 'Kowalczyk', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Pawlak'],
  },
  {
    iso3: 'MEX',
    name: 'Mexico',
    ref: 'Mexico',
    demonym: 'Mexican',
    capital: 'Mexico City',
    towns: ['Tijuana', 'Ciudad Juárez', 'Tapachula'],
    first: ['Lucía', 'Alejandro', 'Mariana', 'Javier', 'Gabriela', 'Fernando', 'Valeria', 'Ricardo', 'Daniela', 'Sergio', 'Paola', 'Arturo', 'Ximena', 'Héctor', 'Regina', 'Emilio'],
    last: ['Hernández', 'Ramírez', 'Castillo', 'Vázquez', 'Mendoza', 'Ortega', 'Guerrero', 'Delgado', 'Navarro', 'Aguilar', 'Salazar', 'Cervantes', 'Ibarra', 'Zamora', 'Villanueva', 'Treviño'],
  },
  {
    iso3: 'IDN',
    name: 'Indonesia',
    ref: 'Indonesia',
    demonym: 'Indonesian',
    capital: 'Jakarta',
    towns: ['Surabaya', 'Makassar', 'Medan'],
    first: ['Siti', 'Budi', 'Dewi', 'Agus', 'Ratna', 'Hendra', 'Wulan', 'Eko', 'Indah', 'Joko', 'Putri', 'Rizal', 'Sri', 'Yudi', 'Ayu', 'Bambang'],
    last: ['Santoso', 'Wijaya', 'Hidayat', 'Kusuma', 'Saputra', 'Pratama', 'Nugroho', 'Setiawan', 'Halim', 'Gunawan', 'Siregar', 'Lubis', 'Harahap', 'Purnomo', 'Wibowo', 'Sulistyo'],
  },
  {
    iso3: 'UKR',
    name: 'Ukraine',
    ref: 'Ukraine',
    demonym: 'Ukrainian',
    capital: 'Kyiv',
    towns: ['Kharkiv', 'Zaporizhzhia', 'Kramatorsk'],
    first: ['Oksana', 'Andriy', 'Iryna', 'Taras', 'Olena', 'Dmytro', 'Yulia', 'Serhiy', 'Kateryna', 'Mykola', 'Halyna', 'Bohdan', 'Nataliya', 'Vitaliy', 'Larysa', 'Yaroslav'],
    last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachuk', 'Kravchenko', 'Oliynyk', 'Melnyk', 'Moroz', 'Lysenko', 'Marchenko', 'Savchuk', 'Rudenko', 'Klymenko', 'Pavlyuk', 'Hnatyuk', 'Boyko'],
  },
  {
    iso3: 'RUS',
    name: 'Russia',
    ref: 'Russia',
    demonym: 'Russian',
    capital: 'Moscow',
    towns: ['Belgorod', 'Kursk', 'Rostov-on-Don'],
    first: ['Alexei', 'Sergei', 'Dmitry', 'Nikolai', 'Igor', 'Mikhail', 'Pavel', 'Yuri', 'Oleg', 'Viktor', 'Anatoly', 'Konstantin', 'Gennady', 'Vadim', 'Boris', 'Stanislav'],
    last: ['Volkov', 'Sokolov', 'Lebedev', 'Morozov', 'Orlov', 'Belov', 'Zaitsev', 'Gusev', 'Karpov', 'Romanov', 'Frolov', 'Yakovlev', 'Tarasov', 'Zhukov', 'Antonov', 'Grachev'],
  },
  {
    iso3: 'USA',
    name: 'United States',
    ref: 'the United States',
    demonym: 'U.S.',
    capital: 'Washington',
    towns: ['Norfolk', 'San Diego', 'Anchorage'],
    first: ['Karen', 'Michael', 'Jennifer', 'Robert', 'Lisa', 'William', 'Amanda', 'Thomas', 'Rebecca', 'Christopher', 'Megan', 'Matthew', 'Heather', 'Andrew', 'Rachel', 'Gregory'],
    last: ['Whitfield', 'Harrington', 'Caldwell', 'Prescott', 'Donovan', 'Gallagher', 'Holloway', 'Mercer', 'Sullivan', 'Brennan', 'Fitzgerald', 'Lockhart', 'Pierce', 'Sterling', 'Dalton', 'Ramsey'],
  },
  {
    iso3: 'GBR',
    name: 'United Kingdom',
    ref: 'the United Kingdom',
    demonym: 'British',
    capital: 'London',
    towns: ['Portsmouth', 'Belfast', 'Plymouth'],
    first: ['Fiona', 'Alistair', 'Harriet', 'Nigel', 'Imogen', 'Rupert', 'Charlotte', 'Graham', 'Philippa', 'Hugh', 'Eleanor', 'Duncan', 'Rosalind', 'Oliver', 'Gemma', 'Callum'],
    last: ['Ashworth', 'Pemberton', 'Whitaker', 'Thornton', 'Blackwood', 'Fairbairn', 'Hargreaves', 'Kingsley', 'Lancaster', 'Mortimer', 'Pennington', 'Radcliffe', 'Sinclair', 'Wetherby', 'Aldridge', 'Cartwright'],
  },
  {
    iso3: 'CHN',
    name: 'China',
    ref: 'China',
    demonym: 'Chinese',
    capital: 'Beijing',
    towns: ['Xiamen', 'Kunming', 'Urumqi'],
    first: ['Wei', 'Li', 'Jing', 'Hao', 'Mei', 'Jun', 'Xiu', 'Lei', 'Yan', 'Bo', 'Ling', 'Qiang', 'Fang', 'Tao', 'Hui', 'Gang'],
    last: ['Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'Lin', 'He'],
  },
  {
    iso3: 'IRN',
    name: 'Iran',
    ref: 'Iran',
    demonym: 'Iranian',
    capital: 'Tehran',
    towns: ['Isfahan', 'Bandar Abbas', 'Tabriz'],
    first: ['Maryam', 'Reza', 'Shirin', 'Hossein', 'Parisa', 'Ali', 'Nasrin', 'Mehdi', 'Farah', 'Kaveh', 'Leila', 'Behzad', 'Azadeh', 'Saeed', 'Roya', 'Dariush'],
    last: ['Rahimi', 'Moradi', 'Karimi', 'Hosseini', 'Jafari', 'Ahmadi', 'Sadeghi', 'Mousavi', 'Ghorbani', 'Kazemi', 'Heidari', 'Rostami', 'Tehrani', 'Nazari', 'Bagheri', 'Farahani'],
  },
  {
    iso3: 'SAU',
    name: 'Saudi Arabia',
    ref: 'Saudi Arabia',
    demonym: 'Saudi',
    capital: 'Riyadh',
    towns: ['Jeddah', 'Dammam', 'Jizan'],
    first: ['Faisal', 'Abdullah', 'Noura', 'Khalid', 'Reem', 'Saud', 'Lama', 'Turki', 'Hessa', 'Bandar', 'Sara', 'Nawaf', 'Mishaal', 'Fahad', 'Latifa', 'Sultan'],
    last: ['Al-Harbi', 'Al-Qahtani', 'Al-Otaibi', 'Al-Dosari', 'Al-Shehri', 'Al-Ghamdi', 'Al-Zahrani', 'Al-Mutairi', 'Al-Anazi', 'Al-Shammari', 'Al-Subaie', 'Al-Rasheed', 'Al-Jaber', 'Al-Omari', 'Al-Malki', 'Al-Faraj'],
  },
  {
    iso3: 'QAT',
    name: 'Qatar',
    ref: 'Qatar',
    demonym: 'Qatari',
    capital: 'Doha',
    towns: ['Al Wakrah', 'Al Khor', 'Lusail'],
    first: ['Hamad', 'Tamim', 'Maha', 'Jassim', 'Aisha', 'Mohammed', 'Dana', 'Nasser', 'Alanoud', 'Ghanim', 'Moza', 'Salem', 'Hind', 'Rashid', 'Fatma', 'Majed'],
    last: ['Al-Thani', 'Al-Kuwari', 'Al-Attiyah', 'Al-Mannai', 'Al-Sulaiti', 'Al-Naimi', 'Al-Marri', 'Al-Khulaifi', 'Al-Emadi', 'Al-Hajri', 'Al-Kaabi', 'Al-Mohannadi', 'Al-Sada', 'Al-Baker', 'Al-Derham', 'Al-Misnad'],
  },
  {
    iso3: 'ETH',
    name: 'Ethiopia',
    ref: 'Ethiopia',
    demonym: 'Ethiopian',
    capital: 'Addis Ababa',
    towns: ['Mekelle', 'Gondar', 'Dire Dawa'],
    first: ['Abebe', 'Tigist', 'Dawit', 'Meron', 'Yohannes', 'Hirut', 'Getachew', 'Selamawit', 'Tesfaye', 'Bethlehem', 'Girma', 'Alemitu', 'Mesfin', 'Tsion', 'Berhanu', 'Liya'],
    last: ['Tadesse', 'Bekele', 'Haile', 'Gebremariam', 'Alemu', 'Wolde', 'Kebede', 'Mengistu', 'Desta', 'Asfaw', 'Tesema', 'Negash', 'Ayele', 'Gebre', 'Worku', 'Lemma'],
  },
  {
    iso3: 'ZAF',
    name: 'South Africa',
    ref: 'South Africa',
    demonym: 'South African',
    capital: 'Pretoria',
    towns: ['Durban', 'Cape Town', 'Polokwane'],
    first: ['Thandiwe', 'Sipho', 'Naledi', 'Thabo', 'Lindiwe', 'Mandla', 'Zanele', 'Pieter', 'Nomvula', 'Johan', 'Busisiwe', 'Kagiso', 'Refilwe', 'Sibusiso', 'Annelie', 'Lwazi'],
    last: ['Dlamini', 'Nkosi', 'Mokoena', 'Van der Merwe', 'Ndlovu', 'Khumalo', 'Botha', 'Mahlangu', 'Naidoo', 'Zulu', 'Pretorius', 'Mthembu', 'Sithole', 'Radebe', 'Molefe', 'Venter'],
  },
  {
    iso3: 'NOR',
    name: 'Norway',
    ref: 'Norway',
    demonym: 'Norwegian',
    capital: 'Oslo',
    towns: ['Tromsø', 'Bergen', 'Kirkenes'],
    first: ['Ingrid', 'Eirik', 'Solveig', 'Magnus', 'Astrid', 'Håkon', 'Kari', 'Sindre', 'Ragnhild', 'Torbjørn', 'Sigrid', 'Anders', 'Marit', 'Vegard', 'Hilde', 'Øystein'],
    last: ['Hansen', 'Johansen', 'Olsen', 'Berg', 'Haugen', 'Dahl', 'Lund', 'Solberg', 'Bakken', 'Eriksen', 'Strand', 'Moen', 'Nilsen', 'Aasen', 'Holm', 'Lie'],
  },
  {
    iso3: 'COL',
    name: 'Colombia',
    ref: 'Colombia',
    demonym: 'Colombian',
    capital: 'Bogotá',
    towns: ['Cúcuta', 'Cali', 'Medellín'],
    first: ['Catalina', 'Andrés', 'Natalia', 'Santiago', 'Carolina', 'Felipe', 'Isabela', 'Mauricio', 'Laura', 'Camilo', 'Adriana', 'Esteban', 'Manuela', 'Julián', 'Paula', 'Germán'],
    last: ['Restrepo', 'Londoño', 'Echeverri', 'Quintero', 'Ospina', 'Arango', 'Cárdenas', 'Betancur', 'Galeano', 'Zuluaga', 'Montoya', 'Jaramillo', 'Uribe', 'Velásquez', 'Cifuentes', 'Duque'],
  },
];

const ROLES = [
  { title: 'Foreign Minister', short: 'foreign minister' },
  { title: 'Defense Minister', short: 'defense minister' },
  { title: 'Prime Minister', short: 'prime minister' },
  { title: 'President', short: 'president' },
  { title: 'envoy', short: 'envoy' },
  { title: 'ambassador', short: 'ambassador' },
  { title: 'national security adviser', short: 'security adviser' },
  { title: 'Deputy Foreign Minister', short: 'deputy foreign minister' },
  { title: 'Interior Minister', short: 'interior minister' },
  { title: 'General', short: 'army chief' },
  { title: 'Senator', short: 'senator' },
  { title: 'opposition leader', short: 'opposition leader' },
  { title: 'Trade Minister', short: 'trade minister' },
  { title: 'chief negotiator', short: 'negotiator' },
];

const ORGANIZATIONS = [
  { name: 'the United Nations', short: 'the U.N.' },
  { name: 'the European Union', short: 'the EU' },
  { name: 'NATO', short: 'NATO' },
  { name: 'the African Union', short: 'the African Union' },
  { name: 'the Association of Southeast Asian Nations', short: 'ASEAN' },
  { name: 'the Organization for Security and Co-operation in Europe', short: 'the OSCE' },
  { name: 'the International Atomic Energy Agency', short: 'the IAEA' },
  { name: 'the International Monetary Fund', short: 'the IMF' },
  { name: 'the World Bank', short: 'the World Bank' },
  { name: 'the International Committee of the Red Cross', short: 'the Red Cross' },
  { name: 'the World Food Programme', short: 'the WFP' },
  { name: 'the Arab League', short: 'the Arab League' },
  { name: 'the Organization of American States', short: 'the OAS' },
  { name: 'the U.N. refugee agency', short: 'UNHCR' },
];

const MEDIA = [
  'Reuters',
  'the Associated Press',
  'Agence France-Presse',
  'Politico',
  'Al Jazeera',
  'the BBC',
  'Bloomberg',
  'The Guardian',
  'Kyodo News',
  'Anadolu Agency',
];

// prettier-ignore
const VENUES = [
  'Geneva',
  'Vienna',
  'Doha',
  'Istanbul',
  'Brussels',
  'New York',
  'Miami',
  'Oslo',
  'Helsinki',
  'Muscat',
  'Astana',
  'Singapore',
];

const TOPICS = [
  'a ceasefire along the border',
  'grain exports through the Black Sea',
  'the release of detained journalists',
  'a prisoner exchange',
  'nuclear inspections',
  'the disputed maritime boundary',
  'gas supplies for the winter',
  'a humanitarian corridor',
  'reconstruction funding',
  'the return of refugees',
  'water rights on the river',
  'security guarantees',
  'a new trade framework',
  'the withdrawal of foreign fighters',
  'access for aid convoys',
  'demining of farmland',
];

const CHARGES = [
  'violating the ceasefire',
  'shelling civilian areas',
  'blocking aid deliveries',
  'meddling in its elections',
  'arming rebel groups',
  'detaining its citizens without charge',
  'spreading disinformation',
  'stalling the negotiations',
];

type Person = { country: Country; first: string; last: string; role: (typeof ROLES)[number] };

/** An actor as written: its first mention, later mentions, and what it is. */
type Mention = {
  first: string;
  again: string;
  /** For the subject slot: a pronoun-free short form. */
  kind: 'person' | 'state' | 'organization' | 'group';
  key: string;
};

const fullName = (p: Person) => `${p.first} ${p.last}`;

// A person's role is a function of their name, so the same person keeps one title everywhere.
function roleOf(country: Country, fi: number, li: number) {
  const h = (country.iso3.charCodeAt(0) * 31 + fi * 17 + li * 13) % ROLES.length;
  return ROLES[h];
}

function randomPerson(rng: Rng, country?: Country): Person {
  const c = country ?? pick(rng, COUNTRIES);
  const fi = Math.floor(rng() * c.first.length);
  const li = Math.floor(rng() * c.last.length);
  return { country: c, first: c.first[fi], last: c.last[li], role: roleOf(c, fi, li) };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatDate(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

type Draft = {
  rng: Rng;
  published: Date;
  people: Map<string, Person>;
  states: Set<string>;
  organizations: Set<string>;
  seen: Set<string>;
  eventTypes: string[];
  statementCount: number;
  cast: Country[];
  /** The country and key of the last actor written, so that a recipient differs from it. */
  lastCountry: Country | undefined;
  lastKey: string;
};

/** Picks an actor and writes it the way a report would (full title first, surname after). */
function actor(
  d: Draft,
  allow: Mention['kind'][] = ['person', 'person', 'person', 'state', 'organization', 'group'],
  avoid?: { country: Country | undefined; key: string },
): string {
  const kind = pick(d.rng, allow);
  const countries = d.cast.filter((c) => c !== avoid?.country);
  const country = pick(d.rng, countries);
  d.lastCountry = kind === 'organization' ? undefined : country;
  switch (kind) {
    case 'person': {
      // Reuse someone already in the story half the time, as real reports do.
      const known = [...d.people.values()].filter((p) => p.country === country);
      const p =
        known.length > 0 && d.rng() < 0.5 ? pick(d.rng, known) : randomPerson(d.rng, country);
      const name = fullName(p);
      d.lastKey = name;
      d.people.set(name, p);
      if (d.seen.has(name)) return p.last;
      d.seen.add(name);
      return `${p.country.demonym} ${p.role.title} ${name}`;
    }
    case 'state': {
      d.lastKey = country.name;
      d.states.add(country.name);
      // Capital metonyms ("Ankara") as often as the country name.
      return d.rng() < 0.5 ? country.capital : capitalize(country.ref);
    }
    case 'organization': {
      const o = pick(
        d.rng,
        ORGANIZATIONS.filter((x) => x.name !== avoid?.key),
      );
      d.lastKey = o.name;
      d.organizations.add(o.name);
      const text = d.seen.has(o.name) ? o.short : o.name;
      d.seen.add(o.name);
      return text;
    }
    case 'group': {
      d.lastKey = country.name;
      d.states.add(country.name);
      return `${country.demonym} ${pick(d.rng, ['officials', 'troops', 'diplomats', 'forces', 'negotiators', 'lawmakers'])}`;
    }
  }
}

/** The other side of a two-party event: never the same actor or country as the first. */
function recipient(d: Draft, allow?: Mention['kind'][]): string {
  return actor(d, allow, { country: d.lastCountry, key: d.lastKey });
}

function when(d: Draft): string {
  const r = d.rng();
  if (r < 0.45) return ` on ${pick(d.rng, WEEKDAYS)}`;
  if (r < 0.7) {
    const back = new Date(d.published.getTime() - between(d.rng, 1, 40) * 86_400_000);
    return ` on ${formatDate(back)}`;
  }
  return '';
}

const possessive = (s: string) => (s.endsWith('s') ? `${s}’` : `${s}’s`);

type Template = { type: string; write: (d: Draft) => string };

const EVENTS: Template[] = [
  {
    type: 'CONSULT',
    write: (d) => `${actor(d)} met with ${recipient(d)} in ${pick(d.rng, VENUES)}${when(d)}`,
  },
  {
    type: 'CONSULT',
    write: (d) => `${actor(d)} held talks with ${recipient(d)} on ${pick(d.rng, TOPICS)}${when(d)}`,
  },
  {
    type: 'CONSULT',
    write: (d) =>
      `${actor(d, ['person'])} spoke by phone with ${recipient(d, ['person'])}${when(d)}`,
  },
  {
    type: 'CONSULT',
    write: (d) =>
      `${actor(d, ['person'])} visited ${
        pick(
          d.rng,
          d.cast.filter((c) => c !== d.lastCountry),
        ).capital
      }${when(d)} for talks on ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'AGREE',
    write: (d) =>
      `${actor(d)} agreed with ${recipient(d)} to resume talks on ${pick(d.rng, TOPICS)}${when(d)}`,
  },
  {
    type: 'AGREE',
    write: (d) =>
      `${actor(d)} and ${recipient(d)} signed an agreement on ${pick(d.rng, TOPICS)}${when(d)}`,
  },
  {
    type: 'SUPPORT',
    write: (d) =>
      `${actor(d)} praised ${recipient(d)} for its role in brokering ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'SUPPORT',
    write: (d) =>
      `${actor(d)} voiced support for ${recipient(d, ['state', 'organization'])} in the dispute over ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'CONCEDE',
    write: (d) =>
      `${actor(d)} offered concessions to ${recipient(d)} on ${pick(d.rng, TOPICS)}${when(d)}`,
  },
  {
    type: 'COOPERATE',
    write: (d) =>
      `${actor(d, ['state'])} and ${recipient(d, ['state'])} launched joint naval patrols${when(d)}`,
  },
  {
    type: 'COOPERATE',
    write: (d) =>
      `${actor(d, ['state'])} signed a defense cooperation pact with ${recipient(d, ['state'])}${when(d)}`,
  },
  {
    type: 'AID',
    write: (d) =>
      `${actor(d, ['state', 'organization'])} sent humanitarian aid to ${pick(d.rng, d.cast).towns[0]}${when(d)}`,
  },
  {
    type: 'AID',
    write: (d) =>
      `${actor(d, ['state', 'organization'])} extended a $${between(d.rng, 1, 120)} billion loan to ${recipient(d, ['state'])}${when(d)}`,
  },
  {
    type: 'RETREAT',
    write: (d) =>
      `${actor(d, ['group', 'state'])} withdrew troops from ${pick(d.rng, pick(d.rng, d.cast).towns)}${when(d)}`,
  },
  {
    type: 'RETREAT',
    write: (d) => `${actor(d, ['state'])} released ${between(d.rng, 2, 300)} prisoners${when(d)}`,
  },
  {
    type: 'REQUEST',
    write: (d) => `${actor(d)} urged ${recipient(d)} to return to talks on ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'REQUEST',
    write: (d) => `${actor(d)} called on ${recipient(d)} to allow ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'ACCUSE',
    write: (d) => `${actor(d)} accused ${recipient(d)} of ${pick(d.rng, CHARGES)}${when(d)}`,
  },
  {
    type: 'REJECT',
    write: (d) =>
      `${actor(d)} rejected ${possessive(recipient(d))} proposal for ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'REJECT',
    write: (d) =>
      `${actor(d, ['person'])} declined to meet ${recipient(d, ['person', 'group'])}${when(d)}`,
  },
  {
    type: 'THREATEN',
    write: (d) =>
      `${actor(d)} threatened ${recipient(d)} with new sanctions over ${pick(d.rng, TOPICS)}`,
  },
  {
    type: 'PROTEST',
    write: (d) =>
      `Thousands of ${pick(d.rng, d.cast).demonym} protesters rallied in ${pick(d.rng, d.cast).capital} against ${actor(d, ['state', 'organization'])}${when(d)}`,
  },
  {
    type: 'SANCTION',
    write: (d) =>
      `${actor(d, ['state', 'organization'])} imposed sanctions on ${recipient(d, ['state', 'person'])} over ${pick(d.rng, CHARGES)}`,
  },
  {
    type: 'MOBILIZE',
    write: (d) =>
      `${actor(d, ['state'])} deployed troops to the border with ${recipient(d, ['state'])}${when(d)}`,
  },
  {
    type: 'COERCE',
    write: (d) =>
      `${actor(d, ['state'])} expelled ${possessive(recipient(d, ['state']))} ambassador${when(d)}`,
  },
  {
    type: 'ASSAULT',
    write: (d) =>
      `${actor(d, ['group'])} shelled positions near ${pick(d.rng, pick(d.rng, d.cast).towns)}${when(d)}, killing ${between(d.rng, 2, 40)} people`,
  },
  {
    type: 'ASSAULT',
    write: (d) =>
      `${actor(d, ['state', 'group'])} launched drone strikes on ${recipient(d, ['state'])} targets${when(d)}`,
  },
];

const CLAIMS = [
  'there would be no deal without a lasting ceasefire',
  'the talks had been constructive but difficult',
  'the government was ready to compromise',
  'the country would not accept any preconditions',
  'the proposal deserved serious consideration',
  'more pressure was needed to bring the sides together',
  'the next round could take place within weeks',
  'the sanctions would remain in force until the troops withdrew',
  'a joint meeting would be logical once the results were assessed',
  'there was little reason to expect a breakthrough',
];

const STATEMENTS: ((d: Draft) => string)[] = [
  (d) => `${actor(d, ['person'])} said${when(d)} that ${pick(d.rng, CLAIMS)}`,
  (d) =>
    `“${capitalize(pick(d.rng, CLAIMS))},” ${actor(d, ['person'])} told reporters in ${pick(d.rng, VENUES)}`,
  (d) => `${actor(d, ['person', 'group'])} stressed that ${pick(d.rng, CLAIMS)}`,
  (d) => `${actor(d, ['person'])} warned that ${pick(d.rng, CLAIMS)}`,
];

function eventSentence(d: Draft): string {
  const t = pick(d.rng, EVENTS);
  d.eventTypes.push(t.type);
  const s = capitalize(t.write(d));
  return d.rng() < 0.2 ? `${s}, ${pick(d.rng, MEDIA)} reported.` : `${s}.`;
}

function sentence(d: Draft): string {
  if (d.rng() < 0.3) {
    d.statementCount += 1;
    const s = capitalize(pick(d.rng, STATEMENTS)(d));
    return d.rng() < 0.25 ? `${s}, ${pick(d.rng, MEDIA)} reported.` : `${s}.`;
  }
  return eventSentence(d);
}

const HEADLINE_VERBS: Record<string, string> = {
  CONSULT: 'holds talks with',
  AGREE: 'reaches deal with',
  SUPPORT: 'backs',
  CONCEDE: 'offers concessions to',
  COOPERATE: 'deepens ties with',
  AID: 'pledges aid to',
  RETREAT: 'pulls back from',
  REQUEST: 'presses',
  ACCUSE: 'accuses',
  REJECT: 'rejects proposal from',
  THREATEN: 'warns',
  PROTEST: 'faces protests over',
  SANCTION: 'sanctions',
  MOBILIZE: 'masses troops near',
  COERCE: 'expels envoy of',
  ASSAULT: 'strikes',
};

function one(index: number, rng: Rng, idPrefix: string): SyntheticCase {
  // Publication dates spread over 2024-01-01 .. 2026-06-30.
  const start = Date.UTC(2024, 0, 1);
  const published = new Date(start + between(rng, 0, 911) * 86_400_000);
  const cast: Country[] = [];
  const castSize = between(rng, 2, 4);
  while (cast.length < castSize) {
    const c = pick(rng, COUNTRIES);
    if (!cast.includes(c)) cast.push(c);
  }
  const d: Draft = {
    rng,
    published,
    people: new Map(),
    states: new Set(),
    organizations: new Set(),
    seen: new Set(),
    eventTypes: [],
    statementCount: 0,
    cast,
    lastCountry: undefined,
    lastKey: '',
  };
  const n = between(rng, 6, 12);
  const sentences: string[] = [];
  // The lead sentence is always an event, as in a news report; the headline is built from it.
  sentences.push(eventSentence(d));
  for (let i = 1; i < n; i++) sentences.push(sentence(d));

  const [a, b] = cast;
  const type = d.eventTypes[0] ?? 'CONSULT';
  const title = `${a.name} ${HEADLINE_VERBS[type]} ${b.name} as talks on ${pick(rng, TOPICS)} ${pick(rng, ['stall', 'resume', 'drag on', 'gather pace'])}`;
  const subtitle = `${capitalize(pick(rng, CLAIMS))}, officials said.`;

  const paragraphs: string[] = [];
  let i = 0;
  while (i < sentences.length) {
    const size = between(rng, 2, 4);
    paragraphs.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  paragraphs[0] = `${pick(rng, [...VENUES, ...cast.map((c) => c.capital)]).toUpperCase()} — ${paragraphs[0]}`;

  return {
    id: `${idPrefix}-${String(index + 1).padStart(5, '0')}`,
    title,
    publishedAt: published.toISOString().slice(0, 10),
    text: `${title}\n${subtitle}\n\n${paragraphs.join('\n\n')}\n`,
    people: [...d.people.keys()],
    states: [...d.states],
    organizations: [...d.organizations],
    eventTypes: d.eventTypes,
    statementCount: d.statementCount,
  };
}

/** Reports with what went into them, for benchmarks that want to check coverage. */
export function generateCases(count: number, seed = 1): SyntheticCase[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = mulberry32(seed);
  const out: SyntheticCase[] = [];
  for (let i = 0; i < count; i++) out.push(one(i, rng, `synthetic-${seed}`));
  return out;
}

/** `count` synthetic reports; the same seed always yields the same reports. */
export function generateReports(count: number, seed = 1): SyntheticReport[] {
  return [...syntheticReports(count, seed)];
}

/** The reports of generateReports one at a time, so that a large corpus is never held whole. */
export function* syntheticReports(count: number, seed = 1): Generator<SyntheticReport> {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const { id, title, publishedAt, text } = one(i, rng, `synthetic-${seed}`);
    yield { id, title, publishedAt, text };
  }
}

/** How many distinct invented people the generator can produce. */
export const PERSON_POOL_SIZE = COUNTRIES.reduce((n, c) => n + c.first.length * c.last.length, 0);
