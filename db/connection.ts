// One Neo4j driver per process, configured from the environment (and a .env file).
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import { config as loadDotenv } from 'dotenv';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export const DEFAULT_URI = 'bolt://127.0.0.1:7687';

let dotenvLoaded = false;

/** The repository's .env fills what the environment leaves unset (once per process). */
export function loadEnvFile(): void {
  if (dotenvLoaded) return;
  loadDotenv({ quiet: true });
  dotenvLoaded = true;
}

/**
 * The one connection rule of every command (the same `parley start` follows): NEO4J_URI when
 * set, else the embedded Neo4j where PARLEY_NEO4J_HOST and PARLEY_NEO4J_PORT put it. A wildcard
 * listen address (0.0.0.0, ::) is reached on loopback.
 */
export function neo4jUriFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEO4J_URI) return env.NEO4J_URI;
  const rawHost = env.PARLEY_NEO4J_HOST || '127.0.0.1';
  const host = rawHost === '0.0.0.0' || rawHost === '::' ? '127.0.0.1' : rawHost;
  const rawPort = env.PARLEY_NEO4J_PORT || '7687';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort.trim()) || port < 1 || port > 65535) {
    throw new Error(`PARLEY_NEO4J_PORT must be a whole number from 1 to 65535, got '${rawPort}'`);
  }
  return `bolt://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Which database a command talks to and why, for the line printed on a terminal. */
export function describeNeo4j(env: NodeJS.ProcessEnv = process.env): string {
  const uri = neo4jUriFromEnv(env);
  if (env.NEO4J_URI) return `Neo4j at ${uri} (NEO4J_URI)`;
  const from = ['PARLEY_NEO4J_HOST', 'PARLEY_NEO4J_PORT'].filter((k) => env[k]);
  return `Neo4j at ${uri} (the embedded one${from.length ? `, from ${from.join(' and ')}` : ''})`;
}

/** Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE; a .env file fills gaps. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  if (env === process.env) loadEnvFile();
  return {
    uri: neo4jUriFromEnv(env),
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD || '',
    database: env.NEO4J_DATABASE || undefined,
  };
}

export class Neo4jUnavailableError extends Error {
  readonly code = 'NEO4J_UNAVAILABLE';
}

/** How each driver was made: a worker thread opens its own driver to the same Neo4j. */
const configs = new WeakMap<Driver, Neo4jConfig>();

/** The configuration a driver was created with (createDriver), if it was made here. */
export const driverConfig = (driver: Driver): Neo4jConfig | undefined => configs.get(driver);

export function createDriver(cfg: Neo4jConfig): Driver {
  // The embedded default runs with auth off on loopback; any configured password turns it on.
  // (neo4j.auth.none() exists at runtime but is missing from neo4j-driver's typings.)
  const none: AuthToken = { scheme: 'none', principal: '', credentials: '' };
  const auth = cfg.password ? neo4j.auth.basic(cfg.user, cfg.password) : none;
  const driver = neo4j.driver(cfg.uri, auth, {
    disableLosslessIntegers: false,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 15_000,
    logging: { level: 'error', logger: () => {} },
  });
  configs.set(driver, { ...cfg });
  return driver;
}

let shared: { driver: Driver; cfg: Neo4jConfig } | undefined;

/** The process-wide driver; closed by closeDriver() (called on exit by the CLI and server). */
export function getDriver(cfg: Neo4jConfig = configFromEnv()): Driver {
  if (!shared) shared = { driver: createDriver(cfg), cfg };
  return shared.driver;
}

export async function closeDriver(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s) await s.driver.close();
}

/** Throws Neo4jUnavailableError with a message a user can act on. */
export async function verifyNeo4j(driver: Driver, uri: string): Promise<void> {
  try {
    await driver.verifyConnectivity();
  } catch (e) {
    throw new Neo4jUnavailableError(
      `cannot reach Neo4j at ${uri}: ${(e as Error).message.split('\n')[0]}. ` +
        'Start the embedded database with `npx parley db start`, set NEO4J_URI to a running Neo4j 5, ' +
        'or run `docker compose up`.',
    );
  }
}
