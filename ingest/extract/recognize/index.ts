// Recognize: actor and place mentions, typed by layered evidence — gazetteers (countries,
// capitals, demonyms, organizations, media, leaders, cities), name patterns ("Russian envoy
// Kirill Dmitriev", "Palestinian Islamic Jihad") and context ("in X", "X said").
import {
  GROUP_NOUNS,
  TITLES,
  countryName,
  candidates,
  hasLowercaseSurface,
  shoutingAt,
  writtenAt,
  type GazetteerHit,
} from '../gazetteer/index.ts';
import type { ActorRef, Doc, Entity, Mention, Token } from '../model.ts';
import {
  DATE_WORDS,
  DOCUMENT_NOUNS,
  LOCATIVE,
  NAME_PARTICLES,
  NOT_NAMES,
  THING_HEADS,
  ORG_HEADS,
  REPORTING_VERBS,
} from '../words.ts';
import { dictionary } from '../dictionary.ts';
import { sortInPlace } from '../order.ts';
import { loadGazetteer } from '../../geo/index.ts';
import { cityNamed } from '../../geo/locate.ts';
import { loadEntityModel } from '../../nlp/index.ts';

interface Hit {
  last: number; // token index after the hit
  hit: GazetteerHit;
}

const PRONOUNS: ReadonlyMap<string, Mention['pronoun']> = dictionary({
  he: 'he',
  him: 'he',
  his: 'he',
  she: 'she',
  her: 'she',
  it: 'it',
  its: 'it',
  they: 'they',
  them: 'they',
  their: 'they',
});
const PLACE_NOUNS = new Set([
  'town',
  'city',
  'village',
  'region',
  'province',
  'district',
  'oblast',
  'state',
  'port',
  'capital',
  'camp',
  'island',
  'area',
  'county',
  'municipality',
]);
const REGIONAL = new Set([
  'European',
  'Western',
  'African',
  'Arab',
  'Asian',
  'Latin',
  'Middle',
  'Gulf',
  'Baltic',
  'Nordic',
  'Balkan',
  'Kurdish',
  'Islamist',
  'Jihadist',
]);
const NOT_GROUP_NAMES = new Set([
  'The',
  'A',
  'An',
  'Some',
  'Many',
  'Most',
  'Several',
  'All',
  'Both',
  'Thousands',
  'Hundreds',
  'Tens',
  'Dozens',
  'Other',
  'Senior',
  'Top',
  'Former',
  'Young',
  'Angry',
  'Radical',
  'Recent',
  'Local',
  'Foreign',
  'In',
  'On',
  'At',
  'For',
  'But',
  'And',
  'As',
  'If',
  'When',
  'While',
  'After',
  'Before',
]);
const ORG_NOMINALS = new Set([
  'group',
  'movement',
  'organization',
  'organisation',
  'militia',
  'alliance',
  'bloc',
  'agency',
  'party',
  'faction',
]);
const LANDMARKS = new Set([
  'crossing',
  'border',
  'bridge',
  'airport',
  'base',
  'strait',
  'pass',
  'valley',
  'river',
  'sea',
  'peninsula',
  'dam',
  'plant',
  'checkpoint',
]);
const GENERIC_HEADS = new Set([
  'groups',
  'members',
  'leaders',
  'movements',
  'factions',
  'units',
  'parties',
]);
const APOSTROPHE_S = new Set(["'s", '’s', "'", '’']);

const isCap = (t: Token | undefined): boolean => !!t && t.cap;
const isAcronym = (t: Token | undefined): boolean => !!t && /^[A-Z][A-Z/.-]{1,7}$/.test(t.text);

/** Longest gazetteer entry starting at each token that ends on a token boundary. */
function gazetteerHits(doc: Doc, first: number, last: number): Map<number, Hit> {
  const hits = new Map<number, Hit>();
  const tokens = doc.tokens;
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (!isCap(t) && !hasLowercaseSurface(t.text)) continue;
    // lookup() without its array: the first name written here that ends where a token ends wins.
    // Whether the text shouts here matters only for a name not written as it is (found lazily).
    let shouting: boolean | undefined;
    for (const e of candidates(doc.text, t.start)) {
      const as = doc.text.startsWith(e.surface, t.start);
      if (!as) shouting ??= shoutingAt(doc.text, t.start);
      if (!writtenAt(doc.text, t.start, e.surface, as ? false : (shouting as boolean))) continue;
      // The entry must end where a token ends.
      const offset = t.start + e.surface.length;
      let end = i;
      while (end < last && tokens[end].end < offset) end++;
      if (end >= last || tokens[end].end !== offset) continue;
      end++;
      // Lower-case surfaces ("al-Qaeda") are fine; others must start with a capital in the text.
      if (!isCap(t) && e.surface.charCodeAt(0) < 91) continue;
      hits.set(i, { last: end, hit: e.hit });
      break;
    }
  }
  return hits;
}

// First words of titles, so that most tokens are ruled out with one lookup.
const TITLE_FIRST = new Set(
  [...TITLES.keys()].flatMap((k) => [k.split(' ')[0], k.split(/[ -]/)[0]]),
);

function titleAt(
  tokens: Token[],
  i: number,
  limit: number,
): { title: string; last: number } | null {
  if (i >= limit || !TITLE_FIRST.has(tokens[i].lower)) return null;
  // Up to three-word titles: "Secretary of State", "Vice Foreign Minister".
  let phrase = '';
  let best = 0;
  for (let n = 1; n <= 3 && i + n <= limit; n++) {
    const w = tokens[i + n - 1].lower;
    phrase =
      n === 1 ? w : w === '-' || w === '.' || phrase.endsWith('-') ? phrase + w : `${phrase} ${w}`;
    if (TITLES.get(phrase) !== undefined) best = n;
  }
  if (best) {
    let title = tokens[i].text;
    for (let k = i + 1; k < i + best; k++) title += ` ${tokens[k].text}`;
    return { title, last: i + best };
  }
  return null;
}

