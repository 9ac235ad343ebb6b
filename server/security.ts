// Security middleware: helmet headers with a CSP the built viewer works under, opt-in CORS, and
// bearer-token auth for write endpoints when PARLEY_TOKEN is set.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ApiError } from './errors.ts';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ForceAtlas2 runs in a worker the library builds from a blob: URL.
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        // CodeMirror and Sigma set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Served over plain HTTP on loopback by default: HSTS would only confuse browsers.
    strictTransportSecurity: false,
  });
}

/** CORS is off unless an origin is configured (PARLEY_CORS_ORIGIN); then only that origin. */
export function cors(origin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!origin) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Requires `Authorization: Bearer <token>` when a token is configured; a no-op otherwise. */
export function requireToken(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) return next();
    const m = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
    if (!m || !sameSecret(m[1].trim(), token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="parley"');
      return next(
        new ApiError(
          401,
          'UNAUTHORIZED',
          'this endpoint needs Authorization: Bearer <PARLEY_TOKEN>',
        ),
      );
    }
    next();
  };
}
