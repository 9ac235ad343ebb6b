// The JSON contract of the HTTP API (SPEC §7). The viewer imports these types only (no runtime code).
import type { z } from 'zod';
import type {
  ActorKind,
  PloverCategory,
  Quad,
  RevisionChange,
  RevisionDiff,
} from '../../domain/index.ts';
import type { RouteName, Routes } from './routes.ts';
import type { investigationFile, investigationView } from './schemas.ts';
import type { CurationRecord } from '../../curation/operations.ts';
import type { LogEntry as CurationLogEntry } from '../../curation/log.ts';
import type { ExportFile as CurationsFile, ImportResult } from '../../curation/exchange.ts';

export type { ApiErrorBody } from './error-body.ts';

export interface Health {
  /** busy: Neo4j is there but has not answered this check for over 2 s. */
  status: 'ok' | 'busy' | 'degraded';
  version: string; // Parley's version
  neo4j: {
    connected: boolean;
    uri: string;
    version?: string; // "5.26.30"
    edition?: string; // "community"
    nodes?: number;
    error?: string;
    /** When Neo4j last answered (or failed) a health check; the figures above are from then. */
    checkedAt: string;
    /** Present when the answer is the last check's because Neo4j is slow to answer this one. */
    waitingMs?: number;
  };
}

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
}

export interface ActorSummary extends ActorRef {
  sector: string | null;
  title: string | null;
  aliases: string[];
}

/** An actor in the network with its activity counts (current facts only). */
export interface NetworkNode extends ActorSummary {
  events: number;
  statements: number;
  mentions: number;
  /** Documents whose current revision mentions the actor. */
  reports: number;
}

/** Actor–actor edge aggregated over current events in which one performed and the other was the recipient (both directions folded for reciprocal events). */
export interface NetworkEdge {
  id: string; // `${source}->${target}`
  source: string;
  target: string;
  count: number;
  byType: Partial<Record<PloverCategory, number>>;
  /** The most frequent category (ties broken by PLOVER order). */
  dominantType: PloverCategory;
  meanScore: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The day (domain/days.ts: days since 1970-01-01) of each event with a full date, ascending,
   * one entry per event: what the viewer's time playback slides its window over. */
  days: number[];
  /** Events with no full date (no date, or only a month or a year): never in a time window. */
  undated: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
  /** Weaker edges among the nodes left out (the strongest MAX_EDGES kept); absent when none. */
  edgesDropped?: number;
  /** With `fold=country`: the actors outside the top, one node per country. */
  folded?: NetworkFold;
  /** The graph version the answer stands at: what a curation's network patch starts from. */
  version?: string;
}

/**
 * What changed in a network answer between two graph versions (server/api/network-patch.ts):
 * nodes and edges new or changed (whole), those gone (ids), and the answer's other fields as
 * they are now. A curation sent with the viewer's filters and `base` answers with one.
 */
export interface NetworkPatch {
  from: string;
  to: string;
  nodes: { put: NetworkNode[]; remove: string[] };
  edges: { put: NetworkEdge[]; remove: string[] };
  truncated: boolean;
  edgesDropped?: number;
  /** With `fold=country`: what changed in the folds, like the nodes and edges (the whole fold
   * is 5,000 ties and hundreds of kB; a curation changes a few). */
  fold?: NetworkFoldPatch;
}

/** What changed in a network answer's fold: folds and ties new or changed (whole), those gone
 * (ids), and its counts as they are now. */
export interface NetworkFoldPatch {
  groups: { put: FoldedGroup[]; remove: string[] };
  edges: { put: FoldedEdge[]; remove: string[] };
  edgesDropped: number;
  openCapped?: number;
}

/** The actors of one country outside the top N, drawn as one node. */
export interface FoldedGroup {
  id: string; // `folded:${country}` (`folded:none` for actors without one)
  country: string | null;
  actors: number;
  events: number;
  statements: number;
  /** Its busiest actors' names, busiest first (at most 3). */
  names: string[];
}

/** Events between a top actor and a fold, or between two folds, both directions summed. */
export interface FoldedEdge {
  id: string; // `${source}--${target}`, source < target
  source: string;
  target: string;
  count: number;
}

export interface NetworkFold {
  groups: FoldedGroup[];
  edges: FoldedEdge[];
  /** Weaker fold edges left out. */
  edgesDropped: number;
  /** Actors of opened countries (`open=`) left folded because an answer draws at most 5,000
   * actors, top and opened folds together; absent when none. */
  openCapped?: number;
}

export interface Evidence {
  documentId: string;
  documentTitle: string | null;
  revisionId: string;
  sentence: string; // the sentence text cut from the revision
  start: number;
  end: number;
  /** Whether the revision is its document's CURRENT one (current evidence comes first). */
  current?: boolean;
}

export interface PlaceRef {
  id: string;
  name: string;
  country: string | null;
}

