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
