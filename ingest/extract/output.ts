// Turns the working document into the public extraction object, in a stable order.
import type { Doc } from './model.ts';
import { sortInPlace } from './order.ts';
import type { Extraction } from './types.ts';

const byFirstMention = <T extends { id: string; mentions: { start: number }[] }>(
  a: T,
  b: T,
): number =>
  (a.mentions[0]?.start ?? Infinity) - (b.mentions[0]?.start ?? Infinity) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function output(doc: Doc): Extraction {
  return {
    document: {
      id: doc.meta.id,
      // Without a title from the caller, a plain-text report's first line is its headline.
      title:
        doc.meta.title ??
        (doc.sentences[0]?.heading
          ? doc.text.slice(doc.sentences[0].start, doc.sentences[0].end)
          : null),
      publishedAt: doc.publishedAt,
      source: doc.meta.source ?? null,
      url: doc.meta.url ?? null,
      text: doc.text,
      sentences: doc.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end })),
    },
    actors: sortInPlace([...doc.actors.values()], byFirstMention).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country,
      sector: a.sector,
      aliases: [...a.aliases].sort(),
      title: a.title,
      affiliation: a.affiliation,
      mentions: a.mentions,
    })),
    places: sortInPlace([...doc.places.values()], byFirstMention).map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      aliases: [...p.aliases].sort(),
      mentions: p.mentions,
    })),
    events: doc.events,
    statements: doc.statements,
  };
}