const groupNoun = (t: Token | undefined): string | undefined =>
  t ? (GROUP_NOUNS.get(t.lower) ?? GROUP_NOUNS.get(t.lemma)) : undefined;

export function recognize(doc: Doc): void {
  acronyms = new Map();
  thingAcronyms = new Set();
  personWords = new Set();
  // doc.entities come from segmentation: the NLP core tags them along with the parse.
  let e = 0;
  for (const s of doc.sentences) {
    const inSentence: Entity[] = [];
    while (e < doc.entities.length && doc.entities[e].first < s.last)
      inSentence.push(doc.entities[e++]);
    recognizeSentence(doc, s.first, s.last, s.index, inSentence);
  }
  sortInPlace(doc.mentions, (a, b) => a.start - b.start);
}

// The sentence being recognized. Module-level state (not closures) so that the helpers below
// are created once, not once per sentence; recognition is synchronous and never re-entered.
let doc: Doc;
let tokens: Token[] = [];
let first = 0;
let last = 0;
let sentence = 0;
let hits = new Map<number, Hit>();
let taken = new Uint8Array(0);
/** The recognizer's entity covering each token of the sentence, if any. */
let entityOf: (Entity | undefined)[] = [];
/** Acronyms the report introduced: "International Labor Office (ILO)" → the office. */
let acronyms = new Map<string, ActorRef>();
/** Acronyms the report introduced for things: "Tabletop Exercise (TTX)" → no actor. */
let thingAcronyms = new Set<string>();
/** The words of the people named so far (not tentatively), for personNamed. */
let personWords = new Set<string>();
/** The mentions of the sentence being recognized, in the order they were added. */
let sentenceMentions: Mention[] = [];

