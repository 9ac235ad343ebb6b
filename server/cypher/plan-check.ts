// The console's real gate: Neo4j plans the query (EXPLAIN, nothing runs) and says what it would
// do. Only a read query whose plan holds no LOAD CSV, no write, schema or administration
// operator, and calls no procedure or user-defined function outside the lists below, may run.
// The lexical filter (guard.ts) only saves a round trip for the obvious cases; this check does
// not depend on how the query is spelled.
import type { Driver, ManagedTransaction, Plan, Transaction } from 'neo4j-driver';
import { blankLiterals } from './guard.ts';

/** Procedures an analyst may call from the console: schema and full-text look-ups only. */
export const CONSOLE_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

/** User-defined functions (plugins) the console may call; built-in functions are always fine. */
export const CONSOLE_FUNCTIONS: ReadonlySet<string> = new Set<string>();

/** SHOW commands that describe the schema, not other users, sessions or the configuration. */
const SAFE_SHOW = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);

const WRITE_OPERATOR =
  /^(?:Create|Drop|Merge|LockingMerge|Set|Delete|DetachDelete|Remove|Foreach|DoNothingIfExists|Assert|Alter|Rename|Grant|Deny|Revoke|Start|Stop|Enable|Deallocate|Reallocate)/;

const READ_ONLY = 'the console is read-only';

/** Why one operator of the plan may not run, or null. */
function operatorRefusal(plan: Plan): string | null {
  const [op, database] = plan.operatorType.split('@');
  const details = String(plan.arguments?.Details ?? '');
  if (database === 'system' || op === 'AdministrationCommand') {
    return 'administration commands are not allowed in the console';
  }
  if (op === 'LoadCSV') return 'LOAD CSV is not allowed in the console';
  if (op === 'ProcedureCall') {
    const name = /^\s*([\w.`]+)\s*\(/.exec(details)?.[1]?.replaceAll('`', '') ?? details;
    if (!CONSOLE_PROCEDURES.has(name.toLowerCase())) {
      return `the procedure ${name} is not allowed in the console (allowed: ${[...CONSOLE_PROCEDURES].join(', ')})`;
    }
    return null;
  }
  if (/^Show/.test(op) && !SAFE_SHOW.has(op)) {
    return 'administration commands are not allowed in the console (SHOW of users, settings, transactions, …)';
  }
  if (/^Terminate/.test(op)) return 'administration commands are not allowed in the console';
  if (/^Transaction(?:Apply|Foreach)/.test(op)) {
    return 'CALL { … } IN TRANSACTIONS is not allowed in the console';
  }
  if (WRITE_OPERATOR.test(op)) return `${READ_ONLY}: the query would ${op}`;
  return null;
}

function* operators(plan: Plan): Generator<Plan> {
  yield plan;
  for (const child of plan.children ?? []) yield* operators(child);
}

/** Namespaced names called like functions in the query text and in the plan's details. */
function calledNames(query: string, plan: Plan): Set<string> {
  const texts = [blankLiterals(query)];
  for (const op of operators(plan)) texts.push(String(op.arguments?.Details ?? ''));
  const names = new Set<string>();
  for (const text of texts) {
    const squeezed = text.replace(/\s*\.\s*/g, '.');
    for (const m of squeezed.matchAll(/([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*\(/g)) {
      names.add(m[1].toLowerCase());
    }
  }
  return names;
}

/** The verdict on a planned query: why it may not run, or null. Pure, so it is unit-tested. */
export function planRefusal(
  query: string,
  queryType: string,
  plan: Plan,
  userFunctions: ReadonlySet<string>,
): string | null {
  for (const op of operators(plan)) {
    const why = operatorRefusal(op);
    if (why) return why;
  }
  for (const name of calledNames(query, plan)) {
    if (userFunctions.has(name) && !CONSOLE_FUNCTIONS.has(name)) {
      return `the function ${name} is not allowed in the console`;
    }
  }
  // Neo4j's own classification: r = read only, rw / w = writes, s = schema or system.
  if (queryType !== 'r') return `${READ_ONLY}: Neo4j plans this query as a write or schema change`;
  return null;
}

// User-defined functions come from plugins, which change only when Neo4j restarts.
const udfCache = new WeakMap<Driver, Promise<ReadonlySet<string>>>();

async function userDefinedFunctions(
  driver: Driver,
  tx: Transaction | ManagedTransaction,
): Promise<ReadonlySet<string>> {
  let known = udfCache.get(driver);
  if (!known) {
    known = tx
      .run('SHOW FUNCTIONS YIELD name, isBuiltIn WHERE NOT isBuiltIn RETURN collect(name) AS names')
      .then((r) => new Set((r.records[0]?.get('names') as string[]).map((n) => n.toLowerCase())));
    udfCache.set(driver, known);
    known.catch(() => udfCache.delete(driver));
  }
  return known;
}

/** Plans the query in the given (READ) transaction; why it may not run, or null. */
export async function checkPlan(
  driver: Driver,
  tx: Transaction | ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
): Promise<string | null> {
  const functions = await userDefinedFunctions(driver, tx);
  const { summary } = await tx.run(`EXPLAIN ${query}`, params);
  if (!summary.plan) return 'Neo4j gave no plan for this query';
  return planRefusal(query, summary.queryType, summary.plan, functions);
}
