// Every command that connects follows the rule `parley start` uses: NEO4J_URI when set, else the
// embedded Neo4j at PARLEY_NEO4J_HOST:PARLEY_NEO4J_PORT. On a terminal it names the database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO, testDriver, wipe } from './ingest-helpers.ts';

let driver: Driver;
let dir: string;
let port: string;
/** The test Neo4j named only the way the embedded one is configured: no NEO4J_URI. */
const embeddedEnv = () => ({
  ...process.env,
  NEO4J_URI: '',
  PARLEY_NEO4J_HOST: '127.0.0.1',
  PARLEY_NEO4J_PORT: port,
});
const parley = (args: string[], env: NodeJS.ProcessEnv = embeddedEnv()) =>
  spawnSync(process.execPath, ['bin/parley.mjs', ...args], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  port = new URL(inject('neo4jUri').replace(/^bolt/, 'http')).port;
  dir = mkdtempSync(join(tmpdir(), 'parley-conn-'));
  writeFileSync(
    join(dir, 'port-test.txt'),
    'Russia accused Ukraine of attacking an oil depot on Saturday, officials said.\n',
  );
});
afterAll(async () => {
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each case spawns the CLI (tsx start-up) three times: slow on a loaded machine.
describe('the connection rule of every command', { timeout: 180_000 }, () => {
  it('ingest, query and export reach the Neo4j named by PARLEY_NEO4J_PORT', async () => {
    const ingest = parley(['ingest', join(dir, 'port-test.txt')]);
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    const { records } = await driver.executeQuery(
      "MATCH (d:Document {id: 'port-test-txt'}) RETURN count(d) AS n",
    );
    expect(records[0].get('n').toNumber()).toBe(1);

    const query = parley(['query', "MATCH (d:Document {id: 'port-test-txt'}) RETURN d.id AS id"]);
    expect(query.status).toBe(0);
    expect(query.stdout).toContain('port-test');

    const exported = parley(['export', '--format', 'json']);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('state:RUS');
  });

  it('names the database on a terminal, and refuses a malformed port clearly', () => {
    // `script` gives the command a pseudo-terminal, as a user's shell would.
    const tty = spawnSync(
      'script',
      ['-qec', `${process.execPath} bin/parley.mjs query 'RETURN 1 AS one'`, '/dev/null'],
      { cwd: REPO, env: embeddedEnv(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(tty.status).toBe(0);
    expect(tty.stdout).toContain(
      `parley query: Neo4j at bolt://127.0.0.1:${port} (the embedded one, from PARLEY_NEO4J_HOST and PARLEY_NEO4J_PORT)`,
    );
    const viaUri = spawnSync(
      'script',
      ['-qec', `${process.execPath} bin/parley.mjs query 'RETURN 1 AS one'`, '/dev/null'],
      {
        cwd: REPO,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri'), PARLEY_NEO4J_PORT: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(viaUri.stdout).toContain(`Neo4j at ${inject('neo4jUri')} (NEO4J_URI)`);
    // Piped output stays clean for scripts.
    expect(parley(['query', 'RETURN 1 AS one']).stderr).not.toMatch(/Neo4j at/);

    const bad = parley(['query', 'RETURN 1'], { ...embeddedEnv(), PARLEY_NEO4J_PORT: '76x' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /PARLEY_NEO4J_PORT must be a whole number from 1 to 65535, got '76x'/,
    );
  });
});
