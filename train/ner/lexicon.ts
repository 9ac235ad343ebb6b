// Writes the entity recognizer's lexicon (ingest/nlp/entity-lexicon.ts) from today's gazetteers:
// names and their kinds, title words, GeoNames cities. Not part of `npm run train`: the lexicon
// is a training input kept still, so that retraining reproduces the shipped weights. Run it on
// purpose, then retrain (`npm run train -- entities`) and measure:
//   npx tsx train/ner/lexicon.ts
import { execFileSync } from 'node:child_process';
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
  const titles = [...Object.keys(TITLES), ...Object.getOwnPropertyNames(Object.prototype)]
    .filter((k) => TITLES[k] !== undefined && !k.includes(' '))
    .sort();
  const cities = [...loadGazetteer().cities.keys()].sort();
  return { source, names, titles: [...new Set(titles)], cities };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const lexicon = writeLexicon(
    lexiconFromGazetteers(
      `ingest/extract/gazetteer and ingest/geo/data/places.json at ${commit} (train/ner/lexicon.ts)`,
    ),
  );
  console.log(`${LEXICON_FILE}: sha256 ${lexicon.hash}`);
}
