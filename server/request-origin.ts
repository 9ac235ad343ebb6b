// Who may talk to this server from a browser. Two attacks are refused here, for every route,
// present and future:
// - DNS rebinding: a page on evil.example points its name at 127.0.0.1 and reads or writes the
//   API as "same origin". The browser still sends `Host: evil.example`, so a request whose Host is
//   not a name this server answers to is refused.
// - Cross-site request forgery: a page on another origin posts a form or a no-cors fetch (which
//   needs no CORS preflight). Every state-changing request (anything but GET, HEAD, OPTIONS) whose
//   Origin or Sec-Fetch-Site says it came from another site is refused, unless that origin is the
//   configured PARLEY_CORS_ORIGIN. Clients that are not browsers (curl, the CLI) send neither
//   header and are not affected.
import { networkInterfaces, hostname } from 'node:os';
import type { RequestHandler } from 'express';
import { ApiError } from './errors.ts';

export interface OriginPolicy {
  /** Host names (no port) this server answers to; '*' turns the Host check off. */
  allowedHosts: ReadonlySet<string> | '*';
  /** PARLEY_CORS_ORIGIN: one other origin allowed to write. */
  corsOrigin?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** "Host: [::1]:3000" → "::1"; "Example.org." → "example.org". */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

const isWildcard = (address: string) => address === '0.0.0.0' || address === '::' || address === '';
const isLoopback = (address: string) =>
  LOOPBACK.includes(address) || address.startsWith('127.') || address === '::ffff:127.0.0.1';

/**
 * The names a server bound to `listenHost` answers to: loopback names for a loopback address,
 * the address itself otherwise, and every address and the name of this machine for a wildcard
 * address (0.0.0.0, ::). `extra` is PARLEY_ALLOWED_HOSTS: more names (a proxy's public name), or
 * '*' to accept any Host (only behind a proxy that checks it).
 */
export function allowedHostsFor(listenHost: string, extra?: string): ReadonlySet<string> | '*' {
  const more = (extra ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (more.includes('*')) return '*';
  const names = new Set<string>(more.map(hostName));
  const bound = hostName(listenHost);
  names.add(bound);
  if (isLoopback(bound) || isWildcard(bound)) for (const n of LOOPBACK) names.add(n);
  if (isWildcard(bound)) {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.address.toLowerCase());
    }
  }
  return names;
}

export function originPolicy(policy: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    const host = req.get('host') ?? '';
    if (policy.allowedHosts !== '*' && !policy.allowedHosts.has(hostName(host))) {
      return next(
        new ApiError(
          421,
          'UNKNOWN_HOST',
          `this server does not answer to the host name '${hostName(host)}' (set PARLEY_ALLOWED_HOSTS to add one)`,
        ),
      );
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const allowedOrigin = origin !== undefined && origin === policy.corsOrigin;
    let sameOrigin = false;
    if (origin !== undefined && origin !== 'null') {
      try {
        sameOrigin = new URL(origin).host.toLowerCase() === host.toLowerCase();
      } catch {
        sameOrigin = false;
      }
    }
    const crossByOrigin = origin !== undefined && !sameOrigin && !allowedOrigin;
    const crossBySite =
      site !== undefined && site !== 'same-origin' && site !== 'none' && !allowedOrigin;
    if (crossByOrigin || crossBySite) {
      return next(
        new ApiError(
          403,
          'CROSS_SITE_REQUEST',
          `a ${req.method} from another site (${origin ?? site}) is refused; only this server's own pages` +
            (policy.corsOrigin ? ` and ${policy.corsOrigin}` : '') +
            ' may change data',
        ),
      );
    }
    next();
  };
}