function recognizeSentence(d: Doc, f: number, l: number, s: number, found: Entity[]): void {
  doc = d;
  tokens = d.tokens;
  first = f;
  last = l;
  sentence = s;
  sentenceMentions = [];
  hits = gazetteerHits(d, f, l);
  taken = new Uint8Array(l - f);
  entityOf = new Array<Entity | undefined>(l - f);
  for (const x of found) for (let i = x.first; i < x.last; i++) entityOf[i - f] = x;

  // 1. Organizations by pattern: a capitalised run ending in an organization word.
  let inEntry = first; // tokens before this lie inside a gazetteer entry ("Human Rights Watch")
  for (let i = first; i < last; i++) {
    const entry = hits.get(i);
    if (entry) inEntry = Math.max(inEntry, entry.last);
    else if (i < inEntry) continue;
    if (
      isTaken(i) ||
      !isCap(tokens[i]) ||
      (NOT_NAMES.has(tokens[i].text) && tokens[i].text !== 'Islamic')
    )
      continue;
    // "Senior Director Juan Gonzalez": a titled person, no organization.
    const titled = titledName(i) ? titleAt(tokens, i, last) : null;
    if (titled) {
      i = nameRun(titled.last) - 1;
      continue;
    }
    let j = i;
    let end = -1;
    let country: string | null = null;
    while (j < last) {
      const t = tokens[j];
      const h = hits.get(j);
      if (h && (h.hit.type === 'demonym' || h.hit.type === 'country')) country ??= h.hit.code;
      // "NSC Senior Director Juan Gonzalez": a titled person ends the run.
      if (titledName(j)) break;
      if (isCap(t) || t.text === '-' || (APOSTROPHE_S.has(t.text) && j > i)) {
        if (ORG_HEADS.get(t.text) !== undefined && j > i && !modifierHead(j)) end = j + 1;
        j++;
      } else if (
        (t.lower === 'of' || t.lower === 'for' || t.lower === 'and') &&
        isCap(tokens[j + 1]) &&
        j > i
      )
        j++;
      else break;
    }
    // A lone organization word names one only with its complement ("Bureau of Consular Affairs").
    if (end < 0 && ORG_HEADS.get(tokens[i].text) !== undefined && complementEnd(i + 1) > i + 1)
      end = i + 1;
    if (end < 0) continue;
    const head = tokens[end - 1].text;
    end = complementEnd(end);
    // "U.S. State Department's Bureau of Consular Affairs": the owner before a possessive is an
    // actor of its own; the organization starts after it.
    let owns = -1;
    for (let k = i + 1; k < end - 1 && owns < 0; k++)
      if (APOSTROPHE_S.has(tokens[k].text)) owns = k;
    if (owns > 0 && (hits.has(i) || ORG_HEADS.get(tokens[owns - 1].text) !== undefined)) {
      i = owns;
      continue;
    }
    const gaz = hits.get(i);
    if (gaz && gaz.last >= end) {
      i = gaz.last - 1; // the gazetteer names the whole run
      continue;
    }
    const sector = ORG_HEADS.get(head) as string;
    const name = doc.text.slice(tokens[i].start, tokens[end - 1].end);
    country ??= ownerCountry(i);
    add(i, end, {
      actor: { kind: 'organization', name, country, sector, media: sector === 'MED' },
    });
    i = end - 1;
  }

  // 2. Gazetteer entries, people with their titles, groups.
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    // "Serbian Workers' Union (SSS)": the acronym names the actor just before it.
    if (t.text === '(' && isAcronym(tokens[i + 1]) && tokens[i + 2]?.text === ')' && i + 2 < last) {
      const named = sentenceMentions.find((m) => m.last === i && m.actor);
      // "Antony Blinken (U.S.)": a country in brackets tells whose the person is; not an alias.
      const state = hits.get(i + 1)?.hit;
      if (named?.actor && (state?.type === 'country' || state?.type === 'demonym')) {
        if (named.actor.kind === 'person') named.actor.country ??= state.code;
        i += 2;
        continue;
      }
      if (named?.actor && !isTaken(i + 1)) {
        acronyms.set(tokens[i + 1].text, named.actor);
        add(i + 1, i + 2, { actor: { ...named.actor } });
        i += 2;
        continue;
      }
    }
    if (isTaken(i) || thingAcronyms.has(t.text)) continue;
    const known = acronyms.get(t.text);
    if (known) {
      add(i, i + 1, { actor: { ...known } });
      continue;
    }
    const ent = entityOf[i - first];
    const thing = ent?.first === i ? thingEnd(ent.last) : -1;
    if (thing > i) {
      i = thing - 1; // no actor or place, not even a country inside it
      continue;
    }
    const h = hits.get(i);
    if (h) {
      i = gazetteerMention(i, h) - 1;
      continue;
    }
    const pronoun = PRONOUNS.get(t.lower);
    if (pronoun && (t.pos === 'PRON' || t.pos === 'DET')) {
      add(i, i + 1, { pronoun });
      continue;
    }
    // Regional adjectives make groups without a country: "European officials".
    if (
      REGIONAL.has(t.text) &&
      groupNoun(tokens[i + 1]) !== undefined &&
      /s$/.test(tokens[i + 1].lower)
    ) {
      add(i, i + 2, {
        actor: {
          kind: 'group',
          name: doc.text.slice(t.start, tokens[i + 1].end),
          country: null,
          sector: groupNoun(tokens[i + 1]) ?? null,
          plural: true,
        },
      });
      i++;
      continue;
    }
    // An unknown people or faith before a group noun: "Shona rebels", "Tamil civilian
    // refugees", "Moslem fundamentalist demonstrators".
    const people = peopleGroup(i);
    if (people > i) {
      i = people - 1;
      continue;
    }
    if (ent && ent.first === i && nameLike(i) && isFree(ent)) {
      // The recognizer's organizations and places, and its people when they hold a known leader
      // or run past what the name rules see ("Joseph R. Biden Jr.").
      const end = entityMention(ent);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    if (nameLike(i)) {
      const j = nameRun(i);
      const thing = j > i ? thingEnd(j) : -1;
      if (thing > i) {
        i = thing - 1;
        continue;
      }
      const person = personInside(i, j);
      if (person > i) {
        i = person - 1;
        continue;
      }
      if (j > i) {
        i = personMention(i, j) - 1;
        continue;
      }
    }
    // "the group said", "the movement rejected": a nominal for the last organization.
    if (
      ORG_NOMINALS.has(t.lower) &&
      prev(i)?.lower === 'the' &&
      (tokens[i + 1]?.pos === 'VERB' || tokens[i + 1]?.pos === 'AUX')
    ) {
      add(i, i + 1, {
        actor: { kind: 'organization', name: t.text, country: null, sector: null, nominal: true },
      });
      continue;
    }
    const spokes = spokespersonAt(i);
    if (spokes) {
      i = spokes - 1;
      continue;
    }
    // A bare title with a determiner or before a verb: a nominal to resolve ("the envoy said").
    const title = titleAt(tokens, i, last);
    if (
      title &&
      (prev(i)?.lower === 'the' || prev(i)?.lower === 'a') &&
      tokens[title.last]?.pos === 'VERB'
    ) {
      add(i, title.last, {
        actor: {
          kind: 'person',
          name: title.title,
          country: null,
          sector: TITLES.get(title.title.toLowerCase()) ?? null,
          title: title.title,
          nominal: true,
        },
      });
      i = title.last - 1;
      continue;
    }
    // Group nouns located by a country: "rebels in the Ivory Coast", "students throughout Indonesia".
    const sector = groupNoun(t);
    if ((sector !== undefined && /s$/.test(t.lower)) || (sector !== undefined && isCap(t))) {
      let k = i + 1;
      // "Opposition groups in Zimbabwe": a generic head after the sector noun.
      if (tokens[k] && GENERIC_HEADS.has(tokens[k].lower)) k++;
      if (
        tokens[k] &&
        (tokens[k].lower === 'in' ||
          tokens[k].lower === 'throughout' ||
          tokens[k].lower === 'of' ||
          tokens[k].lower === 'from')
      ) {
        k++;
        if (tokens[k]?.lower === 'the') k++;
        const ch = hits.get(k);
        if (
          ch &&
          (ch.hit.type === 'country' || ch.hit.type === 'capital' || ch.hit.type === 'metonym')
        ) {
          add(i, ch.last, {
            actor: {
              kind: 'group',
              name: doc.text.slice(t.start, tokens[ch.last - 1].end),
              country: ch.hit.code,
              sector: sector ?? null,
              plural: true,
            },
          });
          i = ch.last - 1;
          continue;
        }
      }
      // Unlocated plural group opening a sentence as the subject of a reporting verb:
      // "Analysts cautioned", "Western diplomats said".
      const next = tokens[i + 1];
      // Also any verb: "Islamic fundamentalists continued their hunger strike".
      const opening =
        i === first ||
        (i === first + 1 &&
          !isTaken(first) &&
          (tokens[first].pos === 'ADJ' || isCap(tokens[first])));
      if (opening && next && (next.pos === 'VERB' || next.pos === 'AUX') && /s$/.test(t.lower)) {
        const a = prev(i)?.pos === 'ADJ' && i - 1 >= first ? i - 1 : i;
        add(a, i + 1, {
          actor: {
            kind: 'group',
            name: doc.text.slice(tokens[a].start, t.end),
            country: null,
            sector,
            plural: true,
          },
        });
      }
    }
  }

  // Dateline: an all-capitals place at the start of a line before a dash ("MIAMI —").
  const t0 = tokens[first];
  if (
    t0 &&
    /^[A-Z]{3,}$/.test(t0.text) &&
    tokens[first + 1]?.text === '—' &&
    !sentenceMentions.some((m) => m.first === first)
  ) {
    placeMention(first, first + 1, null);
  }
}

