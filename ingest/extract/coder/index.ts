// The coder's front: parsed sentences of a report, with the actors recognition and resolution
// found, in; the report's events and statements in the extraction's shape out.
import { ONTOLOGY } from '../../../domain/index.ts';
import type { ParsedSentence } from '../../nlp/types.ts';
import { shortHash } from '../ids.ts';
import type { Doc } from '../model.ts';
import type { ExtractedEvent, ExtractedStatement } from '../types.ts';
import { codeEvents } from './events.ts';
import { codeStatements, STATEMENT_VERBS } from './statements.ts';
import { tree, type ActorSpan } from './tree.ts';

export interface Coded {
  events: ExtractedEvent[];
  statements: ExtractedStatement[];
}

/** The report sentence (as segmentation cut it) that holds an offset. */
function sentenceAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function code(doc: Doc, parses: ParsedSentence[], issuer: string | null): Coded {
  const spans: ActorSpan[] = doc.mentions
    .filter((m) => m.id && !m.place)
    .map((m) => ({ start: m.start, end: m.end, id: m.id as string }));
  const places = doc.mentions.filter((m) => m.place && m.id);
  const media = (id: string) => doc.actors.get(id)?.media ?? false;
  const ctx = { issuer, reporting: STATEMENT_VERBS };
  const events: ExtractedEvent[] = [];
  const statements: ExtractedStatement[] = [];
  for (const p of parses) {
    if (!p.tokens.length) continue;
    const t = tree(p, spans);
    const sentence = sentenceAt(doc, p.tokens[0].start);
    const s = doc.sentences[sentence];
    const dateIn = (lo: number, hi: number) =>
      doc.dates.find((d) => d.start >= lo && d.end <= hi) ??
      doc.dates.find((d) => d.sentence === sentence && d.start - s.start < 12) ??
      null;
    for (const e of codeEvents(t, ctx)) {
      const lo = p.tokens[e.first].start;
      const hi = p.tokens[e.last - 1].end;
      const trig = p.tokens[e.trigger];
      const place = places.find((m) => m.start >= lo && m.end <= hi) ?? null;
      const date = dateIn(lo, hi);
      const recipients = ONTOLOGY[e.type].reciprocal
        ? e.recipients.filter((r) => !e.actors.includes(r))
        : e.recipients;
      events.push({
        id: `ev-${shortHash(`${doc.meta.id}|${sentence}|${e.type}|${trig.start}`)}`,
        type: e.type,
        mode: e.mode,
        actors: e.actors.filter((a) => doc.actors.has(a)),
        recipients: recipients.filter((a) => doc.actors.has(a)),
        place: place?.id ?? null,
        date: date?.value ?? doc.publishedAt,
        dateText: date?.text ?? null,
        sentence,
        text: doc.text.slice(s.start, s.end),
        trigger: { start: trig.start, end: trig.end },
        reportedBy: null,
      });
    }
    for (const st of codeStatements(t)) {
      const verb = p.tokens[st.verb];
      const start = p.tokens[st.first].start;
      const end = p.tokens[st.last - 1].end;
      const about = spans
        .filter((a) => a.start >= start && a.end <= end && a.id !== st.speaker && !media(a.id))
        .map((a) => a.id);
      const date = dateIn(verb.start, end);
      statements.push({
        id: `st-${shortHash(`${doc.meta.id}|${sentence}|${verb.start}`)}`,
        speaker: st.speaker,
        verb: verb.text,
        text: doc.text.slice(start, end).replace(/^["“]|["”]$/g, ''),
        quote: /["“”]/.test(doc.text.slice(Math.max(s.start, start - 2), Math.min(s.end, end + 2))),
        date: date?.value ?? null,
        sentence,
        about: [...new Set(about)],
        reportedBy: null,
      });
    }
  }
  return { events, statements };
}
