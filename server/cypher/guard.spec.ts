import { describe, expect, it } from 'vitest';
import { blankLiterals, refusal } from './guard.ts';

describe('the Cypher console guard', () => {
  it('lets read queries through', () => {
    for (const q of [
      'MATCH (n) RETURN n LIMIT 10',
      'MATCH (a:Actor) WHERE a.name CONTAINS "LOAD CSV" RETURN a',
      "RETURN 'CREATE INDEX x' AS s, 'DROP DATABASE' AS t",
      'MATCH (n:Set) RETURN n.set, n.create, $merge',
      'RETURN {set: 1, delete: 2} AS m',
      'MATCH (n) // CREATE (m)\nRETURN n',
      'MATCH (n) /* DETACH DELETE n */ RETURN count(n)',
      'MATCH (`LOAD CSV`) RETURN `LOAD CSV`',
      'SHOW INDEXES',
      'SHOW ALL CONSTRAINTS YIELD name',
      'CALL db.labels() YIELD label RETURN label',
      'MATCH (e:Event) RETURN e.createdAt, e.offset, e.settled',
      'WITH 1 AS creates RETURN creates',
      'MATCH (n:`CREATE`) RETURN n AS `set`',
      'MATCH (n)\u001cRETURN n',
      'MATCH (n) // note\rRETURN n',
      'RETURN 1;',
    ]) {
      expect(refusal(q), q).toBeNull();
    }
  });

  it('refuses writes, file access, dbms calls, schema and admin commands', () => {
    for (const q of [
      'CREATE (n:X) RETURN n',
      'create (n)',
      'MERGE (n:X {id: 1})',
      'MATCH (n) SET n.x = 1',
      'MATCH (n) DELETE n',
      'MATCH (n) DETACH DELETE n',
      'MATCH (n) REMOVE n.x',
      'MATCH (n) FOREACH (x IN [1] | SET n.y = x)',
      "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
      "load  csv with headers from 'http://x' as l return l",
      'CALL dbms.components()',
      'CALL   dbms . listConfig()',
      'CALL `dbms`.components()',
      'CALL /* x */ dbms/* y */.components()',
      'CALL dbms.security.createUser("x", "y")',
      'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n',
      'CALL { MATCH (n) RETURN n } IN 4 CONCURRENT TRANSACTIONS OF 10 ROWS RETURN n',
      'CREATE INDEX foo FOR (n:X) ON (n.y)',
      'CREATE TEXT INDEX foo IF NOT EXISTS FOR (n:X) ON (n.y)',
      'CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE',
      'DROP INDEX actor_country',
      'DROP CONSTRAINT actor_id',
      'CREATE DATABASE x',
      'CREATE OR REPLACE USER bob SET PASSWORD "x"',
      'SHOW USERS',
      'SHOW CURRENT USER',
      'SHOW ROLE admin PRIVILEGES',
      'SHOW TRANSACTIONS',
      'TERMINATE TRANSACTIONS "neo4j-transaction-1"',
      'GRANT ROLE admin TO bob',
      'DENY READ {*} ON GRAPH * TO bob',
      'REVOKE ROLE admin FROM bob',
      'ALTER USER neo4j SET PASSWORD "x"',
      'STOP DATABASE neo4j',
      'START DATABASE neo4j',
      'USE system SHOW DATABASES',
      "MATCH (n) /* hide */ CREATE (m) // 'LOAD CSV'",
      // Whitespace and comment forms Neo4j's lexer accepts (issue 17).
      'LOAD\u001cCSV FROM "http://127.0.0.1/x" AS l RETURN l',
      '// x\rCALL dbms.listConfig()',
      '// x\u2028CALL dbms.listConfig()',
      'SHOW\u001cUSERS',
      'SHOW\u001fTRANSACTIONS YIELD parameters',
      'CALL\u001cdbms.killConnections(["x"])',
      'MATCH (n)\u00a0DETACH\u3000DELETE n',
      'RETURN 1; CREATE (n)',
      'EXPLAIN CREATE (n)',
      'CYPHER 5 PROFILE MATCH (n) RETURN n',
    ]) {
      expect(refusal(q), q).not.toBeNull();
    }
  });

  it('cannot be fooled by quotes that end inside comments or escaped quotes', () => {
    expect(refusal("RETURN 'it\\'s' AS s CREATE (n)")).not.toBeNull();
    expect(refusal('RETURN "a // b" AS s CREATE (n)')).not.toBeNull();
    expect(refusal("RETURN '/* x' AS s, 1 AS t DELETE n")).not.toBeNull();
    expect(blankLiterals("RETURN 'abc' // c\n")).toBe('RETURN       ' + ' '.repeat(5));
  });
});
