import { defineConfig } from 'vitest/config';

// Three projects, all run by `npm test`:
// - unit: pure modules, colocated `*.spec.ts` files and tests/unit; no database, no browser.
// - integration: a real Neo4j (embedded, started by the global setup unless NEO4J_URI is set).
// - e2e: the real server and Neo4j driven through Debian's Chromium with playwright-core.
// They run one after the other (sequence.groupOrder), not at once: on a 2-core machine the e2e
// project's Chromium, server and second Neo4j took the CPU from the integration tests that time
// the API under hostile console queries, and those flaked (an API read waited 34-40 s behind
// console queries that Neo4j cannot interrupt, README "Cypher console").
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            '{domain,ingest,curation,server,web,cli,db,bench}/**/*.spec.ts',
            'tests/unit/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'db/target/**'],
          // The first extraction in a file reads the NLP weight files (a few seconds on a busy
          // machine); later ones take milliseconds.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/neo4j.global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/web-build.global.ts', 'tests/setup/neo4j.global.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
