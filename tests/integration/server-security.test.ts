// Token auth for writes, security headers, CORS off by default, no stack traces, static serving.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { ApiErrorBody } from '../../server/api/types.ts';
import type { RevisionDiff } from '../../domain/index.ts';
import { call, postJson, serve, testDriver } from './api.helpers.ts';

let driver: Driver;
let guarded: { url: string; close(): Promise<void> };
let open: { url: string; close(): Promise<void> };
let webRoot: string;
const TOKEN = 'test-token-4f1c';

beforeAll(async () => {
  driver = testDriver(inject('neo4jUri'));
  webRoot = mkdtempSync(join(tmpdir(), 'parley-web-'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><title>Parley viewer</title><div id="app"></div>',
  );
  writeFileSync(join(webRoot, 'app.js'), 'console.log("viewer")');
  guarded = await serve(driver, { token: TOKEN, webRoot });
  open = await serve(driver, {
    corsOrigin: 'http://viewer.example',
    webRoot: join(webRoot, 'missing'),
  });
});
afterAll(async () => {
  await guarded?.close();
  await open?.close();
  await driver?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const report = { id: 'security-doc', text: 'Ukraine and Russia met in Geneva on Monday.' };

describe('token auth (PARLEY_TOKEN)', () => {
  it('refuses writes without the bearer token, or with a wrong one, and writes nothing', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const r = await postJson(guarded.url, '/api/documents', report, headers);
      expect(r.status).toBe(401);
      expect((r.body as ApiErrorBody).error.code).toBe('UNAUTHORIZED');
      expect(r.headers.get('www-authenticate')).toMatch(/Bearer/);
    }
    const doc = await call(guarded.url, '/api/documents/security-doc');
    expect(doc.status).toBe(404);
  });

  it('accepts the write with the token; reads need none', async () => {
    const r = await postJson(guarded.url, '/api/documents', report, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect([200, 201]).toContain(r.status);
    expect((r.body as RevisionDiff).documentId).toBe('security-doc');
    expect((await call(guarded.url, '/api/documents/security-doc')).status).toBe(200);
    expect((await call(guarded.url, '/api/health')).status).toBe(200);
  });
});

describe('headers and errors', () => {
  it('sends helmet headers with a CSP that lets the viewer run', async () => {
    const r = await call(guarded.url, '/');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toContain("object-src 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('leaves CORS off by default and allows only the configured origin', async () => {
    const plain = await call(guarded.url, '/api/ontology', {
      headers: { origin: 'http://evil.example' },
    });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const withCors = await call(open.url, '/api/ontology', {
      headers: { origin: 'http://viewer.example' },
    });
    expect(withCors.headers.get('access-control-allow-origin')).toBe('http://viewer.example');
    const preflight = await call(open.url, '/api/cypher', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
  });

  it('never sends a stack trace', async () => {
    for (const [path, init] of [
      [
        '/api/cypher',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' },
      ],
      ['/api/events?cursor=%E0%A4%A', {}],
      ['/api/actors/%E0%A4%A', {}],
    ] as const) {
      const r = await call<ApiErrorBody>(guarded.url, path, init);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
      expect(JSON.stringify(r.body), path).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });
});

describe('static viewer', () => {
  it('serves the built viewer with an SPA fallback outside /api', async () => {
    const index = await call<string>(guarded.url, '/');
    expect(index.body).toContain('Parley viewer');
    const js = await call<string>(guarded.url, '/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const deep = await call<string>(guarded.url, '/actors/state:UKR?tab=events');
    expect(deep.body).toContain('Parley viewer');
    const api = await call<ApiErrorBody>(guarded.url, '/api/actors-typo');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });

  it('says how to build the viewer when dist/web is missing', async () => {
    const r = await call<string>(open.url, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('npm run build');
  });
});

/** A raw HTTP request, so that Host, Origin and Sec-Fetch-Site can be set as a browser would. */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(base + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path: url.pathname, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('cross-site requests and DNS rebinding (issue 17, finding 2)', () => {
  const doc = JSON.stringify({ id: 'csrf-doc', text: 'Ukraine and Russia met in Geneva.' });
  const json = { 'content-type': 'application/json' };
  // multipart, as a no-cors fetch or a plain HTML form sends it (no CORS preflight).
  const boundary = '----parleycsrf';
  const multipart =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="miami-talks.md"\r\n` +
    `Content-Type: text/markdown\r\n\r\nReplaced by another site.\r\n--${boundary}--\r\n`;

  it('refuses a write from another origin, by Origin or by Sec-Fetch-Site, and writes nothing', async () => {
    const host = new URL(open.url).host;
    for (const headers of [
      { ...json, host, origin: 'http://127.0.0.1:9999' },
      { ...json, host, origin: 'http://evil.example' },
      { ...json, host, origin: 'null' },
      { ...json, host, 'sec-fetch-site': 'cross-site' },
      { ...json, host, 'sec-fetch-site': 'same-site' },
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        host,
        origin: 'http://localhost:5173',
        'sec-fetch-site': 'same-site',
        'sec-fetch-mode': 'no-cors',
      },
    ] as Record<string, string>[]) {
      const body = headers['content-type'].startsWith('multipart') ? multipart : doc;
      const r = await raw(open.url, 'POST', '/api/documents', headers, body);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('CROSS_SITE_REQUEST');
      const cy = await raw(open.url, 'POST', '/api/cypher', headers, '{"query":"RETURN 1"}');
      expect(cy.status).toBe(403);
    }
    expect((await call(open.url, '/api/documents/csrf-doc')).status).toBe(404);
  });

  it('accepts writes from its own pages, from the configured origin, and from non-browser clients', async () => {
    const host = new URL(open.url).host;
    for (const headers of [
      { ...json, host, origin: open.url, 'sec-fetch-site': 'same-origin' },
      { ...json, host, origin: 'http://viewer.example', 'sec-fetch-site': 'cross-site' },
      { ...json, host },
    ] as Record<string, string>[]) {
      const r = await raw(open.url, 'POST', '/api/cypher', headers, '{"query":"RETURN 1 AS one"}');
      expect(r.status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('refuses any request whose Host is not a name the server answers to', async () => {
    for (const host of ['evil.example', 'evil.example:3000', '127.0.0.1.evil.example']) {
      for (const [method, path, body] of [
        ['GET', '/api/network', undefined],
        ['GET', '/', undefined],
        ['POST', '/api/documents', doc],
      ] as const) {
        const r = await raw(open.url, method, path, { ...json, host }, body);
        expect(r.status, `${host} ${method} ${path}`).toBe(421);
        expect(JSON.parse(r.body).error.code).toBe('UNKNOWN_HOST');
      }
    }
    const port = new URL(open.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await raw(open.url, 'GET', '/api/ontology', { host })).status, host).toBe(200);
    }
  });

  it('answers to more names when configured (PARLEY_ALLOWED_HOSTS), for a proxy', async () => {
    const proxied = await serve(driver, { allowedHosts: 'parley.example.org' });
    try {
      const ok = await raw(proxied.url, 'GET', '/api/ontology', { host: 'parley.example.org' });
      expect(ok.status).toBe(200);
      const bad = await raw(proxied.url, 'GET', '/api/ontology', { host: 'evil.example' });
      expect(bad.status).toBe(421);
    } finally {
      await proxied.close();
    }
  });
});

describe('bad input gets a clear 4xx in the one error shape (issue 17, finding 4)', () => {
  it('a YAML alias bomb in front matter', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `---\n${levels.join('\n')}\n---\nUkraine and Russia met in Geneva.\n`;
    const r = await postJson(open.url, '/api/documents', { filename: 'bomb.md', text });
    expect(r.status).toBe(400);
    expect((r.body as ApiErrorBody).error.code).toBe('READ_FRONT_MATTER');
    expect((r.body as ApiErrorBody).error.message).toMatch(/alias/i);
  });

  it('query parameters nested 5,000 deep', async () => {
    const params = `${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const r = await call(open.url, '/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"RETURN $x","params":${params}}`,
    });
    expect(r.status).toBe(400);
    expect((r.body as ApiErrorBody).error.code).toBe('INVALID_PARAMS');
  });

  it('a query nested so deep that Neo4j’s parser would overflow', async () => {
    const r = await postJson(open.url, '/api/cypher', {
      query: `RETURN ${'['.repeat(3000)}${']'.repeat(3000)}`,
    });
    expect(r.status).toBe(400);
    expect((r.body as ApiErrorBody).error.code).toBe('CYPHER_REFUSED');
    expect((await call(open.url, '/api/health')).status).toBe(200);
  });

  it('a 20 KB URL', async () => {
    const r = await call<ApiErrorBody>(open.url, `/api/search?q=${'x'.repeat(20_000)}`);
    expect(r.status).toBe(431);
    expect(r.body.error.code).toBe('HEADERS_TOO_LARGE');
  });
});
