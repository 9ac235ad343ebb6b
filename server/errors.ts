// One error shape for the whole API: `{error: {code, message}}` with an HTTP status.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from './api/error-body.ts';
import { neo4jProblem } from './neo4j-errors.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Response headers that go with the error (a 429's Retry-After). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const badRequest = (message: string, code = 'BAD_REQUEST'): ApiError =>
  new ApiError(400, code, message);

export const notFound = (message: string): ApiError => new ApiError(404, 'NOT_FOUND', message);

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Unknown /api paths answer JSON, not the SPA page. */
export const apiNotFound: RequestHandler = (req, res) => {
  res
    .status(404)
    .json(
      errorBody('NOT_FOUND', `no such endpoint: ${req.method} ${req.originalUrl.split('?')[0]}`),
    );
};

interface HttpLikeError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

/** Maps anything thrown by a handler or body parser to the error shape; never leaks a stack. */
export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, code, message } = describeError(err);
    if (status >= 500 && status !== 503) log(err);
    if (err instanceof ApiError) res.set(err.headers);
    res.status(status).json(errorBody(code, message));
  };
}

export function describeError(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  const neo = neo4jProblem(err);
  if (neo) return neo;
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpLikeError;
  const status = typeof e.status === 'number' ? e.status : Number(e.statusCode) || 500;
  // body-parser errors carry a `type` and an `expose` flag for client errors.
  if (e.type === 'entity.too.large' || status === 413) {
    return { status: 413, code: 'TOO_LARGE', message: 'the request body is over the size limit' };
  }
  if (e.type === 'entity.parse.failed') {
    return { status: 400, code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' };
  }
  if (status >= 400 && status < 500 && e.expose !== false) {
    return { status, code: 'BAD_REQUEST', message: String(e.message ?? 'bad request') };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal server error' };
}
