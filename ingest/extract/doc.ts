// The working document every extraction stage reads and fills: the text segmented into
// sentences and tokens with their entities, everything else empty until its stage runs.
import type { Doc } from './model.ts';
import { segment } from './segment/index.ts';
import type { ReportMeta } from './types.ts';

export function newDoc(text: string, meta: ReportMeta): Doc {
  const { sentences, tokens, entities, parsed } = segment(text);
  return {
    meta,
    text,
    publishedAt: meta.publishedAt ?? null,
    tokens,
    sentences,
    entities,
    parsed,
    mentions: [],
    actors: new Map(),
    places: new Map(),
    dates: [],
    events: [],
    statements: [],
  };
}
