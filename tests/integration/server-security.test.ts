// Token auth for writes, security headers, CORS off by default, no stack traces, static serving.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