/**
 * An organization word that qualifies what follows it rather than ending a name: "White House
 * Press Secretary" (it starts a title), "Security Council Press Statement" (a document).
 */
const modifierHead = (j: number): boolean =>
  titleAt(tokens, j, last) !== null || DOCUMENT_NOUNS.has(tokens[j + 1]?.text ?? '');

const isTaken = (i: number): boolean => taken[i - first] === 1;
const take = (a: number, b: number): void => {
  for (let i = a; i < b; i++) taken[i - first] = 1;
};
const add = (
  a: number,
  b: number,
  m: Omit<Mention, 'first' | 'last' | 'start' | 'end' | 'sentence' | 'text'>,
): Mention => {
  const mention: Mention = {
    first: a,
    last: b,
    start: tokens[a].start,
    end: tokens[b - 1].end,
    sentence,
    text: doc.text.slice(tokens[a].start, tokens[b - 1].end),
    ...m,
  };
  doc.mentions.push(mention);
  sentenceMentions.push(mention);
  if (mention.actor?.kind === 'person' && !mention.actor.tentative)
    for (const w of mention.actor.name.split(' ')) personWords.add(w);
  take(a, b);
  return mention;
};
const prev = (i: number): Token | undefined => (i > first ? tokens[i - 1] : undefined);
const afterDet = (i: number): number => (prev(i)?.lower === 'the' ? i - 1 : i);

// Name-like capitalised token: not a gazetteer start, a date, a title or a sentence-initial word.
const nameLike = (i: number): boolean => {
  const t = tokens[i];
  if (!isCap(t) || hits.has(i) || DATE_WORDS.has(t.text) || NOT_NAMES.has(t.text)) return false;
  if (TITLES.get(t.lower) !== undefined || GROUP_NOUNS.get(t.lower) !== undefined) return false;
  if (titleAt(tokens, i, last)) return false; // the start of a title: "Foreign Minister"
  if (t.pos === 'PUNCT' || t.pos === 'NUM') return false;
  if (i === first && t.pos !== 'PROPN') return false;
  return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X';
};
// A run of name tokens, allowing particles (bin, al-) and hyphen joins.
const nameRun = (i: number): number => {
  let j = i;
  while (j < last) {
    if (nameLike(j)) j++;
    else if (j > i && NAME_PARTICLES.has(tokens[j].text)) {
      // Particles, one or a chain ("bin", "de la"), before a name part.
      let k = j;
      while (k < last && NAME_PARTICLES.has(tokens[k].text)) k++;
      if (k < last && (nameLike(k) || tokens[k].text === '-')) j = k;
      else break;
    } else if (
      j > i &&
      tokens[j].text === '-' &&
      tokens[j].start === tokens[j - 1].end &&
      j + 1 < last &&
      isCap(tokens[j + 1]) &&
      !hits.has(j + 1)
    )
      j++;
    else break;
  }
  return j;
};

function peopleGroup(i: number): number {
  const t = tokens[i];
  if (!t.cap || hits.has(i) || (i === first && t.pos !== 'PROPN') || NOT_GROUP_NAMES.has(t.text))
    return i;
  for (let k = i + 1; k < Math.min(last, i + 4); k++) {
    const u = tokens[k];
    const sector = groupNoun(u);
    if (sector !== undefined && /s$/.test(u.lower) && u.pos === 'NOUN') {
      add(i, k + 1, {
        actor: {
          kind: 'group',
          name: doc.text.slice(t.start, u.end),
          country: null,
          sector,
          plural: true,
        },
      });
      return k + 1;
    }
    if (hits.has(k) || (u.pos !== 'ADJ' && u.pos !== 'NOUN')) return i;
  }
  return i;
}

function gazetteerMention(i: number, h: Hit): number {
  const hit = h.hit;
  const before = prev(afterDet(i));
  const locative = !!before && LOCATIVE.has(before.lower);
  switch (hit.type) {
    case 'org': {
      const e = hit.entry;
      add(i, h.last, {
        actor: {
          kind: 'organization',
          name: e.name,
          country: e.country,
          sector: e.sector,
          media: e.kind === 'media',
        },
      });
      return h.last;
    }
    case 'leader': {
      const e = hit.entry;
      // "the Trump administration": the leader's government stands for the state.
      if (e.country && /^(administration|government|cabinet)$/.test(tokens[h.last]?.lower ?? '')) {
        add(i, h.last + 1, {
          actor: {
            kind: 'state',
            name: countryName(e.country),
            country: e.country,
            sector: 'GOV',
          },
        });
        return h.last + 1;
      }
      addLeader(i, h.last, e);
      return h.last;
    }
    case 'city':
      return basedGroup(i, h.last, hit.code) ?? placeMention(i, h.last, hit.code);
    case 'region':
      // "the Indo-Pacific Logistics Network", "North America Unit": part of a name.
      if (isCap(tokens[h.last]) && tokens[h.last].pos !== 'VERB') return i + 1;
      return placeMention(i, h.last, null);
    case 'capital':
    case 'metonym':
      if (locative || (hit.type === 'capital' && tokens[h.last]?.text === '—'))
        return placeMention(i, h.last, hit.code);
      add(i, h.last, {
        actor: { kind: 'state', name: countryName(hit.code), country: hit.code, sector: 'GOV' },
      });
      return h.last;
    case 'country':
    case 'demonym':
      return countryOrDemonym(i, h);
  }
}

