// The shipped weights: where they live, how they are written by `npm run train` and read once
// per process. Each model is ingest/nlp/models/<name>/model.bin.gz beside its MODEL_CARD.md.
import { resolve } from 'node:path';
import { createLemmatizer, type LemmaData } from './lemma.ts';
import { arrayOf, readModelFile, writeModelFile, ModelFileError } from './model-file.ts';
import { fromArrays, toArrays } from './perceptron.ts';
import { N_MOVES, type ParserModel } from './parser.ts';
import { UPOS, type TaggerModel } from './tagger.ts';
import { ENTITY_TAGS, type EntityModel } from './entities.ts';

export const MODELS_DIR = resolve(import.meta.dirname, 'models');

export function modelPath(name: 'tagger' | 'parser' | 'entities'): string {
  return resolve(MODELS_DIR, name, 'model.bin.gz');
}

interface TaggerMeta {
  classes: string[];
  tagDict: Record<string, number>;
  lemmas: LemmaData;
}

export function saveTagger(model: TaggerModel, file = modelPath('tagger')): number {
  const { features, values } = toArrays(model.weights);
  const meta: TaggerMeta = {
    classes: [...UPOS],
    tagDict: Object.fromEntries([...model.tagDict].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    lemmas: model.lemmatizer.data,
  };
  return writeModelFile(file, { kind: 'tagger', meta, arrays: { features, values } });
}

export function loadTagger(file = modelPath('tagger')): TaggerModel {
  const m = readModelFile<TaggerMeta>(file, 'tagger');
  if (m.meta.classes?.join() !== UPOS.join())
    throw new ModelFileError(file, 'was trained with other UPOS classes');
  const features = arrayOf(file, m, 'features', Uint32Array);
  const values = arrayOf(file, m, 'values', Float32Array);
  if (values.length !== features.length * UPOS.length)
    throw new ModelFileError(file, 'is corrupt (weights do not match features)');
  return {
    weights: fromArrays(UPOS.length, features, values),
    tagDict: new Map(Object.entries(m.meta.tagDict)),
    lemmatizer: createLemmatizer(m.meta.lemmas),
  };
}

interface ParserMeta {
  relations: string[];
}

export function saveParser(model: ParserModel, file = modelPath('parser')): number {
  const moves = toArrays(model.moves);
  const labels = toArrays(model.labels);
  return writeModelFile<ParserMeta>(file, {
    kind: 'parser',
    meta: { relations: model.relations },
    arrays: {
      moveFeatures: moves.features,
      moveValues: moves.values,
      labelFeatures: labels.features,
      labelValues: labels.values,
    },
  });
}

export function loadParser(file = modelPath('parser')): ParserModel {
  const m = readModelFile<ParserMeta>(file, 'parser');
  const relations = m.meta.relations;
  if (!Array.isArray(relations) || relations.length === 0)
    throw new ModelFileError(file, 'is corrupt (no relations)');
  const moveFeatures = arrayOf(file, m, 'moveFeatures', Uint32Array);
  const moveValues = arrayOf(file, m, 'moveValues', Float32Array);
  const labelFeatures = arrayOf(file, m, 'labelFeatures', Uint32Array);
  const labelValues = arrayOf(file, m, 'labelValues', Float32Array);
  if (
    moveValues.length !== moveFeatures.length * N_MOVES ||
    labelValues.length !== labelFeatures.length * relations.length
  )
    throw new ModelFileError(file, 'is corrupt (weights do not match features)');
  return {
    moves: fromArrays(N_MOVES, moveFeatures, moveValues),
    labels: fromArrays(relations.length, labelFeatures, labelValues),
    relations,
  };
}

interface EntitiesMeta {
  tags: string[];
}

export function saveEntities(model: EntityModel, file = modelPath('entities')): number {
  const { features, values } = toArrays(model.weights);
  return writeModelFile<EntitiesMeta>(file, {
    kind: 'entities',
    meta: { tags: [...ENTITY_TAGS] },
    arrays: { features, values },
  });
}

export function loadEntities(file = modelPath('entities')): EntityModel {
  const m = readModelFile<EntitiesMeta>(file, 'entities');
  if (m.meta.tags?.join() !== ENTITY_TAGS.join())
    throw new ModelFileError(file, 'was trained with other entity tags');
  const features = arrayOf(file, m, 'features', Uint32Array);
  const values = arrayOf(file, m, 'values', Float32Array);
  if (values.length !== features.length * ENTITY_TAGS.length)
    throw new ModelFileError(file, 'is corrupt (weights do not match features)');
  return { weights: fromArrays(ENTITY_TAGS.length, features, values) };
}
