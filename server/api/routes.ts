// Every endpoint of the API, declared once: method, path, request schemas and the response type's
// name. Express (server/routes/index.ts), /api/openapi.json (openapi.ts), the viewer's typed
// client (web/src/api/client.ts, through the types in types.ts) and the API tests all read this
// table. A new endpoint is one entry here and its handler in server/routes/<area>.ts (the
// compiler asks for it); a new response type also gets its line in types.ts' `ResponseTypes`.
import type { z } from 'zod';
import * as s from './schemas.ts';

export interface RouteDeclaration {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI style: `/api/actors/{id}`. */
  path: string;
  summary: string;
  /** Query parameters; none declared means none accepted (400 UNKNOWN_PARAMETER). */
  query?: z.ZodObject;
  /** JSON body, validated before the handler runs (except for uploads, which read their own). */
  body?: z.ZodType;
  /** The body may be left out (it then reads as `{}`). */
  bodyOptional?: boolean;
  /** The response type's name, a key of `ResponseTypes` in types.ts. */
  returns: string;
  /** A write: needs PARLEY_TOKEN when the server has one. */
  auth?: boolean;
  /** Also takes a multipart upload (field `file`); the handler parses the body. */
  upload?: boolean;
}

export const ROUTES = {
  health: {
    method: 'get',
    path: '/api/health',
    summary: 'Neo4j version, edition, node count; 503 when Neo4j is unreachable',
    returns: 'Health',
  },
  network: {
    method: 'get',
    path: '/api/network',
    summary: 'Top-N actors by activity and the actor–actor edges over current events',
    query: s.networkQuery,
    returns: 'Network',
  },
  places: {
    method: 'get',
    path: '/api/places',
    summary:
      'The map: current events by place (coordinates, counts by quad class) under the filters; unlocated places and events without a place counted apart',
    query: s.placesQuery,
    returns: 'PlacesOnMap',
  },
  timeline: {
    method: 'get',
    path: '/api/timeline',
    summary:
      'Current events per day under the filters (every one, for the date brush); events without a full date counted apart',
    query: s.placesQuery,
    returns: 'Timeline',
  },
  actor: {
    method: 'get',
    path: '/api/actors/{id}',
    summary:
      'Actor card: aliases, affiliations, members, recent events and statements, documents, totals',
    query: s.actorCardQuery,
    returns: 'ActorCard',
  },
  neighbors: {
    method: 'get',
    path: '/api/actors/{id}/neighbors',
    summary: 'The actor and its closest neighbours with the edges to them',
    query: s.neighborsQuery,
    returns: 'Network',
  },
  events: {
    method: 'get',
    path: '/api/events',
    summary: 'Current events, oldest first (undated last), keyset-paginated',
    query: s.eventsQuery,
    returns: 'Page<EventItem>',
  },
  event: {
    method: 'get',
    path: '/api/events/{id}',
    summary: 'One event with its evidence (also a non-current one)',
    returns: 'EventItem',
  },
  statements: {
    method: 'get',
    path: '/api/statements',
    summary: 'Current statements, oldest first, keyset-paginated',
    query: s.statementsQuery,
    returns: 'Page<StatementItem>',
  },
  statement: {
    method: 'get',
    path: '/api/statements/{id}',
    summary: 'One statement with its evidence',
    returns: 'StatementItem',
  },
  search: {
    method: 'get',
    path: '/api/search',
    summary: 'Full-text typeahead over actor names and aliases, event and statement text',
    query: s.searchQuery,
    returns: '{items: SearchHit[]}',
  },
  documents: {
    method: 'get',
    path: '/api/documents',
    summary: 'Documents, newest publication first, keyset-paginated',
    query: s.documentsQuery,
    returns: 'Page<DocumentSummary>',
  },
  document: {
    method: 'get',
    path: '/api/documents/{id}',
    summary:
      'A revision text (current by default) with the offsets of every mention, event and statement',
    query: s.documentQuery,
    returns: 'DocumentView',
  },
  revisions: {
    method: 'get',
    path: '/api/documents/{id}/revisions',
    summary: 'Revisions, oldest first',
    returns: '{items: RevisionSummary[]}',
  },
  diff: {
    method: 'get',
    path: '/api/documents/{id}/diff',
    summary: 'Actors, events and statements added and removed between two revisions',
    query: s.diffQuery,
    returns: 'RevisionDiff',
  },
  ingest: {
    method: 'post',
    path: '/api/documents',
    summary:
      'Ingest a report (JSON or a multipart "file", 5 MB limit); 201 created, 200 updated or unchanged',
    body: s.documentBody,
    returns: 'RevisionDiff',
    auth: true,
    upload: true,
  },
  cypher: {
    method: 'post',
    path: '/api/cypher',
    summary:
      'Read-only Cypher: READ transaction, guard, time limit, row and byte caps; 429 with Retry-After past the per-client or overall number of queries at once',
    body: s.cypherBody,
    returns: 'CypherResult',
  },
  export: {
    method: 'get',
    path: '/api/export',
    summary: 'The current network as GEXF, GraphML or JSON',
    query: s.exportQuery,
    returns: 'file',
  },
  ontology: {
    method: 'get',
    path: '/api/ontology',
    summary: 'PLOVER categories, quads, scores and colours',
    returns: 'Ontology',
  },
  curations: {
    method: 'get',
    path: '/api/curations',
    summary: 'The curation log, newest first, with each target and whether it is orphaned',
    query: s.curationsQuery,
    returns: '{items: CurationLogEntry[]}',
  },
  curate: {
    method: 'post',
    path: '/api/curations',
    summary:
      'Curate: merge, edit, reject, set-actors, set-place, set-speaker, confirm or note (analyst in X-Parley-Analyst); 201',
    query: s.curateQuery,
    body: s.curationBody,
    returns: 'CurationMade',
    auth: true,
  },
  undoCuration: {
    method: 'post',
    path: '/api/curations/{id}/undo',
    summary: 'Undo a curation (recorded as an undo); 409 when a later curation depends on it',
    query: s.curateQuery,
    body: s.undoBody,
    bodyOptional: true,
    returns: 'CurationMade',
    auth: true,
  },
  exportCurations: {
    method: 'get',
    path: '/api/curations/export',
    summary: 'Every curation and undo, to share with another instance',
    returns: 'CurationsFile',
  },
  importCurations: {
    method: 'post',
    path: '/api/curations/import',
    summary: 'Replay an export (idempotent: records keep their ids); 20 MB limit',
    body: s.curationsFile,
    returns: 'ImportResult',
    auth: true,
  },
  changes: {
    method: 'get',
    path: '/api/changes',
    summary:
      'What changed, newest first: per revision, the events and statements added and retracted and the figures changed; filterable by ingest time and actor',
    query: s.changesQuery,
    returns: 'Changes',
  },
  investigations: {
    method: 'get',
    path: '/api/investigations',
    summary: 'Saved investigations, most recently changed first',
    returns: '{items: InvestigationSummary[]}',
  },
  investigation: {
    method: 'get',
    path: '/api/investigations/{id}',
    summary: 'One saved investigation with its view and notes',
    returns: 'Investigation',
  },
  saveInvestigation: {
    method: 'post',
    path: '/api/investigations',
    summary: 'Save the current view as a named investigation; 201',
    body: s.investigationBody,
    returns: 'Investigation',
    auth: true,
  },
  updateInvestigation: {
    method: 'patch',
    path: '/api/investigations/{id}',
    summary: 'Rename an investigation, change its notes or save a new view over it',
    body: s.investigationPatch,
    returns: 'Investigation',
    auth: true,
  },
  deleteInvestigation: {
    method: 'delete',
    path: '/api/investigations/{id}',
    summary: 'Delete an investigation',
    returns: '{deleted: string}',
    auth: true,
  },
  exportInvestigation: {
    method: 'get',
    path: '/api/investigations/{id}/export',
    summary: 'An investigation as a file another instance can import',
    returns: 'InvestigationFile',
  },
  importInvestigation: {
    method: 'post',
    path: '/api/investigations/import',
    summary: 'Import an exported investigation as a new one (nothing is overwritten); 201',
    body: s.investigationFile,
    returns: 'Investigation',
    auth: true,
  },
  openapi: {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This description',
    returns: 'OpenAPI 3.1',
  },
} as const satisfies Record<string, RouteDeclaration>;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
