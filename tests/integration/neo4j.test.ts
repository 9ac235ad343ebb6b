import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../db/connection.ts';
import { ensureSchema, SCHEMA_STATEMENTS } from '../../db/schema.ts';

describe('the real Neo4j', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = createDriver({
      uri: inject('neo4jUri'),
      user: 'neo4j',
      password: '',
      database: undefined,
    });
    await driver.verifyConnectivity();
  });
  afterAll(async () => driver.close());

  it('is Neo4j 5.26 community', async () => {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition',
    );
    expect(records[0].get('v')).toMatch(/^5\.26\./);
    expect(records[0].get('edition')).toBe('community');
  });

  it('writes and reads back a node', async () => {
    await driver.executeQuery('MERGE (n:SmokeTest {id: $id}) SET n.name = $name', {
      id: 'smoke-1',
      name: 'Kyiv',
    });
    const { records } = await driver.executeQuery(
      'MATCH (n:SmokeTest {id: $id}) RETURN n.name AS name',
      {
        id: 'smoke-1',
      },
    );
    expect(records.map((r) => r.get('name'))).toEqual(['Kyiv']);
    await driver.executeQuery('MATCH (n:SmokeTest) DELETE n');
  });

  it('bootstraps the schema idempotently', async () => {
    await ensureSchema(driver);
    await ensureSchema(driver); // a second run must neither fail nor add anything
    const constraints = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
    );
    const names: string[] = constraints.records[0].get('names');
    for (const label of ['document', 'revision', 'actor', 'place', 'event', 'statement']) {
      expect(names).toContain(`${label}_id`);
    }
    const indexes = await driver.executeQuery(
      "SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names",
    );
    expect(indexes.records[0].get('names').sort()).toEqual(['actor_names', 'fact_text']);
    expect(SCHEMA_STATEMENTS.length).toBeGreaterThan(8);
  });

  it('refuses CSV import from the file system', async () => {
    await expect(
      driver.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"),
    ).rejects.toThrow(/allow_csv_import_from_file_urls/);
  });
});
