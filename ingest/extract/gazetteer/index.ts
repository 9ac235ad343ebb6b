// Lookup over all gazetteers: a surface form found at a token start tells what it names.
import countriesData from './data/countries.json' with { type: 'json' };
import {
  CITIES,
  COUNTRY_EXTRAS,
  REGIONS,
  LEADERS,
  MEDIA,
  ORGANIZATIONS,
  STATE_METONYMS,
  type LeaderEntry,
  type OrgEntry,
} from './curated.ts';

/** A country as data/countries.json has it (written by build.ts). */
export interface CountryRecord {
  code: string;
  name: string;
  names: string[];
  capitals: string[];
  demonyms: string[];
  /** UN members win when two territories share a name or demonym ("American"). */
  unMember: boolean;
}

export type GazetteerHit =
  | { type: 'country'; code: string }
  | { type: 'capital'; code: string }
  | { type: 'demonym'; code: string; plural: boolean }
  | { type: 'metonym'; code: string }
  | { type: 'org'; entry: OrgEntry }
  | { type: 'leader'; entry: LeaderEntry }
  | { type: 'city'; code: string }
  | { type: 'region' };

export interface Entry {
  surface: string;
  hit: GazetteerHit;
}

export const COUNTRIES: CountryRecord[] = countriesData as CountryRecord[];
const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryName(code: string): string {
  return byCode.get(code)?.name ?? code;
}

const index = new Map<string, Entry[]>();
// Two characters, so that short names ("US", "EU") share the key of longer text.
const key = (s: string): string => s.slice(0, 2).toLowerCase();

function add(surface: string, hit: GazetteerHit): void {
  const list = index.get(key(surface)) ?? [];
  // The first entry for a surface and kind wins: curated names, then UN members.
  if (list.some((e) => e.surface === surface && e.hit.type === hit.type)) return;
  list.push({ surface, hit });
  index.set(key(surface), list);
}

function addDemonym(d: string, code: string): void {
  add(d, { type: 'demonym', code, plural: false });
  if (!/[sh]$/.test(d) && !d.includes('.')) add(d + 's', { type: 'demonym', code, plural: true });
}

for (const [code, extra] of Object.entries(COUNTRY_EXTRAS)) {
  for (const n of extra.names ?? []) add(n, { type: 'country', code });
  for (const d of extra.demonyms ?? []) addDemonym(d, code);
}
for (const c of [...COUNTRIES].sort((a, b) => Number(b.unMember) - Number(a.unMember))) {
  for (const n of c.names) add(n, { type: 'country', code: c.code });
  for (const k of c.capitals) add(k, { type: 'capital', code: c.code });
  for (const d of c.demonyms) addDemonym(d, c.code);
}
for (const [name, code] of STATE_METONYMS) add(name, { type: 'metonym', code });
for (const e of [...ORGANIZATIONS, ...MEDIA])
  for (const n of [e.name, ...e.aliases]) add(n, { type: 'org', entry: e });
for (const e of LEADERS)
  for (const n of [e.name, ...e.aliases]) add(n, { type: 'leader', entry: e });
for (const [name, code] of CITIES) add(name, { type: 'city', code });
for (const name of REGIONS) add(name, { type: 'region' });
const lowerKeys = new Set<string>();
const lowerFirst = new Set<number>();
for (const [k, list] of index) {
  for (const e of list) {
    if (!/^[a-z]/.test(e.surface)) continue;
    lowerKeys.add(k);
    lowerFirst.add(e.surface.charCodeAt(0));
  }
}
// Longest surface first so "United States of America" beats "United States".
const RANK: Record<GazetteerHit['type'], number> = {
  org: 0,
  leader: 1,
  country: 2,
  metonym: 3,
  capital: 4,
  city: 5,
  region: 6,
  demonym: 7,
};
// Longest first; on a tie the name of a thing beats a demonym ("Philippines").
for (const list of index.values())
  list.sort((a, b) => b.surface.length - a.surface.length || RANK[a.hit.type] - RANK[b.hit.type]);

/**
 * Names grouped by their first two letters (lower-cased), in the order a matcher tries them, with
 * each group split again by its third letter: a capitalised word then tries the few names that
 * can be written at it instead of its whole group ("Sa…" holds hundreds). A name is in the split
 * of every third letter it may be written with (its own, and its capitals' where the text
 * shouts) and names of two letters are in all of them, so a matcher that tries candidates() in
 * order finds what it would find trying the whole group.
 */
export function nameIndex<T extends { surface: string }>(
  groups: ReadonlyMap<string, readonly T[]>,
): (text: string, start: number) => readonly T[] {
  const split = new Map<string, { short: T[]; byThird: Map<string, T[]> }>();
  for (const [key, list] of groups) {
    const thirds = (e: T) =>
      e.surface.length < 3
        ? []
        : [e.surface[2].toLowerCase(), (e.surface.toUpperCase()[2] ?? '').toLowerCase()];
    const letters = new Set(list.flatMap(thirds));
    const byThird = new Map<string, T[]>();
    for (const c of letters)
      byThird.set(
        c,
        list.filter((e) => e.surface.length < 3 || thirds(e).includes(c)),
      );
    split.set(key, { short: list.filter((e) => e.surface.length < 3), byThird });
  }
  return (text, start) => {
    const group = split.get(key(text.slice(start, start + 2)));
    if (!group) return [];
    return group.byThird.get(text.charAt(start + 2).toLowerCase()) ?? group.short;
  };
}

/** The names that may be written at `start`, in the order lookup() tries them. */
export const candidates = nameIndex(index);

/** Every name of every gazetteer, in the order lookup() tries them: by their first two letters,
 * longest first (the entity recognizer's lexicon is written from these, train/ner/lexicon.ts). */
export function allEntries(): Entry[] {
  return [...index.values()].flat();
}

/** Whether any surface under this key starts with a lower-case letter ("al-Qaeda"). */
export function hasLowercaseSurface(token: string): boolean {
  // Few surfaces start in lower case ("al-Qaeda"): rule most tokens out by their first letter.
  return lowerFirst.has(token.charCodeAt(0)) && lowerKeys.has(key(token));
}

const isUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

/** Whether text at `start` is written in capitals ("MIAMI —"), where any name may match. */
export const shoutingAt = (text: string, start: number): boolean =>
  isUpper(text.slice(start, start + 2));

/** Whether `surface` is written at `start` and ends on a word boundary; in capitals too where
 * the text shouts (and the name is longer than three letters). */
export function writtenAt(
  text: string,
  start: number,
  surface: string,
  shouting: boolean,
): boolean {
  const n = surface.length;
  if (
    !text.startsWith(surface, start) &&
    !(shouting && n > 3 && text.startsWith(surface.toUpperCase(), start))
  )
    return false;
  const next = text.charCodeAt(start + n);
  return Number.isNaN(next) || !/[A-Za-z0-9]/.test(String.fromCharCode(next));
}

/**
 * Gazetteer entries that match the text at `start`, longest first. Matching is case-sensitive,
 * except that an all-capitals stretch (headlines, datelines: "MIAMI —") matches any entry.
 */
export function lookup(text: string, start: number): Entry[] {
  const list = candidates(text, start);
  if (!list.length) return [];
  const shouting = shoutingAt(text, start);
  return list.filter((e) => writtenAt(text, start, e.surface, shouting));
}

export { TITLES, GROUP_NOUNS, LEADERS } from './curated.ts';
export type { OrgEntry, LeaderEntry } from './curated.ts';