/**
 * "Gaza-based militants", "Idlib-based rebels": one mention of a group of the place's state (the
 * place names where they are, not where an event is). Returns the group's end, or null.
 */
function basedGroup(i: number, j: number, country: string): number | null {
  if (tokens[j]?.text !== '-' || tokens[j + 1]?.lower !== 'based' || j + 2 >= last) return null;
  const g = groupHead(j + 2);
  if (!g) return null;
  add(i, g.head + 1, {
    actor: {
      kind: 'group',
      name: doc.text.slice(tokens[i].start, tokens[g.head].end),
      country,
      sector: g.sector,
      plural: true,
    },
  });
  return g.head + 1;
}

function placeMention(i: number, j: number, country: string | null): number {
  const name = doc.text.slice(tokens[i].start, tokens[j - 1].end);
  const pretty = name === name.toUpperCase() ? name.charAt(0) + name.slice(1).toLowerCase() : name;
  let end = j;
  let alias: string | undefined;
  if (tokens[j] && PLACE_NOUNS.has(tokens[j].lower) && tokens[j].pos === 'NOUN') {
    end = j + 1;
    alias = `${pretty} ${tokens[j].lower}`;
  }
  add(i, end, { place: { name: pretty, country, alias } });
  return end;
}

// A country name or demonym: a group ("Ukrainian officials"), a person's prefix
// ("Russian envoy Kirill Dmitriev"), a nominal ("Russian envoy"), or the state itself.
function countryOrDemonym(i: number, h: Hit): number {
  const code = (h.hit as Extract<GazetteerHit, { type: 'country' | 'demonym' }>).code;
  const j = h.last;
  if (h.hit.type === 'demonym' && h.hit.plural) {
    add(i, j, {
      actor: {
        kind: 'group',
        name: doc.text.slice(tokens[i].start, tokens[j - 1].end),
        country: code,
        sector: null,
        plural: true,
      },
    });
    return j;
  }
  // Coordinated demonyms sharing a head noun: "Hungarian and Romanian officials".
  const next = tokens[j];
  if (next?.lower === 'and' && hits.get(j + 1)?.hit.type === 'demonym') {
    const h2 = hits.get(j + 1) as Hit;
    const g = groupHead(h2.last);
    if (g) {
      const name = `${doc.text.slice(tokens[i].start, tokens[h.last - 1].end)} ${tokens[g.head].text}`;
      add(i, h.last, {
        actor: { kind: 'group', name, country: code, sector: g.sector, plural: true },
      });
      return h.last;
    }
  }
  // A title right after: a person (if a name follows) or a nominal.
  // "Egyptian intelligence chief Hassan Rashad": a titled name a few words on takes the prefix.
  for (let k = j; k < Math.min(last, j + 4); k++) {
    const u = tokens[k];
    const tt = titleAt(tokens, k, last);
    if (!tt && (!(u.pos === 'NOUN' || u.pos === 'ADJ' || u.pos === 'PROPN') || hits.has(k))) break;
    if (tt && k > j && (nameLike(tt.last) || hits.get(tt.last)?.hit.type === 'leader')) return j;
  }
  const title = titleAt(tokens, j, last);
  if (title && (h.hit.type === 'demonym' || h.hit.type === 'country')) {
    if (!isTaken(title.last) && nameLike(title.last)) return j; // the person pass takes it with its prefix
    // "U.S. Senator and foreign-policy figure Marco Rubio": a name a few words on.
    for (let k = title.last; k < Math.min(last, title.last + 6); k++) {
      const u = tokens[k];
      if (u.pos === 'VERB' || u.pos === 'AUX' || (u.pos === 'PUNCT' && u.text !== '-')) break;
      if (nameLike(k) || hits.get(k)?.hit.type === 'leader') return j;
    }
    if (hits.get(title.last)?.hit.type === 'leader') return j;
    const sector = TITLES.get(title.title.toLowerCase()) ?? 'GOV';
    if (
      GROUP_NOUNS.get(tokens[title.last - 1].lower) === undefined ||
      (TITLES.get(tokens[title.last - 1].lower) !== undefined &&
        !/s$/.test(tokens[title.last - 1].lower))
    ) {
      add(i, title.last, {
        actor: {
          kind: 'person',
          name: doc.text.slice(tokens[i].start, tokens[title.last - 1].end),
          country: code,
          sector,
          title: title.title,
          nominal: true,
        },
      });
      return title.last;
    }
  }
  const g = groupHead(j);
  if (g) {
    add(i, g.head + 1, {
      actor: {
        kind: 'group',
        name: doc.text.slice(tokens[i].start, tokens[g.head].end),
        country: code,
        sector: g.sector,
        plural: true,
      },
    });
    return g.head + 1;
  }
  // Skip over "Senator and foreign-policy figure" style prefixes: the person pass looks back.
  add(i, j, { actor: { kind: 'state', name: countryName(code), country: code, sector: 'GOV' } });
  return j;
}

