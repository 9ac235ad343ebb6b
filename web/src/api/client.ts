// Typed HTTP client for the server's JSON API (the contract is server/api/types.ts, types only).
import type {
  ActorCard,
  CurationLogEntry,
  CurationRecord,
  CypherResult,
  DocumentSummary,
  DocumentView,
  EventItem,
  Health,
  Network,
  Ontology,
  Page,
  RevisionSummary,
  SearchHit,
} from '../../../server/api/types.ts';
import type { RevisionDiff } from '../../../domain/index.ts';
import type { EventsParams, NetworkParams } from '../../../server/api/types.ts';

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

function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const api = {
  health: () => request<Health>('/api/health'),
  ontology: () => request<Ontology>('/api/ontology'),
  network: (params: NetworkParams) => request<Network>(`/api/network${qs(params)}`),
  actor: (id: string) => request<ActorCard>(`/api/actors/${enc(id)}`),
  neighbors: (id: string, limit = 50) =>
    request<Network>(`/api/actors/${enc(id)}/neighbors${qs({ limit })}`),
  events: (params: EventsParams) => request<Page<EventItem>>(`/api/events${qs(params)}`),
  event: (id: string) => request<EventItem>(`/api/events/${enc(id)}`),
  search: (q: string) => request<{ items: SearchHit[] }>(`/api/search${qs({ q })}`),
  documents: (cursor?: string | null, limit = 50) =>
    request<Page<DocumentSummary>>(`/api/documents${qs({ limit, cursor })}`),
  document: (id: string, revision?: string) =>
    request<DocumentView>(`/api/documents/${enc(id)}${qs({ revision })}`),
  revisions: (id: string) =>
    request<{ items: RevisionSummary[] }>(`/api/documents/${enc(id)}/revisions`),
  upload: (body: { text: string; id?: string; title?: string; filename?: string }) =>
    request<RevisionDiff>('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  uploadFile: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<RevisionDiff>('/api/documents', { method: 'POST', body: form });
  },
  /** A curation ({op, target, …}); `by` is the analyst's name (X-Parley-Analyst). */
  curate: (body: Record<string, unknown>, by: string) =>
    request<CurationRecord>('/api/curations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parley-analyst': enc(by) },
      body: JSON.stringify(body),
    }),
  undoCuration: (id: string, by: string) =>
    request<CurationRecord>(`/api/curations/${enc(id)}/undo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parley-analyst': enc(by) },
      body: '{}',
    }),
  curations: (params: Record<string, string | number | undefined> = {}) =>
    request<{ items: CurationLogEntry[] }>(`/api/curations${qs(params)}`),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<CypherResult>('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params }),
    }),
};
