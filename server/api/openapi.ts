// /api/openapi.json, built from the same zod schemas the routes validate with.
import { z } from 'zod';
import * as s from './schemas.ts';

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The response type's name in server/api/types.ts. */
  returns: string;
  auth?: boolean;
  upload?: boolean;
}

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Neo4j version, edition, node count; 503 when Neo4j is unreachable',
    returns: 'Health',
  },
  {
    method: 'get',
    path: '/api/network',
    summary: 'Top-N actors by activity and the actor–actor edges over current events',
    query: s.networkQuery,
    returns: 'Network',
  },
  {
    method: 'get',
    path: '/api/actors/{id}',
    summary:
      'Actor card: aliases, affiliations, members, recent events and statements, documents, totals',
    query: s.actorCardQuery,
    returns: 'ActorCard',
  },
  {
    method: 'get',
    path: '/api/actors/{id}/neighbors',
    summary: 'The actor and its closest neighbours with the edges to them',
    query: s.neighborsQuery,
    returns: 'Network',
  },
  {
    method: 'get',
    path: '/api/events',
    summary: 'Current events, oldest first (undated last), keyset-paginated',
    query: s.eventsQuery,
    returns: 'Page<EventItem>',
  },
  {
    method: 'get',
    path: '/api/events/{id}',
    summary: 'One event with its evidence (also a non-current one)',
    returns: 'EventItem',
  },
  {
    method: 'get',
    path: '/api/statements',
    summary: 'Current statements, oldest first, keyset-paginated',
    query: s.statementsQuery,
    returns: 'Page<StatementItem>',
  },
  {
    method: 'get',
    path: '/api/statements/{id}',
    summary: 'One statement with its evidence',
    returns: 'StatementItem',
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Full-text typeahead over actor names and aliases, event and statement text',
    query: s.searchQuery,
    returns: '{items: SearchHit[]}',
  },
  {
    method: 'get',
    path: '/api/documents',
    summary: 'Documents, newest publication first, keyset-paginated',
    query: s.documentsQuery,
    returns: 'Page<DocumentSummary>',
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    summary:
      'A revision text (current by default) with the offsets of every mention, event and statement',
    query: s.documentQuery,
    returns: 'DocumentView',
  },
  {
    method: 'get',
    path: '/api/documents/{id}/revisions',
    summary: 'Revisions, oldest first',
    returns: '{items: RevisionSummary[]}',
  },
  {
    method: 'get',
    path: '/api/documents/{id}/diff',
    summary: 'Actors, events and statements added and removed between two revisions',
    query: s.diffQuery,
    returns: 'RevisionDiff',
  },
  {
    method: 'post',
    path: '/api/documents',
    summary:
      'Ingest a report (JSON or a multipart "file", 5 MB limit); 201 created, 200 updated or unchanged',
    body: s.documentBody,
    returns: 'RevisionDiff',
    auth: true,
    upload: true,
  },
  {
    method: 'post',
    path: '/api/cypher',
    summary: 'Read-only Cypher: READ transaction, guard, timeout, row cap',
    body: s.cypherBody,
    returns: 'CypherResult',
  },
  {
    method: 'get',
    path: '/api/export',
    summary: 'The current network as GEXF, GraphML or JSON',
    query: s.exportQuery,
    returns: 'file',
  },
  {
    method: 'get',
    path: '/api/ontology',
    summary: 'PLOVER categories, quads, scores and colours',
    returns: 'Ontology',
  },
  {
    method: 'get',
    path: '/api/curations',
    summary: 'The curation log, newest first, with each target and whether it is orphaned',
    query: s.curationsQuery,
    returns: '{items: CurationLogEntry[]}',
  },
  {
    method: 'post',
    path: '/api/curations',
    summary:
      'Curate: merge, edit, reject, set-actors, set-place, set-speaker, confirm or note (analyst in X-Parley-Analyst); 201',
    body: s.curationBody,
    returns: 'CurationRecord',
    auth: true,
  },
  {
    method: 'post',
    path: '/api/curations/{id}/undo',
    summary: 'Undo a curation (recorded as an undo); 409 when a later curation depends on it',
    body: s.undoBody,
    returns: 'CurationRecord',
    auth: true,
  },
  {
    method: 'get',
    path: '/api/curations/export',
    summary: 'Every curation and undo, to share with another instance',
    returns: 'CurationsFile',
  },
  {
    method: 'post',
    path: '/api/curations/import',
    summary: 'Replay an export (idempotent: records keep their ids); 20 MB limit',
    body: s.curationsFile,
    returns: 'ImportResult',
    auth: true,
  },
  { method: 'get', path: '/api/openapi.json', summary: 'This description', returns: 'OpenAPI 3.1' },
];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
};

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] };

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    schema: p,
    description: (p as { description?: string }).description,
  }));
}

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...(op.path.includes('{id}')
        ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]
        : []),
      ...(op.query ? queryParameters(op.query) : []),
    ];
    const bodySchema = op.body
      ? z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' })
      : undefined;
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      parameters: parameters.length ? parameters : undefined,
      requestBody: bodySchema
        ? {
            required: true,
            content: {
              'application/json': { schema: bodySchema },
              ...(op.upload
                ? {
                    'multipart/form-data': {
                      schema: {
                        type: 'object',
                        required: ['file'],
                        properties: {
                          file: { type: 'string', format: 'binary' },
                          id: { type: 'string' },
                          publishedAt: { type: 'string', format: 'date' },
                        },
                      },
                    },
                  }
                : {}),
            },
          }
        : undefined,
      security: op.auth ? [{ bearer: [] }] : undefined,
      responses: {
        200: { description: `\`${op.returns}\` (see server/api/types.ts)` },
        400: { $ref: '#/components/responses/Error' },
        ...(op.auth ? { 401: { $ref: '#/components/responses/Error' } } : {}),
        404: { $ref: '#/components/responses/Error' },
        413: { $ref: '#/components/responses/Error' },
        503: { $ref: '#/components/responses/Error' },
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1',
      description:
        'Actors, events and statements from news reports, in Neo4j. Errors are `{error: {code, message}}`; unknown query parameters are refused with 400.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'PARLEY_TOKEN, when the server sets one',
        },
      },
      responses: {
        Error: {
          description: 'An error',
          content: { 'application/json': { schema: ERROR_SCHEMA } },
        },
      },
    },
  };
  return cached;
}