// A group noun within two modifiers: "Ukrainian serviceman", "Israeli army bulldozers".
function groupHead(j: number): { head: number; sector: string } | null {
  for (let k = j; k < Math.min(last, j + 3); k++) {
    const t = tokens[k];
    const s = groupNoun(t);
    if (s !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ'))
      return { head: k, sector: s };
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.text === '-') || hits.has(k)) return null;
  }
  return null;
}

// Title and country words before a name: "U.S. Senator and foreign-policy figure Marco Rubio".
/** A known leader over tokens [first, last), with the title written before the name if any. */
function addLeader(
  first: number,
  last: number,
  entry: Extract<GazetteerHit, { type: 'leader' }>['entry'],
): void {
  const p = titlePrefix(first);
  const m = add(first, last, {
    actor: {
      kind: 'person',
      name: entry.name,
      country: entry.country,
      sector: TITLES.get(entry.title.toLowerCase()) ?? 'GOV',
      title: p.title ?? entry.title,
    },
  });
  if (p.from < first) m.prefixFirst = p.from;
}

function titlePrefix(i: number): { from: number; title: string | null; country: string | null } {
  let title: string | null = null;
  let country: string | null = null;
  let from = i;
  for (let k = i - 1; k >= Math.max(first, i - 7); k--) {
    const t = tokens[k];
    if (isTaken(k)) break;
    const tt = titleAt(tokens, k, i);
    if (tt) {
      title = tt.title;
      from = k;
      continue;
    }
    const h = hits.get(k);
    if (h && (h.hit.type === 'demonym' || h.hit.type === 'country') && h.last <= from + 3) {
      country = h.hit.code;
      from = k;
      continue;
    }
    if (APOSTROPHE_S.has(t.text) && hits.get(k - 1)) continue;
    // "Secretary of Finance X", "Under Secretary of State Y": a title's of-phrase.
    if (t.lower === 'of' && k > first && TITLES.get(tokens[k - 1].lower) !== undefined) continue;
    if (
      t.pos === 'ADJ' ||
      t.pos === 'NOUN' ||
      t.pos === 'PROPN' ||
      t.text === '-' ||
      t.lower === 'and'
    )
      continue;
    break;
  }
  return { from, title, country };
}

const isFree = (e: Entity): boolean => {
  for (let k = e.first; k < e.last; k++) if (isTaken(k)) return false;
  return true;
};

/** Is the word part of the name of a person named so far (add() notes their words)? */
const personNamed = (word: string): boolean => personWords.has(word);

/** A mention for an entity of the recognizer; returns its end, or `e.first` to leave it to the rules. */
/**
 * Where a name ending before `end` ends when it names a thing agreed, planned or held, whatever
 * the recognizer or the name rules made of it ("the Abraham Accords", "the Camp David [Accords]",
 * "the Field Training Exercise (FTX)"); -1 for any other name. Notes the thing's acronym.
 */
function thingEnd(end: number): number {
  let k = end;
  if (THING_HEADS.has(tokens[end]?.text ?? '')) k = end + 1;
  else if (!THING_HEADS.has(tokens[end - 1].text)) return -1;
  // Its acronym in brackets names the thing too, there and later in the report.
  if (
    tokens[k]?.text === '(' &&
    isAcronym(tokens[k + 1]) &&
    tokens[k + 2]?.text === ')' &&
    k + 2 < last
  ) {
    thingAcronyms.add(tokens[k + 1].text);
    k += 3;
  }
  return k;
}

/**
 * Where the recognizer's person starts inside a name run after words of plain English that are no
 * given names ("Special Envoy for Economic Recovery Penny Pritzker": "Economic Recovery" ends the
 * title, the person is "Penny Pritzker"); -1 when the run is all the name ("Joe Biden").
 */
function personInside(i: number, j: number): number {
  for (let k = i + 1; k < j; k++) {
    const e = entityOf[k - first];
    if (e?.type !== 'PER' || e.first !== k) continue;
    const { words, given } = loadEntityModel().lexicon;
    for (let w = i; w < k; w++)
      if (!words.has(tokens[w].lower) || given.has(tokens[w].lower)) return -1;
    return k;
  }
  return -1;
}

