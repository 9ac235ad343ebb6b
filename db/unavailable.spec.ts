import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createDriver, Neo4jUnavailableError } from './connection.ts';
import { freePort } from './embedded.ts';
import { isNeo4jUnavailable } from './unavailable.ts';

const error = (code: string, message = 'x') =>
  new Neo4jError(message, code, '50N42', 'general processing exception');

describe('isNeo4jUnavailable: the one rule for ingest and server', () => {
  it.each([
    ['ServiceUnavailable', 'Could not connect'],
    ['SessionExpired', 'the session is no longer available'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'database unavailable'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist'],
    ['N/A', 'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 100'],
    ['N/A', 'Could not perform discovery. No routing servers available.'],
  ])('%s (%s) is unavailable', (code, message) => {
    expect(isNeo4jUnavailable(error(code, message))).toBe(true);
  });

  it.each([
    ['Neo.ClientError.Statement.SyntaxError', 'Invalid input'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timed out'],
    ['Neo.TransientError.General.StackOverFlowError', 'stack overflow'],
    ['Neo.TransientError.General.OutOfMemoryError', 'out of memory'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'memory pool'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'deadlock'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'already exists'],
    ['Neo.ClientError.Security.Unauthorized', 'wrong password'],
    ['Neo.DatabaseError.General.UnknownError', 'boom'],
    ['N/A', 'some other driver problem'],
  ])('%s (%s) is not: Neo4j is there', (code, message) => {
    expect(isNeo4jUnavailable(error(code, message))).toBe(false);
  });

  it('counts the launcher’s own error and nothing that is not a driver error', () => {
    expect(isNeo4jUnavailable(new Neo4jUnavailableError('cannot reach Neo4j'))).toBe(true);
    expect(isNeo4jUnavailable(new Error('ServiceUnavailable'))).toBe(false);
    expect(isNeo4jUnavailable('ServiceUnavailable')).toBe(false);
  });

  it('classifies what the real driver throws at a port where nothing listens', async () => {
    const driver = createDriver({
      uri: `bolt://127.0.0.1:${await freePort()}`,
      user: 'neo4j',
      password: '',
      database: undefined,
    });
    try {
      // A session run, not executeQuery: no retries, the first error as the driver sees it.
      const session = driver.session();
      const e = await session.run('RETURN 1').catch((x: unknown) => x);
      await session.close();
      expect(isNeo4jUnavailable(e)).toBe(true);
    } finally {
      await driver.close();
    }
  }, 30_000);
});
