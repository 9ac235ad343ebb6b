// Typed HTTP client for the server's JSON API. Every path, its parameters, body and response type
// come from the route table (server/api/routes.ts) through the contract's types
// (server/api/types.ts): a new endpoint needs nothing here, and a wrong path, parameter or body is
// a compile error.
import type {
  ApiBody,
  ApiParams,
  ApiPath,
  ApiResponse,
  PathParams,
  PostParams,
} from '../../../server/api/types.ts';
import { heldToken, holdToken, usableToken, type TokenAsk } from './token.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called with every response status, so the Neo4j-down banner can react to 503s anywhere. */
let statusListener: (status: number) => void = () => {};
export function onApiStatus(fn: (status: number) => void): void {
  statusListener = fn;
}

function errorFrom(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: unknown }).error;
    if (e && typeof e === 'object') {
      const { code, message } = e as { code?: unknown; message?: unknown };
      return new ApiError(status, String(code ?? 'error'), String(message ?? `HTTP ${status}`));
    }
  }
  return new ApiError(status, 'http', `HTTP ${status}`);
}

/** Asks the analyst for the access token (null: they cancelled), saying why it is asked. */
let tokenAsker: (why: TokenAsk) => Promise<string | null> = async () => null;
export function onTokenNeeded(fn: (why: TokenAsk) => Promise<string | null>): void {
  tokenAsker = fn;
}

/** The question being asked: writes refused meanwhile wait for its answer, not a second dialog. */
let asking: Promise<string | null> | null = null;
function askToken(why: TokenAsk): Promise<string | null> {
  return (asking ??= tokenAsker(why).finally(() => (asking = null)));
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    statusListener(0);
    throw new ApiError(0, 'network', 'The Parley server is not reachable.');
  }
  statusListener(res.status);
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null; // a proxy's HTML error page, for instance
  }
  if (!res.ok) throw errorFrom(res.status, body);
  return body as T;
}

/**
 * A write, with the held token. Refused for want of one (401), the analyst is asked for it and
 * the write is sent again; a refused token, or one a header cannot carry, is forgotten and asked
 * for again; cancelling gives the server's error. (A FormData body can be sent again: fetch does
 * not consume it.) `send` is the request; a parameter so a spec can stand in for the server.
 */
export async function write<T>(
  path: string,
  init: RequestInit,
  send: (path: string, init: RequestInit) => Promise<T> = request,
): Promise<T> {
  let why: TokenAsk = 'needed';
  for (;;) {
    const token = heldToken();
    const headers = new Headers(init.headers);
    let refusal: ApiError;
    try {
      if (token) headers.set('authorization', `Bearer ${token}`);
      return await send(path, { ...init, headers });
    } catch (e) {
      if (e instanceof TypeError && token) {
        // A header cannot carry it (usableToken should have caught this): forget, ask again.
        refusal = new ApiError(401, 'unauthorized', 'The access token could not be sent.');
        why = 'unusable';
      } else if (e instanceof ApiError && e.status === 401) {
        refusal = e;
        if (token || why !== 'needed') why = 'refused';
      } else throw e;
      if (token) holdToken(null);
    }
    let given: string | null = null;
    for (let answer = await askToken(why); answer !== null; answer = await askToken(why)) {
      given = usableToken(answer);
      if (given) break;
      why = 'unusable';
    }
    if (!given) throw refusal;
    holdToken(given);
  }
}

type QueryValue = string | number | undefined | null;

/** The path with its `{name}` parameters filled in, and the other values as a query string. */
function url(path: string, values: Record<string, QueryValue> = {}): string {
  const rest = { ...values };
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = rest[name];
    delete rest[name];
    return encodeURIComponent(String(v ?? ''));
  });
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(rest))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `${filled}?${s}` : filled;
}

/** Arguments required when the path has parameters, optional otherwise. */
type Args<T> = Record<never, never> extends T ? [T?] : [T];

export const api = {
  /** GET a path of the table with its path and query parameters in one object. */
  get: <P extends ApiPath<'get'>>(path: P, ...[params]: Args<ApiParams<P>>) =>
    request<ApiResponse<'get', P>>(url(path, params as Record<string, QueryValue>)),

  /** POST a JSON body (or a FormData upload); `analyst` goes in X-Parley-Analyst. */
  post: <P extends ApiPath<'post'>>(
    path: P,
    body: ApiBody<P> | FormData,
    ...[opts]: Args<PostParams<P> & { analyst?: string }>
  ) => {
    const { analyst, ...params } = (opts ?? {}) as { analyst?: string } & Record<
      string,
      QueryValue
    >;
    const headers: Record<string, string> = {};
    if (!(body instanceof FormData)) headers['content-type'] = 'application/json';
    if (analyst !== undefined) headers['x-parley-analyst'] = encodeURIComponent(analyst);
    return write<ApiResponse<'post', P>>(url(path, params), {
      method: 'POST',
      headers,
      body: body instanceof FormData ? body : JSON.stringify(body),
    });
  },

  /** PATCH a JSON body (a partial change of one resource). */
  patch: <P extends ApiPath<'patch'>>(
    path: P,
    body: ApiBody<P, 'patch'>,
    ...[params]: Args<PathParams<P>>
  ) =>
    write<ApiResponse<'patch', P>>(url(path, params as Record<string, QueryValue>), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),

  /** DELETE one resource. */
  delete: <P extends ApiPath<'delete'>>(path: P, ...[params]: Args<PathParams<P>>) =>
    write<ApiResponse<'delete', P>>(url(path, params as Record<string, QueryValue>), {
      method: 'DELETE',
    }),
};
