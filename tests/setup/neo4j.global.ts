// Vitest global setup for the integration and e2e projects: a real Neo4j for the tests.
// Unless NEO4J_URI is set, it starts the embedded Neo4j on a free port with a temporary data
// directory and stops it afterwards. Tests read the URI from process.env.NEO4J_URI or inject('neo4jUri').
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbedded, stopEmbedded } from '../../db/embedded.ts';
import { testNeo4jOptions } from './neo4j-options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** True when the tests started the embedded Neo4j (its Launcher.java settings apply). */
    neo4jEmbedded: boolean;
  }
}

export { freePort };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jEmbedded', false);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-neo4j-'));
  const opts = testNeo4jOptions(process.env, await freePort(), join(dir, 'neo4j'));
  const started = await startEmbedded(opts, (s) => console.log(s));
  console.log(
    `[neo4j] embedded Neo4j for ${project.name} tests at ${started.uri} in ${started.ms} ms`,
  );
  process.env.NEO4J_URI = started.uri;
  project.provide('neo4jUri', started.uri);
  project.provide('neo4jEmbedded', true);
  return async () => {
    await stopEmbedded(opts);
    rmSync(dir, { recursive: true, force: true });
  };
}
