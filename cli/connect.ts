// How every command that talks to Neo4j connects: the one rule of db/connection.ts, and on a
// terminal a line naming the database, so nobody writes into the wrong one unawares.
import type { Driver } from 'neo4j-driver';
import { configFromEnv, describeNeo4j, getDriver, type Neo4jConfig } from '../db/connection.ts';

export function openNeo4j(command: string): { cfg: Neo4jConfig; driver: Driver } {
  const cfg = configFromEnv();
  if (process.stderr.isTTY) process.stderr.write(`parley ${command}: ${describeNeo4j()}\n`);
  return { cfg, driver: getDriver(cfg) };
}
