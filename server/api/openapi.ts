// /api/openapi.json, built from the route table (routes.ts): the same declarations and zod
// schemas that Express mounts and validates with.
import { z } from 'zod';
import { ROUTES, type RouteDeclaration } from './routes.ts';

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
  for (const op of Object.values(ROUTES) as RouteDeclaration[]) {
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
            required: !op.bodyOptional,
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
