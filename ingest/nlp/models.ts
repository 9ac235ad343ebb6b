// The shipped weights: where they live, how they are written by `npm run train` and read once
// per process. Each model is ingest/nlp/models/<name>/model.bin.gz beside its MODEL_CARD.md.
import { relative, resolve } from 'node:path';
import { createLemmatizer, type LemmaData } from './lemma.ts';
import {
  arrayOf,
  readModelFile,
  writeModelFile,
  ModelFileError,
  type ModelArray,
  type ModelFile,
} from './model-file.ts';
import { fromSparseArrays, toSparseArrays, type Weights } from './perceptron.ts';
import { N_MOVES, type ParserModel } from './parser.ts';
import { UPOS, type TaggerModel } from './tagger.ts';
import { ENTITY_TAGS, type EntityModel } from './entities.ts';
import { LEXICON_FILE, readLexicon } from './entity-lexicon.ts';

export const MODELS_DIR = resolve(import.meta.dirname, 'models');

export function modelPath(name: 'tagger' | 'parser' | 'entities'): string {
  return resolve(MODELS_DIR, name, 'model.bin.gz');
}

/** A perceptron's arrays in a model file, their names prefixed (moveFeatures, labelCounts …). */
function weightArrays(prefix: string, w: Weights): Record<string, ModelArray> {
  const a = toSparseArrays(w);
  const name = (k: string) => (prefix ? prefix + k[0].toUpperCase() + k.slice(1) : k);
  return {
    [name('features')]: a.features,
    [name('counts')]: a.counts,
    [name('classes')]: a.classes,
    [name('values')]: a.values,
  };
}

function weightsOf(file: string, m: ModelFile<unknown>, prefix: string, nClasses: number): Weights {
  const name = (k: string) => (prefix ? prefix + k[0].toUpperCase() + k.slice(1) : k);
  const counts = arrayOf(file, m, name('counts'), Uint8Array);
  const classes = arrayOf(file, m, name('classes'), Uint8Array);
  const features = arrayOf(file, m, name('features'), Uint32Array);
  const values = arrayOf(file, m, name('values'), Float32Array);
  if (counts.length !== features.length || classes.length !== values.length)
    throw new ModelFileError(file, 'is corrupt (weights do not match features)');
  for (let i = 0; i < classes.length; i++)
    if (classes[i] >= nClasses) throw new ModelFileError(file, 'is corrupt (class out of range)');
  try {
    return fromSparseArrays(nClasses, { features, counts, classes, values });
  } catch (e) {
    throw new ModelFileError(file, `is corrupt (${(e as Error).message})`);
  }
}

interface TaggerMeta {
  classes: string[];
  tagDict: Record<string, number>;
  lemmas: LemmaData;
}

export function saveTagger(model: TaggerModel, file = modelPath('tagger')): number {
  const meta: TaggerMeta = {
    classes: [...UPOS],
    tagDict: Object.fromEntries([...model.tagDict].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    lemmas: model.lemmatizer.data,
  };
  return writeModelFile(file, { kind: 'tagger', meta, arrays: weightArrays('', model.weights) });
}

export function loadTagger(file = modelPath('tagger')): TaggerModel {
  const m = readModelFile<TaggerMeta>(file, 'tagger');
  if (m.meta.classes?.join() !== UPOS.join())
    throw new ModelFileError(file, 'was trained with other UPOS classes');
  return {
    weights: weightsOf(file, m, '', UPOS.length),
    tagDict: new Map(Object.entries(m.meta.tagDict)),
    lemmatizer: createLemmatizer(m.meta.lemmas),
  };
}

interface ParserMeta {
  relations: string[];
}

export function saveParser(model: ParserModel, file = modelPath('parser')): number {
  return writeModelFile<ParserMeta>(file, {
    kind: 'parser',
    meta: { relations: model.relations },
    arrays: { ...weightArrays('move', model.moves), ...weightArrays('label', model.labels) },
  });
}

export function loadParser(file = modelPath('parser')): ParserModel {
  const m = readModelFile<ParserMeta>(file, 'parser');
  const relations = m.meta.relations;
  if (!Array.isArray(relations) || relations.length === 0)
    throw new ModelFileError(file, 'is corrupt (no relations)');
  return {
    moves: weightsOf(file, m, 'move', N_MOVES),
    labels: weightsOf(file, m, 'label', relations.length),
    relations,
  };
}

export interface EntitiesMeta {
  tags: string[];
  /** sha256 of the lexicon (entity-lexicon.ts) the weights were trained with. */
  lexicon: string;
  /** featureFingerprint() of the held-out test sentences at training time (a test compares). */
  features: string;
}

export function saveEntities(
  model: EntityModel,
  features: string,
  file = modelPath('entities'),
): number {
  return writeModelFile<EntitiesMeta>(file, {
    kind: 'entities',
    meta: { tags: [...ENTITY_TAGS], lexicon: model.lexicon.hash, features },
    arrays: weightArrays('', model.weights),
  });
}

/** The weights and the lexicon they were trained with (an error if the lexicon file changed). */
export function loadEntities(
  file = modelPath('entities'),
  lexiconFile = LEXICON_FILE,
): EntityModel {
  const m = readModelFile<EntitiesMeta>(file, 'entities');
  if (m.meta.tags?.join() !== ENTITY_TAGS.join())
    throw new ModelFileError(file, 'was trained with other entity tags');
  const lexicon = readLexicon(lexiconFile);
  if (m.meta.lexicon !== lexicon.hash)
    throw new ModelFileError(
      file,
      `was trained with another lexicon than ${relative(process.cwd(), lexiconFile)}`,
    );
  return { weights: weightsOf(file, m, '', ENTITY_TAGS.length), lexicon };
}

/** What the entity weights record of their training (lexicon hash, feature fingerprint). */
export function entitiesMeta(file = modelPath('entities')): EntitiesMeta {
  return readModelFile<EntitiesMeta>(file, 'entities').meta;
}
