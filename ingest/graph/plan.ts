// Extraction → the rows the write queries UNWIND. Pure: ids, event keys, reciprocal events,
// evidence offsets and de-duplication are all decided here, so they are testable without Neo4j.
import type { Extraction, ExtractedDocument, ReportMeta } from '../extract/types.ts';
import { ONTOLOGY, eventScore, isPloverCategory, type ActorKind } from '../../domain/index.ts';
import { eventId, eventKey, revisionId, statementId, statementKey } from './ids.ts';
import type { GeoRows } from '../geo/index.ts';

export interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  sector: string | null;
  aliases: string[];
  /** aliases joined with " | ": the full-text index `actor_names` reads strings, not lists. */
  aliasText: string;
  title: string | null;
  /** Mentions in this revision (MENTIONED_IN.count). */
  mentions: number;
}

export interface AffiliationRow {
  actor: string;
  state: string;
  /** The state's display name, used only if the state node does not exist yet. */
  stateName: string;
  stateCountry: string;
  title: string | null;
}

export interface PlaceRow {
  id: string;
  name: string;
  country: string | null;
}

/** Where a fact's sentence sits in the revision text: text.substring(start, end). */
export interface EvidenceRow {
  sentence: number;
  start: number;
  end: number;
}

export interface EventRow {
  id: string;
  key: string;
  type: string;
  mode: string | null;
  quad: string;
  score: number;
  date: string | null;
  dateText: string | null;
  text: string;
  reciprocal: boolean;
  actors: string[];
  recipients: string[];
  places: string[];
  evidence: EvidenceRow[];
}

export interface StatementRow {
  id: string;
  key: string;
  text: string;
  verb: string;
  quote: boolean;
  date: string | null;
  speaker: string;
  about: string[];
  reportedBy: string | null;
  evidence: EvidenceRow[];
}

export interface GraphPlan {
  document: {
    id: string;
    title: string | null;
    source: string | null;
    url: string | null;
    publishedAt: string | null;
  };
  /** `extractor` is the id@version of the extractor that produced this revision's facts. */
  revision: { id: string; hash: string; text: string; extractor: string | null };
  actors: ActorRow[];
  affiliations: AffiliationRow[];
  places: PlaceRow[];
  events: EventRow[];
  statements: StatementRow[];
  /** Coordinates of the places and states (ingest/geo); written when present. */
  geo?: GeoRows;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function evidenceOf(doc: ExtractedDocument, sentence: number): EvidenceRow[] {
  const s = doc.sentences.find((x) => x.index === sentence) ?? doc.sentences[sentence];
  return s ? [{ sentence: s.index, start: s.start, end: s.end }] : [];
}

function mergeEvidence(into: EvidenceRow[], more: EvidenceRow[]): void {
  for (const e of more) {
    if (!into.some((x) => x.sentence === e.sentence)) into.push(e);
  }
  into.sort((a, b) => a.sentence - b.sentence);
}

/**
 * Builds the write plan of one revision. `countryName` names a state that a person is
 * affiliated with when the report itself does not name it.
 */
export function planRevision(
  extraction: Extraction,
  meta: ReportMeta,
  hash: string,
  countryName: (code: string) => string = (code) => code,
  extractor: string | null = null,
): GraphPlan {
  const doc = extraction.document;
  const documentId = meta.id;

  const actors = new Map<string, ActorRow>();
  const affiliations: AffiliationRow[] = [];
  for (const a of extraction.actors) {
    const known = actors.get(a.id);
    if (known) {
      // The extractor should give one entry per id; fold repeats rather than fail the report.
      known.aliases = [...new Set([...known.aliases, ...a.aliases])];
      known.aliasText = known.aliases.join(' | ');
      known.mentions += a.mentions.length;
      continue;
    }
    const aliases = [...new Set(a.aliases.filter((x) => x && x !== a.name))];
    actors.set(a.id, {
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      sector: a.sector ?? null,
      aliases,
      aliasText: aliases.join(' | '),
      title: a.title ?? null,
      mentions: a.mentions.length,
    });
    const state = a.affiliation;
    if ((a.kind === 'person' || a.kind === 'group') && state && state.startsWith('state:')) {
      const code = state.slice('state:'.length);
      affiliations.push({
        actor: a.id,
        state,
        stateName: countryName(code),
        stateCountry: code,
        title: a.title ?? null,
      });
    }
  }
  const isActor = (id: string | null | undefined): id is string => !!id && actors.has(id);

  const places = new Map<string, PlaceRow>();
  for (const p of extraction.places) {
    if (!places.has(p.id)) places.set(p.id, { id: p.id, name: p.name, country: p.country ?? null });
  }

  const events = new Map<string, EventRow>();
  for (const e of extraction.events) {
    if (!isPloverCategory(e.type)) continue;
    const info = ONTOLOGY[e.type];
    let actorIds = [...new Set(e.actors.filter(isActor))];
    let recipientIds = [...new Set(e.recipients.filter(isActor))];
    if (info.reciprocal) {
      // Meetings: every participant is on both sides (SPEC §2), so "A met B" = "B met A".
      const all = [...new Set([...actorIds, ...recipientIds])];
      actorIds = all;
      recipientIds = all;
    }
    const key = eventKey(e.type, actorIds, recipientIds, e.date ?? null, documentId);
    const id = eventId(key);
    const evidence = evidenceOf(doc, e.sentence);
    const place = e.place && places.has(e.place) ? [e.place] : [];
    const known = events.get(id);
    if (known) {
      mergeEvidence(known.evidence, evidence);
      for (const p of place) if (!known.places.includes(p)) known.places.push(p);
      continue;
    }
    events.set(id, {
      id,
      key,
      type: e.type,
      mode: e.mode ?? null,
      quad: info.quad,
      score: eventScore(e.type, e.mode ?? null),
      date: e.date ?? null,
      dateText: e.dateText ?? null,
      text: e.text,
      reciprocal: info.reciprocal,
      actors: actorIds.sort(),
      recipients: recipientIds.sort(),
      places: place,
      evidence,
    });
  }

  const statements = new Map<string, StatementRow>();
  for (const s of extraction.statements) {
    if (!isActor(s.speaker)) continue;
    const key = statementKey(s.speaker, s.text, s.date ?? null, documentId);
    const id = statementId(key);
    const evidence = evidenceOf(doc, s.sentence);
    const known = statements.get(id);
    if (known) {
      mergeEvidence(known.evidence, evidence);
      continue;
    }
    statements.set(id, {
      id,
      key,
      text: s.text,
      verb: s.verb,
      quote: s.quote,
      date: s.date ?? null,
      speaker: s.speaker,
      about: [...new Set(s.about.filter(isActor))].sort(),
      reportedBy: isActor(s.reportedBy) ? s.reportedBy : null,
      evidence,
    });
  }

  return {
    document: {
      id: documentId,
      title: meta.title ?? doc.title ?? null,
      source: meta.source ?? doc.source ?? null,
      url: meta.url ?? doc.url ?? null,
      publishedAt: meta.publishedAt ?? doc.publishedAt ?? null,
    },
    revision: { id: revisionId(documentId, hash), hash, text: doc.text, extractor },
    // Sorted by id so concurrent transactions take their locks in the same order.
    actors: [...actors.values()].sort(byId),
    affiliations: affiliations.sort((a, b) => (a.actor < b.actor ? -1 : 1)),
    places: [...places.values()].sort(byId),
    events: [...events.values()].sort(byId),
    statements: [...statements.values()].sort(byId),
  };
}
