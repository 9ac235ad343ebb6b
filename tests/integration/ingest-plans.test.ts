// The ingest queries are planned once and never replanned (`CYPHER replan=skip`), so the plan
// Neo4j makes on an empty database must already be the right one for a large one: every node
// lookup a seek on a uniqueness constraint, no label or full scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { REVISION_FACTS, STORE_CHANGE } from '../../ingest/graph/changes.ts';
import { CURRENT_QUERY, REVISION_VIEW_QUERY } from '../../ingest/graph/read.ts';
import { LOCK_DOCUMENT, WRITE_REVISION } from '../../ingest/graph/write.ts';
import { testDriver, wipe } from './ingest-helpers.ts';

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

const operators = (p: PlanNode): string[] => [
  p.operatorType.replace(/@.*$/, ''),
  ...p.children.flatMap(operators),
];

describe('ingest query plans on an empty database', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
  });
  afterAll(async () => driver.close());

  const queries = {
    CURRENT_QUERY,
    LOCK_DOCUMENT,
    REVISION_VIEW_QUERY,
    WRITE_REVISION,
    REVISION_FACTS,
    STORE_CHANGE,
  };
  for (const [name, query] of Object.entries(queries)) {
    it(`${name} seeks, never scans`, async () => {
      expect(query.startsWith('CYPHER replan=skip')).toBe(true);
      // A fresh plan from today's (empty) statistics, not the one cached by earlier tests.
      const fresh = `EXPLAIN ${query.replace('CYPHER replan=skip', 'CYPHER replan=force')}`;
      const summary = (await driver.executeQuery(fresh, {})).summary;
      const ops = operators(summary.plan as unknown as PlanNode);
      expect(ops.some((op) => /IndexSeek/.test(op))).toBe(true);
      expect(ops.filter((op) => /Scan/.test(op))).toEqual([]);
    });
  }
});