/** An analyst's marks on a fact or an actor (curation/). */
export interface CurationMarks {
  /** Rejected by an analyst: out of the current view, kept. */
  rejected?: boolean;
  /** Verified by an analyst. */
  confirmed?: boolean;
  /** Active curations of it (edits, notes, merges, …). */
  curations?: number;
}

export interface EventItem extends CurationMarks {
  id: string;
  type: PloverCategory;
  mode: string | null;
  quad: Quad;
  score: number;
  date: string | null;
  dateText: string | null;
  text: string;
  actors: ActorRef[];
  recipients: ActorRef[];
  place: PlaceRef | null;
  evidence: Evidence[];
  /** False for facts an updated report no longer supports (kept for history). */
  current?: boolean;
}

export interface StatementItem extends CurationMarks {
  id: string;
  text: string;
  verb: string;
  quote: boolean;
  date: string | null;
  speaker: ActorRef;
  about: ActorRef[];
  reportedBy: ActorRef | null;
  evidence: Evidence[];
  current?: boolean;
}

export interface DocumentRef {
  id: string;
  title: string | null;
  publishedAt: string | null;
}

export interface ActorCard {
  actor: ActorSummary;
  /** The analysts' marks; `mergedInto` when this actor was merged into another. */
  curation?: CurationMarks & { mergedInto: string | null };
  affiliations: { id: string; name: string; title: string | null }[];
  /** People and groups affiliated with this actor (for states). */
  members: { id: string; name: string; title: string | null }[];
  events: EventItem[]; // timeline, oldest first; undated last
  statements: StatementItem[];
  documents: DocumentRef[];
  /** How many current events, statements and documents there are in all; the lists above hold
   * at most `limit` of each (the most recent), page the rest with /api/events and /api/statements. */
  totals?: { events: number; statements: number; documents: number };
}

/** A place on the map with the current events there under the filters, by quad class. */
export interface MapPlace extends PlaceRef {
  lat: number;
  lon: number;
  events: number;
  byQuad: Partial<Record<Quad, number>>;
}

/** GET /api/places: what the map draws, and what it cannot place (counted, never dropped). */
export interface PlacesOnMap {
  items: MapPlace[];
  /** Places ingest could not locate (ingest/geo), with their events under the filters. */
  unlocated: (PlaceRef & { events: number })[];
  /** Events under the filters that name no place. */
  unplaced: number;
  /** Every event under the filters. */
  total: number;
}

/** GET /api/timeline: how many current events fall on each day under the filters, for the
 * date brush; events without a full date are counted apart, never dropped. */
