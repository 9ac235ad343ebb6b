import { describe, expect, it } from 'vitest';
import { testNeo4jOptions } from '../setup/neo4j-options.ts';

describe("the tests' own Neo4j", () => {
  it('waits as long as PARLEY_NEO4J_START_TIMEOUT_MS says, as the start-up error advises', () => {
    const o = testNeo4jOptions({ PARLEY_NEO4J_START_TIMEOUT_MS: '600000' }, 7999, '/tmp/x/neo4j');
    expect(o.startTimeoutMs).toBe(600_000);
  });

  it("keeps the developer's port, data directory, password and heap out", () => {
    const o = testNeo4jOptions(
      {
        PARLEY_NEO4J_PORT: '7687',
        PARLEY_NEO4J_DATA: '/home/me/parley-data',
        NEO4J_PASSWORD: 'secret',
        PARLEY_NEO4J_HEAP: '512m',
      },
      7999,
      '/tmp/x/neo4j',
    );
    expect(o).toMatchObject({ port: 7999, dataDir: '/tmp/x/neo4j', password: '', heap: '2g' });
    expect(o.startTimeoutMs).toBe(120_000);
  });

  it('refuses a malformed timeout with the variable named', () => {
    expect(() =>
      testNeo4jOptions({ PARLEY_NEO4J_START_TIMEOUT_MS: 'ten minutes' }, 7999, '/tmp/x'),
    ).toThrow(/PARLEY_NEO4J_START_TIMEOUT_MS/);
  });
});
