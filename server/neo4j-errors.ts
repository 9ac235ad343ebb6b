// Driver errors as API errors: "Neo4j is not there" (503, decided by db/unavailable.ts, the rule
// ingest uses too) and the caller's Cypher (400).
import { Neo4jError } from 'neo4j-driver';
import { isNeo4jUnavailable } from '../db/unavailable.ts';

export function isTimeout(err: unknown): boolean {
  return (
    err instanceof Neo4jError &&
    (err.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      err.code === 'Neo.TransientError.Transaction.LockClientStopped' ||
      /terminated.*timeout|timed out/i.test(err.message)) &&
    !isNeo4jUnavailable(err)
  );
}

export function neo4jProblem(
  err: unknown,
): { status: number; code: string; message: string } | undefined {
  if (!(err instanceof Neo4jError)) return undefined;
  if (isNeo4jUnavailable(err)) {
    return {
      status: 503,
      code: 'NEO4J_UNAVAILABLE',
      message: `Neo4j is unreachable: ${firstLine(err.message)}`,
    };
  }
  if (isTimeout(err)) {
    return { status: 400, code: 'QUERY_TIMEOUT', message: firstLine(err.message) };
  }
  if (/StackOverFlow|OutOfMemory|MemoryLimitExceeded|MemoryPoolOutOfMemory/i.test(err.code)) {
    // The query asked too much of Neo4j (deep nesting, a huge result); Neo4j itself is fine.
    return {
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: `Neo4j could not evaluate this query (${err.code.split('.').pop()}): simplify it or return less`,
    };
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