export interface Timeline {
  days: { date: string; events: number }[];
  /** Events under the filters with no date, or only a month or a year. */
  undated: number;
  /** Every event under the filters. */
  total: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SearchHit {
  type: 'actor' | 'event' | 'statement';
  id: string;
  label: string; // actor name or fact text
  kind?: ActorKind;
  country?: string | null;
  /** Events and statements: the PLOVER category or the reporting verb. */
  factType?: string;
  /** Events and statements: who did or said it ("Russia → Ukraine", "Marco Rubio"). */
  who?: string;
  date?: string | null;
  score: number;
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  currentRevisionId: string;
  revisions: number;
  ingestedAt: string; // ISO timestamp of the current revision
}

export interface RevisionSummary {
  id: string;
  hash: string;
  ingestedAt: string;
  current: boolean;
}

/** A document's current text with every fact's offsets, for the reading pane. */
export interface DocumentView {
  document: DocumentSummary;
  revision: RevisionSummary;
  text: string;
  mentions: { actorId: string; name: string; kind: ActorKind; start: number; end: number }[];
  events: { id: string; type: PloverCategory; start: number; end: number }[];
  statements: { id: string; speakerId: string; start: number; end: number }[];
}

export interface CypherNode {
  id: string; // elementId
  labels: string[];
  properties: Record<string, unknown>;
}

export interface CypherRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface CypherResult {
  columns: string[];
  rows: unknown[][]; // plain JSON: integers as numbers, temporals as ISO strings, nodes as CypherNode
  graph: { nodes: CypherNode[]; relationships: CypherRelationship[] };
  truncated: boolean;
  /** Which cap stopped the answer: the row cap, or the byte cap (PARLEY_CYPHER_MAX_BYTES). */
  truncatedBy?: 'rows' | 'bytes';
  ms: number;
}

export interface OntologyCategory {
  type: PloverCategory;
  quad: Quad;
  score: number;
  modes: Record<string, number>;
  color: string;
}

export interface Ontology {
  quads: Quad[];
  categories: OntologyCategory[];
}

export type { ChangeFact } from '../../domain/index.ts';

/** What one revision changed against its document's revision before it (GET /api/changes). */
export interface ChangeEntry extends RevisionChange {
  documentId: string;
  title: string | null;
  revisionId: string;
  ingestedAt: string;
}

export interface Changes {
  items: ChangeEntry[];
  /** Changes that match, beyond the page too. */
  total: number;
}

/** A saved investigation as listed. */
export interface InvestigationSummary {
  id: string;
  name: string;
  /** Actors drawn when it was saved. */
  actors: number;
  createdAt: string;
  updatedAt: string;
}

/** The view an investigation keeps (server/api/schemas.ts `investigationView`). */
export type InvestigationView = z.output<typeof investigationView>;

export interface Investigation {
  id: string;
  name: string;
  notes: string;
  view: InvestigationView;
  createdAt: string;
  updatedAt: string;
}

/** An exported investigation (what the import reads back). */
export type InvestigationFile = z.input<typeof investigationFile>;

/** A curation record: who, when, operation, target, before → after, reason (curation/operations.ts). */
export type { CurationRecord } from '../../curation/operations.ts';
/** A curation just made or undone; asked with `base`, the network patch it made (`network`). */
export type CurationMade = CurationRecord & { network?: NetworkPatch };
/** A curation in the log, with its target's name or sentence and whether it is orphaned. */
export type { LogEntry as CurationLogEntry } from '../../curation/log.ts';
export type { ExportFile as CurationsFile, ImportResult } from '../../curation/exchange.ts';
/** The query parameters the viewer may send to the list endpoints, derived from their schemas. */
export type { EventsParams, GraphFilterParams, NetworkParams } from './schemas.ts';

// ---- The route table's types (server/api/routes.ts): what each endpoint takes and answers ----
// Types only, so the viewer's client is checked against the table without importing it.

/** Every response type, by the name a route declares in `returns`. */
export interface ResponseTypes {
  Health: Health;
  Network: Network;
  PlacesOnMap: PlacesOnMap;
  Timeline: Timeline;
  ActorCard: ActorCard;
  'Page<EventItem>': Page<EventItem>;
  EventItem: EventItem;
  'Page<StatementItem>': Page<StatementItem>;
  StatementItem: StatementItem;
  '{items: SearchHit[]}': { items: SearchHit[] };
  'Page<DocumentSummary>': Page<DocumentSummary>;
  DocumentView: DocumentView;
  '{items: RevisionSummary[]}': { items: RevisionSummary[] };
  RevisionDiff: RevisionDiff;
  CypherResult: CypherResult;
  file: string;
  Ontology: Ontology;
  '{items: CurationLogEntry[]}': { items: CurationLogEntry[] };
  CurationRecord: CurationRecord;
  CurationMade: CurationMade;
  CurationsFile: CurationsFile;
  ImportResult: ImportResult;
  Changes: Changes;
  '{items: InvestigationSummary[]}': { items: InvestigationSummary[] };
  Investigation: Investigation;
  '{deleted: string}': { deleted: string };
  InvestigationFile: InvestigationFile;
  'OpenAPI 3.1': unknown;
}

export type { RouteName } from './routes.ts';
type Route<K extends RouteName> = Routes[K];

/** What a client may send as query parameters: the keys the schema accepts, as strings or numbers. */
type QueryValues<S> = S extends z.ZodType
  ? Partial<Record<keyof z.input<S>, string | number>>
  : Record<never, never>;

/** `{id: string}` for `/api/actors/{id}`; `{}` for a path without parameters. */
export type PathParams<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? { [K in N]: string } & PathParams<Rest>
  : Record<never, never>;

/** The response body of a route (by name). */
export type ResponseOf<K extends RouteName> = ResponseTypes[Route<K>['returns']];

/** The route with this method and path. */
type RouteAt<M extends string, P extends string> = {
  [K in RouteName]: Route<K> extends { method: M; path: P } ? K : never;
}[RouteName];

export type ApiMethod = Routes[RouteName]['method'];

/** The paths that answer this method. */
export type ApiPath<M extends ApiMethod> = {
  [K in RouteName]: Route<K> extends { method: M } ? Route<K>['path'] : never;
}[RouteName];
/** What a GET takes: its path parameters and its query parameters, in one object. */
export type ApiParams<P extends ApiPath<'get'>> = PathParams<P> &
  QueryValues<Route<RouteAt<'get', P>> extends { query: infer S } ? S : undefined>;
/** What a POST takes besides its body: its path parameters and its query parameters. */
export type PostParams<P extends ApiPath<'post'>> = PathParams<P> &
  QueryValues<Route<RouteAt<'post', P>> extends { query: infer S } ? S : undefined>;
/** A POST's or PATCH's JSON body, as the client writes it. */
export type ApiBody<P extends ApiPath<M>, M extends 'post' | 'patch' = 'post'> =
  Route<RouteAt<M, P>> extends { body: infer S extends z.ZodType } ? z.input<S> : never;
export type ApiResponse<M extends ApiMethod, P extends ApiPath<M>> = ResponseOf<RouteAt<M, P>>;
