// The corpora the NLP models are trained on: where each comes from, the exact commit, its
// licence, and which files make the splits. fetch-corpora.ts reads this; so do the model cards.

export interface Corpus {
  name: string;
  repository: string;
  commit: string;
  licence: string;
  attribution: string;
  /** split → files in the repository, concatenated in this order. */
  splits: Record<'train' | 'dev' | 'test', string>;
  /** When a released split file is too large for a mirror, it is rebuilt from these lists. */
  sources?: { lists: string; dir: string };
  /**
   * Only the documents whose names match are used (a treebank whose licence differs by
   * document); the splits are then always rebuilt from `sources`.
   */
  documents?: RegExp;
}

export const UD_ENGLISH_EWT: Corpus = {
  name: 'UD_English-EWT',
  repository: 'https://github.com/UniversalDependencies/UD_English-EWT',
  commit: '15d613d8447b3478787d4c278730a1e48a945efb', // UD release 2.16 (2025-05-10)
  licence: 'CC BY-SA 4.0',
  attribution:
    'Universal Dependencies English Web Treebank (Silveira et al. 2014; Linguistic Data Consortium ' +
    'English Web Treebank, LDC2012T13), maintained by the UD English-EWT team; CC BY-SA 4.0.',
  splits: {
    train: 'en_ewt-ud-train.conllu',
    dev: 'en_ewt-ud-dev.conllu',
    test: 'en_ewt-ud-test.conllu',
  },
  sources: { lists: 'not-to-release/file-lists/files.', dir: 'not-to-release/sources/' },
};

/**
 * UD English-GUM, only the documents whose texts are CC BY or public domain. GUM as a whole is
 * CC BY-NC-SA 4.0, but its README states which sources are openly licensed: Wikimedia texts
 * (Wikinews news and interviews, Wikipedia biographies, Wikivoyage), OpenStax textbooks, YouTube
 * Creative Commons vlogs, political speeches (public domain) and the Santa Barbara Corpus
 * conversations (CC BY). wikiHow and fiction (NC-SA) and the genres whose licence the README does
 * not state (academic, court, essay, letter, podcast) are left out.
 */
export const UD_ENGLISH_GUM: Corpus = {
  name: 'UD_English-GUM',
  repository: 'https://github.com/UniversalDependencies/UD_English-GUM',
  commit: 'afb41ee9bca57991125814fa04d96a0e61470c8b', // UD release 2.16 (2025-05-10)
  licence:
    'CC BY 4.0 / CC BY-SA / public domain for the documents used (GUM as a whole: CC BY-NC-SA 4.0)',
  attribution:
    'Georgetown University Multilayer corpus (Zeldes 2017, "The GUM Corpus: Creating Multilayer ' +
    'Resources in the Classroom"), UD conversion by Peng and Zeldes; documents from Wikinews, ' +
    'Wikipedia and Wikivoyage (CC BY), OpenStax (CC BY), YouTube CC vlogs, public-domain ' +
    'speeches and the Santa Barbara Corpus of Spoken American English (CC BY, J. Du Bois, UCSB).',
  splits: {
    train: 'en_gum-ud-train.conllu',
    dev: 'en_gum-ud-dev.conllu',
    test: 'en_gum-ud-test.conllu',
  },
  sources: { lists: 'not-to-release/file-lists/files.', dir: 'not-to-release/sources/' },
  documents: /^GUM_(news|interview|bio|voyage|textbook|vlog|speech|conversation)_/,
};
