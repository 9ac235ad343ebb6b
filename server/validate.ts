// Input validation with zod: strict objects (unknown parameters are a 400), one message per problem.
import { z } from 'zod';
import { PLOVER_CATEGORIES } from '../domain/index.ts';
import { ApiError } from './errors.ts';

function describeIssues(error: z.ZodError, where: string): ApiError {
  const unknown = error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    const names = unknown.keys.map((k) => `'${k}'`).join(', ');
    return new ApiError(400, 'UNKNOWN_PARAMETER', `unknown ${where} ${names}`);
  }
  const message = error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  return new ApiError(400, 'INVALID_PARAMETER', `invalid ${where}: ${message}`);
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const r = schema.safeParse(query ?? {});
  if (!r.success) throw describeIssues(r.error, 'query parameter');
  return r.data;
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) {
    throw new ApiError(
      400,
      'INVALID_BODY',
      'expected a JSON body (Content-Type: application/json)',
    );
  }
  const r = schema.safeParse(body);
  if (!r.success) throw describeIssues(r.error, 'body field');
  return r.data;
}

/** A positive integer from a query string, within [1, max]. */
export const limitParam = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .default(fallback)
    .describe(`1–${max}, default ${fallback}`);

/** Dates as stored in the graph: YYYY, YYYY-MM or YYYY-MM-DD. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const dateParam = z.string().regex(DATE_PATTERN, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

export const categoryParam = z.enum(PLOVER_CATEGORIES);

/** A comma-separated list in one parameter: `types=AGREE,CONSULT`. */
export const listParam = <T extends string>(item: z.ZodType<T, string>, max = 100) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(max));

export const idParam = z.string().min(1).max(500);

/** Opaque keyset cursor: base64url of a JSON [sortKey, id]. */
export const cursorParam = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    try {
      const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
      if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) {
        return { key: v[0] as string, id: v[1] as string };
      }
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: 'custom', message: 'not a cursor this server handed out' });
    return z.NEVER;
  });

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}
