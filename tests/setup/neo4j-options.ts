// The options of the Neo4j the test setup starts. A developer's own settings (port, data
// directory, password, heap) must not leak into the tests' throwaway instance, but how long to
// wait for it must: the start-up error tells a user on a slow or busy machine to raise
// PARLEY_NEO4J_START_TIMEOUT_MS, and that advice has to work for `npm test` too.
import { embeddedOptionsFromEnv, type EmbeddedOptions } from '../../db/embedded.ts';

/** Settings of the user's environment that the tests' Neo4j honours. */
const HONOURED = ['PARLEY_NEO4J_START_TIMEOUT_MS'] as const;

export function testNeo4jOptions(
  env: NodeJS.ProcessEnv,
  port: number,
  dataDir: string,
): EmbeddedOptions {
  const kept = Object.fromEntries(HONOURED.map((name) => [name, env[name]]));
  return {
    ...embeddedOptionsFromEnv(kept),
    port,
    dataDir,
    // Every integration file runs against this one Neo4j at once, the console's hostile queries
    // among them: twice a single user's default heap.
    heap: '2g',
    pageCache: '256m',
  };
}
