// Which driver errors mean "Neo4j is not there" (503) and which are the caller's Cypher (400).
import { Neo4jError } from 'neo4j-driver';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(err.code) ||
    err.code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    /connection acquisition timed out|Could not perform discovery/i.test(err.message)
  );
}

export function isTimeout(err: unknown): boolean {
  return (
    err instanceof Neo4jError &&
    (err.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      err.code === 'Neo.TransientError.Transaction.LockClientStopped' ||
      /terminated.*timeout|timed out/i.test(err.message)) &&
    !isUnavailable(err)
  );
}

export function neo4jProblem(
  err: unknown,
): { status: number; code: string; message: string } | undefined {
  if (!(err instanceof Neo4jError)) return undefined;
  if (isUnavailable(err)) {
    return {
      status: 503,
      code: 'NEO4J_UNAVAILABLE',
      message: `Neo4j is unreachable: ${firstLine(err.message)}`,
    };
  }
  if (isTimeout(err)) {
    return { status: 400, code: 'QUERY_TIMEOUT', message: firstLine(err.message) };
  }
  if (err.code.startsWith('Neo.ClientError.')) {
    const code = err.code.includes('Syntax')
      ? 'CYPHER_SYNTAX'
      : err.code.includes('Security') || err.code.includes('AccessMode')
        ? 'CYPHER_REFUSED'
        : 'CYPHER_ERROR';
    return { status: 400, code, message: err.message };
  }
  return undefined;
}

export function firstLine(s: string): string {
  return s.split('\n')[0];
}