function entityMention(e: Entity): number {
  let country: string | null = null;
  let leader: Hit | undefined;
  for (let k = e.first; k < e.last; k++) {
    const h = hits.get(k);
    if (!h) continue;
    if (h.hit.type === 'leader') leader ??= h;
    else if (h.hit.type !== 'org' && h.hit.type !== 'city' && h.hit.type !== 'region')
      country ??= h.hit.code;
  }
  // A word the report already uses as a person's name stays a person ("Kushner and Witkoff").
  if (e.type !== 'PER' && e.last - e.first === 1 && personNamed(tokens[e.first].text))
    return e.first;
  if (e.type === 'PER') {
    if (leader && leader.last <= e.last) {
      addLeader(e.first, e.last, (leader.hit as Extract<GazetteerHit, { type: 'leader' }>).entry);
      return e.last;
    }
    // Titles and affiliations the recognizer took into the name ("DHS Secretary Alejandro
    // Mayorkas", "Ashraf Ghani of Afghanistan") are left to titlePrefix and countryAfter.
    let from = e.first;
    while (
      from < e.last - 1 &&
      (titleAt(tokens, from, e.last) || hits.has(from) || isAcronym(tokens[from]))
    )
      from = titleAt(tokens, from, e.last)?.last ?? hits.get(from)?.last ?? from + 1;
    // A title further in ("Treasury Secretary Ann Cole"): the name follows it.
    for (let k = e.last - 2; k > from; k--)
      if (titledName(k)) {
        from = titleAt(tokens, k, e.last)?.last ?? from;
        break;
      }
    let to = from + 1;
    while (to < e.last && tokens[to].lower !== 'of' && tokens[to].text !== '(') to++;
    // "Council President": a title, not a name.
    if (from >= to || !isCap(tokens[from]) || TITLES.get(tokens[to - 1].lower) !== undefined)
      return e.first;
    const j = nameRun(from);
    if (from === e.first && to <= j) return e.first; // the name rules see the same or more
    return personMention(from, Math.max(to, j));
  }
  if (e.type === 'LOC') {
    // A place no gazetteer knows, with no "in/near/from …" before it, may be a person the
    // recognizer mistook ("the arrest of Raman Pratasevich"): the name rules decide.
    const before = prev(afterDet(e.first));
    if (!country && !hits.has(e.first) && !(before && LOCATIVE.has(before.lower))) {
      // Unless GeoNames knows it as a town of note ("to visit Hiroshima", "over Nagasaki").
      const city = cityNamed(
        loadGazetteer(),
        doc.text.slice(tokens[e.first].start, tokens[e.last - 1].end),
        null,
      );
      if (typeof city === 'string') return e.first;
      return placeMention(e.first, e.last, city[1]);
    }
    return placeMention(e.first, e.last, country);
  }
  // "NSC Senior Director Juan Gonzalez": a titled person, which the name rules find.
  for (let k = e.first; k < e.last - 1; k++) if (titledName(k)) return e.first;
  // "Undersecretary of Internal Security Pablo Ortega": a run completing a title's of-phrase is
  // the office, and the person who holds it ends the run; the name rules split the two. (An
  // organization named there by its head word, "President of the European Central Bank", was
  // taken by the first pass already.)
  if (titleComplementBefore(e.first)) return e.first;
  const name = doc.text.slice(tokens[e.first].start, tokens[e.last - 1].end);
  const sector = ORG_HEADS.get(tokens[e.last - 1].text) ?? null;
  add(e.first, e.last, {
    actor: { kind: 'organization', name, country, sector, media: sector === 'MED' },
  });
  return e.last;
}

/** Bodies a spokesperson or official is described by ("a defense ministry spokesman"). */
const UNIT_WORDS = new Set([
  'ministry',
  'department',
  'office',
  'embassy',
  'government',
  'army',
  'military',
  'police',
  'navy',
]);
const SPEAKER_TITLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official']);

/**
 * A speaker described by the body it speaks for, not named: "said a defense ministry
 * spokesman", "a foreign ministry official told reporters". A nominal person with its `unit`,
 * which resolve replaces by that body. Returns the mention's end, or 0.
 */
function spokespersonAt(i: number): number {
  const det = prev(i)?.lower;
  if (det !== 'a' && det !== 'an' && det !== 'the') return 0;
  let k = i;
  let unit = false;
  while (k < Math.min(last, i + 4) && !SPEAKER_TITLES.has(tokens[k].lower)) {
    const t = tokens[k];
    if (isTaken(k) || hits.has(k) || t.cap || !(t.pos === 'NOUN' || t.pos === 'ADJ')) return 0;
    if (UNIT_WORDS.has(t.lower)) unit = true;
    k++;
  }
  if (!unit || k === i || !SPEAKER_TITLES.has(tokens[k]?.lower ?? '')) return 0;
  const before = tokens[i - 2];
  const speaks =
    tokens[k + 1]?.pos === 'VERB' ||
    tokens[k + 1]?.pos === 'AUX' ||
    (i - 2 >= first && REPORTING_VERBS.has(before.lemma) && before.pos === 'VERB');
  if (!speaks) return 0;
  add(i, k + 1, {
    actor: {
      kind: 'person',
      name: doc.text.slice(tokens[i].start, tokens[k].end),
      country: null,
      sector: 'GOV',
      title: tokens[k].text,
      nominal: true,
      unit: doc.text.slice(tokens[i].start, tokens[k - 1].end).toLowerCase(),
    },
  });
  return k + 1;
}

/**
 * The country of the owner written before a possessive that ends at token i: "South Korea’s
 * Defense Ministry", "the U.S. State Department’s Bureau of Consular Affairs".
 */
function ownerCountry(i: number): string | null {
  if (!APOSTROPHE_S.has(tokens[i - 1]?.text ?? '')) return null;
  for (let k = i - 2; k >= Math.max(first, i - 6); k--) {
    const h = hits.get(k);
    if (h?.last === i - 1) {
      if (h.hit.type === 'org') return h.hit.entry.country;
      if (h.hit.type === 'region' || h.hit.type === 'leader') return null;
      return h.hit.code;
    }
    const m = sentenceMentions.find((x) => x.last === i - 1 && x.first === k && x.actor);
    if (m) return m.actor?.country ?? null;
  }
  return null;
}

/**
 * The end of an organization word's complement: "International Organization | for Migration",
 * "UN Office | for the Coordination of Humanitarian Affairs", "Commission | on the Status of
 * Women". Capitalised words after of/for/on (and an optional "the"); a date ("on Monday") or a
 * country ("Ministry of Defense | of Japan") is not part of the name.
 */
function complementEnd(end: number): number {
  let to = end;
  let k = end;
  while (k < last && /^(?:of|for|on)$/.test(tokens[k].lower)) {
    let m = k + 1;
    if (tokens[m]?.lower === 'the') m++;
    const start = m;
    while (
      m < last &&
      isCap(tokens[m]) &&
      !DATE_WORDS.has(tokens[m].text) &&
      hits.get(m)?.hit.type !== 'country' &&
      hits.get(m)?.hit.type !== 'leader' &&
      !titledName(m)
    )
      m++;
    if (m === start) break;
    to = k = m;
  }
  return to;
}

