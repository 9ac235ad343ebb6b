// The Parley HTTP server: JSON API under /api, the built viewer everywhere else.
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { pinoHttp } from 'pino-http';
import type { Extractor } from '../ingest/index.ts';
import { configFromEnv, driverConfig, getDriver } from '../db/connection.ts';
import { DEFAULT_LIMITS, newGraphCache, type Limits, type ServerContext } from './context.ts';
import { newConsolePool } from './cypher/console-pool.ts';
import { apiNotFound, errorBody, errorHandler } from './errors.ts';
import { newNeo4jWatch, noteNeo4jError, watchedDriver } from './neo4j-watch.ts';
import { graphIndex } from './queries/graph-index.ts';
import { apiRoutes } from './routes/index.ts';
import { allowedHostsFor, originPolicy } from './request-origin.ts';
import { cors, securityHeaders } from './security.ts';
import { staticSite } from './static.ts';

export interface ServerOptions {
  port: number;
  host: string;
  driver?: Driver;
  webRoot?: string;
  token?: string;
  logger?: boolean;
  corsOrigin?: string;
  /** PARLEY_ALLOWED_HOSTS: more host names to answer to (comma-separated), or '*'. */
  allowedHosts?: string;
  database?: string;
  limits?: Partial<Limits>;
  /** Build the graph index in the background at start (default true). */
  warmUp?: boolean;
  /** What POST /api/documents extracts reports with (default: Parley's own). */
  extractor?: Extractor;
}

export interface AppDeps {
  driver: Driver;
  database?: string;
  /** Shown by /api/health. */
  neo4jUri?: string;
  webRoot?: string;
  /** Bearer token for write endpoints (PARLEY_TOKEN); none means writes are open. */
  token?: string;
  /** Request logging with pino-http (off in tests). */
  logger?: boolean;
  corsOrigin?: string;
  /** Host names the server answers to (default: the loopback names), or '*'. */
  allowedHosts?: ReadonlySet<string> | '*';
  limits?: Partial<Limits>;
  /** A context made by the caller (startServer shares it to warm the graph index). */
  context?: ServerContext;
  /** What POST /api/documents extracts reports with (default: Parley's own). */
  extractor?: Extractor;
}

/** A console worker's heap: room for an 8 MB answer decoded and serialised, not for a 300 MB record. */
const CONSOLE_WORKER_HEAP_MB = 256;

function newContext(
  deps: Pick<AppDeps, 'driver' | 'database' | 'neo4jUri' | 'limits' | 'extractor'>,
): ServerContext {
  const watch = newNeo4jWatch();
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  return {
    extractor: deps.extractor,
    driver: watchedDriver(deps.driver, watch),
    watch,
    database: deps.database,
    neo4jUri: deps.neo4jUri ?? configFromEnv().uri,
    limits,
    cache: newGraphCache(),
    // Console queries run in worker threads, each with a driver to the same Neo4j.
    console: newConsolePool(driverConfig(deps.driver) ?? configFromEnv(), deps.database, {
      timeoutMs: limits.cypherTimeoutMs,
      maxRows: limits.cypherMaxRows,
      maxBytes: limits.cypherMaxBytes,
      concurrency: limits.cypherConcurrency,
      perClient: limits.cypherPerClient,
      workerHeapMb: CONSOLE_WORKER_HEAP_MB,
    }),
  };
}

export function createApp(deps: AppDeps): express.Express {
  const ctx = deps.context ?? newContext(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The access token (and any cookie) never reaches a log: pino-http logs every header.
  const logger = deps.logger
    ? pinoHttp({
        autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
      })
    : undefined;
  if (logger) app.use(logger);
  app.use(securityHeaders());
  app.use(
    originPolicy({
      allowedHosts: deps.allowedHosts ?? allowedHostsFor('127.0.0.1'),
      corsOrigin: deps.corsOrigin,
    }),
  );
  app.use('/api', cors(deps.corsOrigin));
  app.use('/api', apiRoutes(ctx, { token: deps.token }));
  app.use('/api', apiNotFound);
  app.use(staticSite(deps.webRoot));
  // A request that found Neo4j unavailable makes the next ones fail fast until it is back.
  app.use(((err, _req, _res, next) => {
    if (ctx.watch) noteNeo4jError(ctx.driver, ctx.watch, err);
    next(err);
  }) as express.ErrorRequestHandler);
  app.use(
    errorHandler((err) => {
      if (logger) logger.logger.error({ err }, 'request failed');
      else if (process.env.NODE_ENV !== 'test') console.error(err);
    }),
  );
  return app;
}

/** Starts listening; the caller owns the driver it passes, otherwise the shared one is used. */
export async function startServer(
  opts: ServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const cfg = configFromEnv();
  const ctx = newContext({
    driver: opts.driver ?? getDriver(cfg),
    database: opts.database ?? cfg.database,
    neo4jUri: cfg.uri,
    limits: opts.limits,
    extractor: opts.extractor,
  });
  const app = createApp({
    context: ctx,
    driver: ctx.driver,
    database: opts.database ?? cfg.database,
    neo4jUri: cfg.uri,
    webRoot: opts.webRoot,
    token: opts.token,
    logger: opts.logger,
    corsOrigin: opts.corsOrigin,
    allowedHosts: allowedHostsFor(opts.host, opts.allowedHosts ?? process.env.PARLEY_ALLOWED_HOSTS),
    limits: opts.limits,
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  // Node's HTTP parser answers a request with over-long headers or URL itself (431, no body):
  // answer it in the API's one error shape instead.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason] = tooLarge
      ? [431, 'Request Header Fields Too Large']
      : [400, 'Bad Request'];
    const body = JSON.stringify(
      tooLarge
        ? errorBody('HEADERS_TOO_LARGE', 'the request line or headers are over 16 KB')
        : errorBody('BAD_REQUEST', 'the request is not valid HTTP'),
    );
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  // Build the in-memory graph index now rather than on the first network request; if Neo4j is
  // not there yet, the first request builds it (nothing failed is kept).
  if (opts.warmUp !== false) void graphIndex(ctx).catch(() => {});
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (ctx.watch) ctx.watch.stopped = true;
        void ctx.console?.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
