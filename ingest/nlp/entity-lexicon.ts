// The entity recognizer's dictionaries, frozen: what its gazetteer, title and city features read
// (ingest/nlp/models/entities/lexicon.json.gz, committed beside the weights). The extraction's
// gazetteers keep changing; if the recognizer read them live, every edit would change the
// features the shipped weights were trained on and `npm run train` would no longer reproduce
// them. train/ner/lexicon.ts writes this file from the gazetteers, as a deliberate step before
// retraining; the weights record its hash, and loading them with another lexicon is an error.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import { nameIndex, shoutingAt, writtenAt } from '../extract/gazetteer/index.ts';
import { foldName } from '../geo/fold.ts';
import { ModelFileError } from './model-file.ts';

/** What a gazetteer name is, as the feature reads it. */
export const LEXICON_KINDS = { place: 1, demonym: 2, org: 3, leader: 4 } as const;
export type LexiconKind = (typeof LEXICON_KINDS)[keyof typeof LEXICON_KINDS];

/** The file's contents: plain data, in the order the matcher tries the names. */
export interface LexiconData {
  /** Where the names came from (commit, command): shown by the model card, not read. */
  source: string;
  /** [surface, kind], grouped by the surface's first two letters (lower-cased), longest first. */
  names: [string, LexiconKind][];
  /** Single words that are titles ("president", "minister"), lower-cased. */
  titles: string[];
  /** Folded names (ingest/geo/fold.ts) of the GeoNames cities of 15,000 people or more. */
  cities: string[];
  /** Lower-case English words (SCOWL, train/ner/lexicon.ts): a capitalised word that is none of
   * them is likely a name ("Seagal said"), one that is may well not be ("Cinema had changed"). */
  words?: string[];
  /** Lower-case given names (Moby via stdlib, public domain; train/ner/lexicon.ts): a word that
   * is one before a capitalised word likely starts a person's name ("Pablo Ortega"). */
  given?: string[];
}

export interface EntityLexicon {
  /** sha256 of the file's JSON text: the weights record the lexicon they were trained with. */
  hash: string;
  byKey: Map<string, { surface: string; kind: LexiconKind }[]>;
  /** The names of byKey that can be written at an offset, in order (see nameIndex). */
  candidates: (text: string, start: number) => readonly { surface: string; kind: LexiconKind }[];
  /** The first code units of the names that start in lower case ("al-Qaeda"): a word starting
   * with any other lower-case letter names nothing (matching is case-sensitive). */
  lowerInitials: ReadonlySet<number>;
  titles: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  words: ReadonlySet<string>;
  given: ReadonlySet<string>;
  /** Whether a capitalised name is a city, remembered: names repeat, folding is slow. */
  cityCache: Map<string, boolean>;
}

export const LEXICON_FILE = resolve(import.meta.dirname, 'models/entities/lexicon.json.gz');

// Two characters, so that short names ("US", "EU") share the key of longer text.
const keyOf = (s: string): string => s.slice(0, 2).toLowerCase();

export function createLexicon(json: string): EntityLexicon {
  const data = JSON.parse(json) as LexiconData;
  const byKey = new Map<string, { surface: string; kind: LexiconKind }[]>();
  for (const [surface, kind] of data.names) {
    const list = byKey.get(keyOf(surface)) ?? [];
    list.push({ surface, kind });
    byKey.set(keyOf(surface), list);
  }
  return {
    hash: createHash('sha256').update(json).digest('hex'),
    byKey,
    candidates: nameIndex(byKey),
    lowerInitials: new Set(
      data.names.map(([surface]) => surface.charCodeAt(0)).filter((c) => c >= 97 && c <= 122),
    ),
    titles: new Set(data.titles),
    cities: new Set(data.cities),
    words: new Set(data.words),
    given: new Set(data.given),
    cityCache: new Map(),
  };
}

export function readLexicon(file = LEXICON_FILE): EntityLexicon {
  let json: string;
  try {
    json = gunzipSync(readFileSync(file)).toString('utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ModelFileError(file, missing ? 'is missing' : 'is corrupt (not gzip)');
  }
  try {
    return createLexicon(json);
  } catch {
    throw new ModelFileError(file, 'is corrupt (not JSON)');
  }
}

/** Writes the file (sorted, deterministic bytes); returns the lexicon it holds. */
export function writeLexicon(data: LexiconData, file = LEXICON_FILE): EntityLexicon {
  const json = JSON.stringify(data);
  writeFileSync(file, gzipSync(json, { level: constants.Z_BEST_COMPRESSION }));
  return createLexicon(json);
}

/**
 * The first name that matches the text at `start` (longest first) and ends on a word boundary.
 * Matching is case-sensitive, except that an all-capitals stretch ("MIAMI —") matches any name
 * longer than three letters; as the gazetteers' own lookup does.
 */
export function matchName(
  lexicon: EntityLexicon,
  text: string,
  start: number,
): { surface: string; kind: LexiconKind } | undefined {
  const list = lexicon.candidates(text, start);
  if (!list.length) return undefined;
  const shouting = shoutingAt(text, start);
  return list.find((e) => writtenAt(text, start, e.surface, shouting));
}

/** Whether a name (one to three words joined by spaces) is a city of the lexicon. */
export function isCity(lexicon: EntityLexicon, name: string): boolean {
  let known = lexicon.cityCache.get(name);
  if (known === undefined) {
    if (lexicon.cityCache.size >= 100_000) lexicon.cityCache.clear();
    known = lexicon.cities.has(foldName(name));
    lexicon.cityCache.set(name, known);
  }
  return known;
}
