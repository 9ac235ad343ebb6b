// The Extractor: what turns a report into an Extraction, named and versioned. Callers (ingest,
// `parley extract`, POST /api/documents) take one as a parameter, so that another extractor —
// a later model, an LLM-backed one — plugs in without touching them. Its id and version are part
// of a revision's content hash: the same report re-extracted by a new version is a new revision.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { modelPath } from '../nlp/models.ts';
import { extract } from './index.ts';
import type { Extraction, ReportMeta } from './types.ts';

export interface Extractor {
  /** Stable name of the extractor ("parley"). */
  id: string;
  /** Changes whenever the same text may be extracted differently. */
  version: string;
  extract(text: string, meta: ReportMeta): Extraction;
}

/** Bump when the extraction code changes its output; the models' own digests are added below.
 * 3: extraction runs on the NLP core (tokens, tags and the dependency parse from ingest/nlp).
 * 4: event nouns with their own arguments, first-person demands, subject-pronoun speakers, groups
 *    named by a plural mention.
 * 5: government departments are organizations; Gaza and the West Bank are places; "X-based"
 *    groups; an organization word before a title or a document ends no name.
 * 6: titled people inside runs of capitals and in coordination ("DHS Secretary A, and Under
 *    Secretary of State B traveled").
 * 7: a list of actors closed by ", and" stays one list; particle chains in names ("de la").
 * 8: continents and world regions are places.
 * 9: a one-word name refers to the person last named in full before it.
 * 10: advice to one's own people is no REQUEST; a subject "They" continues a subject of any
 *     kind it may stand for.
 * 11: ", and X’s decision …" after a list of actors opens a clause again (7 had joined it).
 * 12: a dash that ends or opens a word is a token of its own (datelines "HANOI— …").
 * 13: speakers described by their body ("said a defense ministry spokesman"); an organization
 *     after a possessive is its owner's ("South Korea’s Defense Ministry").
 * 14: an event noun's "of" is its patient after a possessor ("Russia’s invasion of Ukraine");
 *     the possessor of a signing is the agent of what it signs; "provided an opportunity" is no AID.
 * 15: an organization named by its last words is the one named in full ("Islamic Jihad"); a
 *     preposition the parser hung on a modifier still marks its phrase.
 * 16: people listed with others of one country belong to it ("met with President A, B and
 *     the Egyptian officials"), before the home-state default.
 * 17: a "where" clause attached as an adverbial clause is an event of its own; a name in
 *     apposition with a preposition of its own is an event noun's argument ("a call between
 *     President X and Y"), as is the phrase after an event noun parsed as a compound ("strikes
 *     against X positions").
 * 18: "announced"/"urged" with a noun-phrase object are statements of their subject (past
 *     auxiliaries: "has announced"), not inside another speaker's complement.
 * 19: the parser's feature cutoff k = 2 (its model card); people listed on the surface
 *     ("President A, Foreign Secretary B, and Peruvian Minister C") are one list for their
 *     country whatever the parse made of the commas.
 * 21: lists of people joined by `list` as well as `conj`, with lower-case title words ("Secretary
 *     of Finance"), closed by ", as well as … X officials", opened by a group's title ("X Navy
 *     Rear Admiral …") or by the group that "included" them.
 * 22: an organization the gazetteer does not know is of the place it is "in"; a person takes the
 *     country of the organization they are introduced with ("X from the Y Institute", "the
 *     BBC's correspondent, X").
 * 23: organizations the gazetteer does not know take the report's state, as people do; the
 *     targets of its designations and sanctions take neither.
 * 24: a word that names a built-in member of JavaScript objects ("constructor", "toString") is
 *     a token (the tokenizer's table of fused words dropped it).
 * 25: the same words find nothing in the lexicons and gazetteers (they made extraction throw or
 *     found a group: "a constructor deal", "Chinese constructor officials").
 * 26: a subject "they" continues the nearest plural subject of an asserted clause (a pair, a
 *     meeting's two sides, a group, state or organization), past singular ones.
 * 27: what a "they" that stands for a pair said is a statement by each of them.
 * 28: organizations of multinational scope ("Shanghai Cooperation Organisation", "Islamic
 *     Development Bank") take no home state.
 * 29: the target of any sanction verb of the event lexicon ("blacklisted X") takes no home state.
 * 30: after an issuer's "We …" sentence naming several others, "they" stays open, not the last.
 * 31: a recognizer organization completing a title's of/for-phrase ("Commissioner for Internal
 *     Security Pablo Ortega") is left to the name rules, which split the office from the person.
 * 32: past forms of strong verbs the treebank lacks take their lemma ("froze" → freeze).
 * 33: a container noun is the event it holds ("a package of sanctions", "an aid package"), and
 *     strikes launched or carried out are attacks, not labour strikes.
 * 34: a threat that is posed is an assessment, not an event; an issued warning is a threat.
 * 35: labour strikes stay labour strikes whatever they are against; a warning is a threat only
 *     when given to a party; "a spokesman for X" keeps the body X whole. */
const CODE_VERSION = '35';

function digest(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
  } catch {
    return 'missing'; // extract() then fails with the error that names the file
  }
}

/** Every model extract() reads: a retrained one may extract the same text differently. */
export const EXTRACTION_MODELS = ['tagger', 'parser', 'entities'] as const;

/** Parley's own extractor: the trained NLP core and the stages of ingest/extract/. */
export const parleyExtractor: Extractor = {
  id: 'parley',
  version: `${CODE_VERSION}+${EXTRACTION_MODELS.map((m) => `${m}.${digest(modelPath(m))}`).join('.')}`,
  extract,
};

/** "parley@3+tagger.…parser.…entities.3f2a…": how a revision records what extracted it. */
export function extractorLabel(e: Pick<Extractor, 'id' | 'version'>): string {
  return `${e.id}@${e.version}`;
}
