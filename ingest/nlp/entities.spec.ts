import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  AFTER_O_SLOTS,
  ENTITY_TAGS,
  OWN_SLOTS,
  bilouIds,
  entitySpans,
  sentenceFeatures,
  tagDocumentEntities,
  tagEntities,
  tagIds as tagEntityIds,
} from './entities.ts';
import { segment } from './index.ts';
import { ModelFileError } from './model-file.ts';
import { LEXICON_FILE, LEXICON_KINDS, writeLexicon, type LexiconData } from './entity-lexicon.ts';
import { entitiesMeta, loadEntities, loadTagger, saveEntities } from './models.ts';
import { tagIds } from './tagger.ts';
import { tokenize } from './tokenize.ts';

const model = loadEntities();
const found = (text: string) =>
  tagEntities(model, tokenize(text)).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);

describe('entity recognizer', () => {
  it('reads BIO and BILOU sequences into spans, and BIO into BILOU', () => {
    expect(entitySpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG'])).toEqual([
      { type: 'PER', first: 0, last: 2 },
      { type: 'LOC', first: 3, last: 4 },
      { type: 'LOC', first: 4, last: 5 },
      { type: 'ORG', first: 5, last: 6 },
    ]);
    expect(bilouIds(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC']).map((t) => ENTITY_TAGS[t])).toEqual([
      'B-PER',
      'I-PER',
      'L-PER',
      'O',
      'U-LOC',
    ]);
  });

  it('finds people, organizations and places in news sentences, with offsets', () => {
    expect(found('Angela Merkel met Chinese officials in Brussels on Monday.')).toEqual([
      'PER:Angela Merkel',
      'LOC:Brussels',
    ]);
    expect(found('Officials from the World Health Organization visited Kenya.')).toEqual([
      'ORG:World Health Organization',
      'LOC:Kenya',
    ]);
  });

  it('reads a capitalised word that is no English word as a name, and one that is as a word', () => {
    // Surnames the training data never had, where a report names someone the second time.
    expect(found('Halvorsen, who chairs the committee, declined to comment.')).toEqual([
      'PER:Halvorsen',
    ]);
    expect(found('Mwangaza said the talks would resume on Monday.')).toEqual(['PER:Mwangaza']);
    expect(found('Ndlovu told reporters the ceasefire was holding.')).toEqual(['PER:Ndlovu']);
    expect(found('Sulphur is a key plant nutrient.')).toEqual([]);
  });

  it('starts a person at a given name after a run of office words', () => {
    expect(
      found('Undersecretary of Internal Security Pablo Ortega met the delegation on Monday.'),
    ).toEqual(['PER:Pablo Ortega']);
  });

  it('reads a title-case headline with the capitals the report confirms, not as one name', () => {
    const text =
      'Prime Minister Modi Announces Sweeping New Trade Pact With Japan\n\n' +
      'Prime Minister Narendra Modi said on Monday that India and Japan had agreed a new trade ' +
      'pact, which he called sweeping.';
    const entities = tagDocumentEntities(
      model,
      segment(text).map((s) => s.tokens),
    );
    expect(entities[0].map((e) => `${e.type}:${text.slice(e.start, e.end)}`)).toEqual([
      'PER:Modi',
      'LOC:Japan',
    ]);
  });

  it('always decodes to whole entities, on any input', () => {
    for (const words of [
      ['New'],
      ['the', 'United', 'Nations', 'Security'],
      Array.from({ length: 300 }, (_, i) => (i % 3 ? 'Smith' : 'of')),
      ['', '\u0000', '🙂', 'ﷺ', 'Kyiv'],
    ]) {
      const tags = Array.from(tagEntityIds(model, words), (t) => ENTITY_TAGS[t]);
      for (let i = 0; i < tags.length; i++) {
        const prev = tags[i - 1] ?? 'O';
        const open = prev[0] === 'B' || prev[0] === 'I';
        if (tags[i][0] === 'I' || tags[i][0] === 'L')
          expect(open && prev.slice(2) === tags[i].slice(2)).toBe(true);
        else expect(open).toBe(false);
      }
      expect(['B', 'I']).not.toContain(tags[tags.length - 1][0]);
    }
  });

  it("with the tagger's tags, tags plain lower-case words O unscored and finds the same names", () => {
    const tagger = loadTagger();
    const words = tokenize(
      'Tanzania and the Kenyan navy met in the port of dar es salaam on Friday, and the ' +
        'delegation of al-Shabaab said that Russia would not attend the talks in canada.',
    ).map((t) => t.text);
    const upos = tagIds(tagger, words);
    expect(tagEntityIds(model, words, upos)).toEqual(tagEntityIds(model, words));
    // a word the tagger calls a proper noun or noun is scored, whatever its case
    const plain = ['troops', 'entered', 'the', 'city'];
    expect(tagEntityIds(model, plain, tagIds(tagger, plain))).toEqual(tagEntityIds(model, plain));
  });

  it('sums once per word form only features of the form alone', () => {
    // the slots name places in features()' list: the same word in other places and company
    // (sentenceFeatures puts each word but the first after an O word)
    const a = sentenceFeatures(model.lexicon, ['Talks', 'in', 'Paris', 'ended', '.']);
    const b = sentenceFeatures(model.lexicon, ['Paris', 'said', 'talks', 'in', 'Kenya', 'ended']);
    for (const k of OWN_SLOTS) expect(a[2][k]).toBe(b[0][k]);
    for (const [x, y] of [
      [a[1], b[3]],
      [a[3], b[5]],
    ])
      for (const k of [...OWN_SLOTS, ...AFTER_O_SLOTS]) expect(x[k]).toBe(y[k]);
  });

  it('scores a lower-case word that is no English word, whatever the tagger calls it', () => {
    // All-lower-case text: the tagger calls "biden" an auxiliary; only English words go unscored.
    const tagger = loadTagger();
    const text = 'president biden said russia must leave ukraine.';
    const tokens = tokenize(text);
    const words = tokens.map((t) => t.text);
    const upos = tagIds(tagger, words);
    const withTags = tagEntities(model, tokens, words, upos);
    expect(withTags.map((e) => `${e.type}:${text.slice(e.start, e.end)}`)).toEqual(['PER:biden']);
    expect(tagEntityIds(model, words, upos)).toEqual(tagEntityIds(model, words));
  });

  it('a missing or corrupt weight file is one error naming the file and npm run train', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-entities-'));
    const missing = join(dir, 'none.bin.gz');
    expect(() => loadEntities(missing)).toThrow(ModelFileError);
    expect(() => loadEntities(missing)).toThrow(/none\.bin\.gz is missing.*npm run train/);
    const corrupt = join(dir, 'bad.bin.gz');
    writeFileSync(corrupt, 'not gzip');
    expect(() => loadEntities(corrupt)).toThrow(/bad\.bin\.gz is corrupt.*npm run train/);
    const copy = join(dir, 'copy.bin.gz');
    saveEntities(model, entitiesMeta().features, copy);
    expect(tagEntityIds(loadEntities(copy), ['Kyiv', 'said'])).toEqual(
      tagEntityIds(model, ['Kyiv', 'said']),
    );
  });

  it('weights are read only with the lexicon they were trained with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-lexicon-'));
    const data = JSON.parse(gunzipSync(readFileSync(LEXICON_FILE)).toString('utf8')) as LexiconData;
    const edited = join(dir, 'lexicon.json.gz');
    writeLexicon({ ...data, names: [['Press Office', LEXICON_KINDS.org], ...data.names] }, edited);
    expect(() => loadEntities(undefined, edited)).toThrow(ModelFileError);
    expect(() => loadEntities(undefined, edited)).toThrow(
      /was trained with another lexicon than .*lexicon\.json\.gz.*npm run train/,
    );
    expect(() => loadEntities(undefined, join(dir, 'none.json.gz'))).toThrow(
      /none\.json\.gz is missing.*npm run train/,
    );
    expect(loadEntities(undefined, LEXICON_FILE).lexicon.hash).toBe(entitiesMeta().lexicon);
  });
});