/** A title with a name after it starts at k: "… Security | Assistant Secretary David Shahoulian". */
function titledName(k: number): boolean {
  const tt = titleAt(tokens, k, last);
  return !!tt && nameLike(tt.last);
}

/**
 * "Undersecretary of Public Security Ricardo Mejia", "Chief of the Secretariat of Foreign
 * Affairs Roberto Velasco", "Commissioner for Internal Security Pablo Ortega": the run at i
 * completes a title's "of" or "for" phrase.
 */
/** Titles whose "for" names the body spoken for, not an office held. */
const SPEAKS_FOR = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'representative',
  'advocate',
  'lawyer',
  'attorney',
]);

function titleComplementBefore(i: number): boolean {
  const by = prev(i)?.lower;
  if (by !== 'of' && by !== 'for') return false;
  for (let k = i - 2; k >= Math.max(first, i - 9); k--) {
    // "a spokesman for Médecins Sans Frontières": one speaks for a body, which holds no one.
    if (titleAt(tokens, k, i)) return by === 'of' || !SPEAKS_FOR.has(tokens[k].lower);
    const t = tokens[k];
    if (!(isCap(t) || t.lower === 'of' || t.lower === 'the')) return false;
  }
  return false;
}

/** The start of the name that ends a run [i, j): its last capitalised word, particles and one more. */
function lastNameStart(i: number, j: number): number {
  let k = j - 1;
  while (k > i && (NAME_PARTICLES.has(tokens[k - 1].text) || tokens[k - 1].text === '-')) k--;
  return k > i && isCap(tokens[k - 1]) ? k - 1 : k;
}

/** "Ashraf Ghani of Afghanistan", "Sven Jürgenson (Estonia)": the country right after a name. */
function countryAfter(j: number): string | null {
  const t = tokens[j];
  if (!t || (t.lower !== 'of' && t.text !== '(') || j + 1 >= last) return null;
  const h = hits.get(j + 1);
  if (!h || h.hit.type !== 'country') return null;
  return t.text === '(' && tokens[h.last]?.text !== ')' ? null : h.hit.code;
}

/** A person over the name run [i, j); `titled` when an office was named before it. */
function personMention(i: number, j: number, titled = false): number {
  const first2 = tokens[i];
  const before = prev(i);
  // "Press Statement", "Joint Readout": a document's name, no one's.
  if (DOCUMENT_NOUNS.has(tokens[j - 1].text)) return j;
  // "Secretary of Finance Ramirez de la O": the name is the run's last words, after the office.
  if (j - i > 2 && titleComplementBefore(i)) {
    const name = lastNameStart(i, j);
    // A name ends the phrase or the recognizer reads it as a person's; "… Foreign Relations
    // North | America Unit" is neither.
    const ends = j >= last || !isCap(tokens[j]);
    if (name > i && (ends || entityOf[name - first]?.type === 'PER'))
      return personMention(name, j, true);
  }
  // "Strategic Affairs Minister Ron Dermer": the run qualifies a title, the person follows.
  const title = titleAt(tokens, j, last);
  if (title && nameLike(title.last)) return j;
  // An unknown run after "in/near" is a place.
  const det = afterDet(i);
  const pre = prev(det);
  if (pre && LOCATIVE.has(pre.lower) && pre.lower !== 'to' && pre.lower !== 'from')
    return placeMention(i, j, null);
  if (pre?.lower === 'of' && PLACE_NOUNS.has(tokens[det - 2]?.lower ?? ''))
    return placeMention(i, j, null);
  if (before && PLACE_NOUNS.has(tokens[j]?.lower ?? '') && before.lower === 'the')
    return placeMention(i, j, null);
  // "the Torkham crossing": a lone name after an article modifies a thing; people take no article.
  if (j - i === 1 && (before?.lower === 'the' || before?.lower === 'a')) {
    const next = tokens[j];
    if (next && (next.pos === 'NOUN' || /ing$/.test(next.lower)) && !GROUP_NOUNS.get(next.lower)) {
      return PLACE_NOUNS.has(next.lower) || LANDMARKS.has(next.lower)
        ? placeMention(i, j, null)
        : j;
    }
  }
  const p = titlePrefix(i);
  const after = countryAfter(j);
  p.country ??= after;
  // A run the recognizer does not call a name ("Joint Statement", "Energy Sector") stays only
  // if a name the recognizer supports elsewhere in the report matches it.
  let supported = false;
  for (let k = i; k < j; k++) if (entityOf[k - first]) supported = true;
  const followedByVerb =
    tokens[j]?.pos === 'VERB' ||
    tokens[j]?.pos === 'AUX' ||
    APOSTROPHE_S.has(tokens[j]?.text ?? '');
  if (
    j - i === 1 &&
    !p.title &&
    !followedByVerb &&
    before?.lower !== 'with' &&
    before?.lower !== 'by' &&
    tokens[j]?.lower !== 'and'
  ) {
    // A lone capitalised word with no cue: keep it as a possible surname for resolve.
    add(i, j, {
      actor: {
        kind: 'person',
        name: first2.text,
        country: p.country,
        sector: null,
        title: null,
        tentative: true,
      },
    });
    return j;
  }
  const name = doc.text.slice(tokens[i].start, tokens[j - 1].end);
  const m = add(i, j, {
    actor: {
      kind: 'person',
      name,
      country: p.country,
      sector: p.title ? (TITLES.get(p.title.toLowerCase()) ?? 'GOV') : null,
      title: p.title,
      ...(supported || p.title || after || titled ? {} : { tentative: true }),
    },
  });
  if (p.from < i) m.prefixFirst = p.from;
  return j;
}
