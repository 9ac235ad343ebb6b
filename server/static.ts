// Serves the built viewer (dist/web) with an SPA fallback, or a placeholder that says how to build it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Router } from 'express';
import { fileURLToPath } from 'node:url';

export const DEFAULT_WEB_ROOT = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../dist/web',
);

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Parley</h1>
<p>The API is running (<a href="/api/health">/api/health</a>,
<a href="/api/openapi.json">/api/openapi.json</a>), but the viewer has not been built.</p>
<p>Build it with <code>npm run build</code> (writes <code>dist/web</code>) and reload this page.</p>
</body></html>
`;

export function staticSite(webRoot: string = DEFAULT_WEB_ROOT): Router {
  const router = express.Router();
  const index = join(webRoot, 'index.html');
  router.use(express.static(webRoot, { index: 'index.html', fallthrough: true, maxAge: '1h' }));
  // SPA fallback: every other GET outside /api gets the app (or the placeholder), checked per
  // request so a build made while the server runs is picked up.
  router.get(/^(?!\/api(?:\/|$)).*/, (_req, res) => {
    if (existsSync(index)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    } else {
      res.type('html').send(PLACEHOLDER);
    }
  });
  return router;
}
