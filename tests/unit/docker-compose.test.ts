// No Docker engine runs here, so the Docker route is checked by reading the files the way
// Compose and Docker would: services, images, ports, health, start order and variable names.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(resolve(ROOT, f), 'utf8');

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string } | string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string; interval?: string; retries?: number };
  depends_on?: Record<string, { condition: string }>;
};
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

const compose = parse(read('docker-compose.yml')) as Compose;
const { neo4j, app } = compose.services;

describe('docker-compose.yml', () => {
  it('has exactly the neo4j and app services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'neo4j']);
  });

  it('runs Neo4j 5.26 Community with a named volume for its data', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    const data = neo4j.volumes?.find((v) => v.endsWith(':/data'));
    expect(data).toBeDefined();
    const volume = data!.split(':')[0];
    expect(volume).not.toMatch(/^[./]/); // a named volume, not a bind mount
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('takes Neo4j auth from the environment and turns off file CSV import', () => {
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD(:-[^}]{8,})?\}$/);
    expect(neo4j.environment?.NEO4J_dbms_security_allow__csv__import__from__file__urls).toBe(
      'false',
    );
  });

  it('health-checks Neo4j by running a query', () => {
    const test = neo4j.healthcheck?.test;
    const cmd = Array.isArray(test) ? test.join(' ') : String(test);
    expect(cmd).toMatch(/cypher-shell .*RETURN 1|wget .*7474|curl .*7474/);
    expect(neo4j.healthcheck?.retries).toBeGreaterThan(0);
  });

  it('publishes Bolt and the app on loopback and the right container ports', () => {
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(app.ports).toHaveLength(1);
    expect(app.ports![0]).toMatch(/^127\.0\.0\.1:\$\{PARLEY_PORT:-3000\}:3000$/);
  });

  it('builds the app from the Dockerfile and starts it only once Neo4j is healthy', () => {
    const build =
      typeof app.build === 'string' ? { context: app.build, dockerfile: 'Dockerfile' } : app.build;
    expect(build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('points the app at the neo4j service with the variables the code reads', () => {
    const env = app.environment ?? {};
    expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(env.NEO4J_USER).toBe('neo4j');
    // The app's password is the same variable Neo4j's auth is built from.
    const neo4jDefault = /NEO4J_PASSWORD(:-[^}]*)?/.exec(neo4j.environment!.NEO4J_AUTH)![0];
    expect(env.NEO4J_PASSWORD).toBe(`\${${neo4jDefault}}`);
    expect(env.PARLEY_HOST).toBe('0.0.0.0');
    const code = ['db/connection.ts', 'cli/commands/serve.ts'].map((f) => read(f)).join('\n');
    for (const name of Object.keys(env)) expect(code, name).toContain(name);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('builds on node:20-slim with npm ci from the lockfile', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBeGreaterThan(0);
    for (const f of froms) expect(f).toMatch(/^FROM node:20-slim\b/);
    expect(dockerfile).toMatch(/COPY package\.json package-lock\.json/);
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).not.toMatch(/RUN npm install\b/);
  });

  it('builds the viewer and serves on all interfaces as a non-root user', () => {
    expect(dockerfile).toMatch(/vite build/);
    expect(dockerfile).toMatch(/dist\/web/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    const cmd = instructions.filter((l) => l.startsWith('CMD ')).at(-1);
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd!.slice(4))).toEqual([
      'node',
      'bin/parley.mjs',
      'serve',
      '--host',
      '0.0.0.0',
    ]);
  });

  it('copies every source folder the server imports and leaves build output out of the context', () => {
    for (const dir of ['bin', 'cli', 'curation', 'domain', 'ingest', 'server']) {
      expect(dockerfile).toMatch(new RegExp(`COPY ${dir} \\./${dir}`));
    }
    const ignore = read('.dockerignore').split('\n');
    for (const p of ['node_modules', 'data', 'dist', 'db/target', '.env'])
      expect(ignore).toContain(p);
  });
});
