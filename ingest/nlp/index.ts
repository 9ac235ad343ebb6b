// The NLP core's front door: text → sentences of tokens with UPOS, lemma and dependency parse.
// Models are read once per process, on first use (or up front with loadNlpModels()).
import { tagDocumentEntities, type EntityModel } from './entities.ts';
import { loadEntities, loadParser, loadTagger } from './models.ts';
import { parse, type ParserModel } from './parser.ts';
import { splitSentences } from './sentences.ts';
import { tagIds, UPOS, type TaggerModel } from './tagger.ts';
import { tokenize } from './tokenize.ts';
import type { NlpToken, ParsedSentence, ParsedToken } from './types.ts';

export type * from './types.ts';
export { ModelFileError } from './model-file.ts';

export interface NlpModels {
  tagger: TaggerModel;
  parser: ParserModel;
  entities: EntityModel;
}

let models: NlpModels | null = null;
let entityModel: EntityModel | null = null;

/** Reads the weight files (once); throws ModelFileError naming a missing or corrupt file. */
export function loadNlpModels(): NlpModels {
  models ??= { tagger: loadTagger(), parser: loadParser(), entities: loadEntityModel() };
  return models;
}

/** The entity recognizer's weights alone (read once), for stages that bring their own tokens. */
export function loadEntityModel(): EntityModel {
  entityModel ??= loadEntities();
  return entityModel;
}

export interface Segment {
  start: number;
  end: number;
  tokens: NlpToken[];
}

/** Sentences and tokens only (no models needed). */
export function segment(text: string): Segment[] {
  const tokens = tokenize(text);
  return splitSentences(text, tokens).map(([first, last]) => ({
    start: tokens[first].start,
    end: tokens[last - 1].end,
    tokens: tokens.slice(first, last),
  }));
}

/** Sentences of text with each token's UPOS, lemma, head and dependency relation. */
export function analyse(text: string): ParsedSentence[] {
  const { tagger, parser, entities } = loadNlpModels();
  const segments = segment(text);
  const words = segments.map((s) => s.tokens.map((t) => t.text));
  const tags = words.map((w) => tagIds(tagger, w));
  const found = tagDocumentEntities(
    entities,
    segments.map((s) => s.tokens),
    tags,
  );
  return segments.map((s, index) => {
    const tree = parse(parser, { words: words[index], tags: tags[index] });
    const tokens: ParsedToken[] = s.tokens.map((t, i) => {
      const upos = UPOS[tags[index][i]];
      return {
        text: t.text,
        start: t.start,
        end: t.end,
        upos,
        lemma: tagger.lemmatizer.lemma(t.text, upos),
        head: tree.heads[i],
        deprel: parser.relations[tree.labels[i]],
      };
    });
    return { index, start: s.start, end: s.end, tokens, entities: found[index] };
  });
}
