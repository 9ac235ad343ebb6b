// `parley eval --curations`: every active curation scored against what the current extractor
// makes of the reports that hold its target (curation/score.ts). Each report is re-extracted
// once, from its CURRENT revision's text and metadata, by the planner the caller passes (the
// CLI passes ingest's), so this module does not depend on the extractor.
import neo4j, { type Driver, type Node } from 'neo4j-driver';
import { nodeRecord } from './records.ts';
import {
  scoreCuration,
  summarise,
  type PlanFacts,
  type Scored,
  type ScoreSummary,
  type TargetEvidence,
} from './score.ts';

export interface ReportToPlan {
  id: string;
  title: string | null;
  publishedAt: string | null;
  source: string | null;
  url: string | null;
}

/** A report's text and metadata → the plan the current extractor makes of it. */
export type Planner = (text: string, meta: ReportToPlan) => PlanFacts;

export interface CurationEval {
  results: Scored[];
  summary: ScoreSummary;
  /** Reports re-extracted. */
  reports: number;
}

// Where each curation's target is held now: the documents whose CURRENT revision evidences the
// fact (with the sentences), mentions the actor, or — for a merge — holds the merged mentions.
const EVIDENCE = `UNWIND $cs AS c
CALL (c) {
  MATCH (t:Event {id: c.target})-[ev:EVIDENCED_BY]->(:Revision)<-[:CURRENT]-(d:Document)
  WHERE c.kind = 'event'
  RETURN d.id AS doc, collect(ev.sentence) AS sentences
  UNION
  MATCH (t:Statement {id: c.target})-[ev:EVIDENCED_BY]->(:Revision)<-[:CURRENT]-(d:Document)
  WHERE c.kind = 'statement'
  RETURN d.id AS doc, collect(ev.sentence) AS sentences
  UNION
  MATCH (t:Actor {id: c.target})-[:MENTIONED_IN]->(:Revision)<-[:CURRENT]-(d:Document)
  WHERE c.kind = 'actor' AND c.op <> 'merge'
  RETURN d.id AS doc, [] AS sentences
  UNION
  MATCH (:Curation {id: c.id})-[:INTO]->(:Actor)-[m:MENTIONED_IN]->(:Revision)<-[:CURRENT]-(d:Document)
  WHERE c.op = 'merge' AND (c.id IN coalesce(m.merges, []) OR c.id IN coalesce(m.absorbed, []))
  RETURN d.id AS doc, [] AS sentences
}
RETURN c.id AS id, collect({id: doc, sentences: sentences}) AS documents`;

export async function evaluateCurations(
  driver: Driver,
  plan: Planner,
  database?: string,
): Promise<CurationEval> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await session.run(
      `MATCH (c:Curation) WHERE c.state = 'active' AND c.op <> 'undo' RETURN c ORDER BY c.at, c.id`,
    );
    const curations = records.map((r) => nodeRecord(r.get('c') as Node));
    // The curated graph's id of every merged actor (a merge into a merged actor is refused, so
    // one step resolves it; the loop guards against chains made by imports).
    const merges = new Map<string, string>();
    for (const c of curations) if (c.op === 'merge') merges.set(c.target, String(c.change.into));
    for (const [a, b] of merges) {
      let to = b;
      for (let i = 0; i < 20 && merges.has(to); i++) to = merges.get(to)!;
      merges.set(a, to);
    }
    const evidence = new Map<string, TargetEvidence>();
    const held = await session.run(EVIDENCE, {
      cs: curations.map((c) => ({ id: c.id, target: c.target, kind: c.targetKind, op: c.op })),
    });
    for (const r of held.records) {
      const documents = r.get('documents') as { id: string; sentences: unknown[] }[];
      evidence.set(r.get('id'), {
        documents: documents.map((d) => ({
          id: d.id,
          sentences: d.sentences.map((s) => neo4j.integer.toNumber(s as number)),
        })),
      });
    }
    const docIds = [
      ...new Set([...evidence.values()].flatMap((e) => e.documents.map((d) => d.id))),
    ];
    const texts = await session.run(
      `UNWIND $ids AS id
       MATCH (d:Document {id: id})-[:CURRENT]->(r:Revision)
       RETURN d {.id, .title, .publishedAt, .source, .url} AS meta, r.text AS text`,
      { ids: docIds },
    );
    const plans = new Map<string, PlanFacts>();
    for (const r of texts.records) {
      const m = r.get('meta') as Record<string, string | null | undefined>;
      const meta: ReportToPlan = {
        id: String(m.id),
        title: m.title ?? null,
        publishedAt: m.publishedAt ?? null,
        source: m.source ?? null,
        url: m.url ?? null,
      };
      plans.set(meta.id, plan(String(r.get('text')), meta));
    }
    const results = curations.map((c) =>
      scoreCuration(c, evidence.get(c.id) ?? { documents: [] }, plans, merges),
    );
    return { results, summary: summarise(results), reports: plans.size };
  } finally {
    await session.close();
  }
}
