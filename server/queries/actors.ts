// One actor: the card (aliases, affiliations, timeline, statements, documents) and its neighbours.
import type { ActorCard } from '../api/types.ts';
import { int, read, type ServerContext } from '../context.ts';
import { toJson, toNumber } from '../cypher/values.ts';
import { toEventItem, toStatementItem } from './items.ts';
import { actorSummary, curationMarks, eventItem, statementItem } from './projections.ts';

// Plain code-unit order: '~' (undated) sorts after every date, which localeCompare would not do.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const timelineOrder = (a: { date: string | null; id: string }, b: typeof a) =>
  cmp(a.date ?? '~', b.date ?? '~') || cmp(a.id, b.id);

/** The card with the `limit` most recent current events and statements (totals say how many). */
export async function actorCard(
  ctx: ServerContext,
  id: string,
  limit: number,
): Promise<ActorCard | null> {
  const { records } = await read(
    ctx,
    `MATCH (a:Actor {id: $id})
     CALL (a) {
       MATCH (a)-[:PERFORMED|DIRECTED_AT]-(e:Event) WHERE e.current = true
       WITH DISTINCT e
       RETURN count(e) AS eventTotal
     }
     CALL (a) {
       MATCH (a)-[:PERFORMED|DIRECTED_AT]-(e:Event) WHERE e.current = true
       WITH DISTINCT e ORDER BY coalesce(e.date, '') DESC, e.id LIMIT $limit
       RETURN collect(${eventItem('e')}) AS events
     }
     CALL (a) {
       MATCH (a)-[:SAID]->(s:Statement) WHERE s.current = true
       RETURN count(s) AS statementTotal
     }
     CALL (a) {
       MATCH (a)-[:SAID]->(s:Statement) WHERE s.current = true
       WITH s ORDER BY coalesce(s.date, '') DESC, s.id LIMIT $limit
       RETURN collect(${statementItem('s')}) AS statements
     }
     CALL (a) {
       MATCH (a)-[:MENTIONED_IN]->(r:Revision)<-[:CURRENT]-(d:Document)
       WITH DISTINCT d ORDER BY coalesce(d.publishedAt, '') DESC, d.id
       RETURN count(d) AS documentTotal,
         collect(d {.id, title: d.title, publishedAt: d.publishedAt})[..$limit] AS documents
     }
     RETURN ${actorSummary('a')} AS actor, a {${curationMarks('a')}, mergedInto: a.mergedInto} AS marks,
       [(a)-[r:AFFILIATED_WITH]->(s:Actor) | {id: s.id, name: s.name, title: r.title}] AS affiliations,
       [(m:Actor)-[r:AFFILIATED_WITH]->(a) WHERE m.current = true
         | {id: m.id, name: m.name, title: r.title}][..$limit] AS members,
       events, statements, documents, eventTotal, statementTotal, documentTotal`,
    { id, limit: int(limit) },
  );
  if (!records.length) return null;
  const r = records[0];
  const events = (r.get('events') as unknown[]).map(toEventItem).sort(timelineOrder);
  const statements = (r.get('statements') as unknown[]).map(toStatementItem).sort(timelineOrder);
  return {
    actor: toJson(r.get('actor')) as ActorCard['actor'],
    curation: toJson(r.get('marks')) as ActorCard['curation'],
    affiliations: toJson(r.get('affiliations')) as ActorCard['affiliations'],
    members: toJson(r.get('members')) as ActorCard['members'],
    events,
    statements,
    documents: toJson(r.get('documents')) as ActorCard['documents'],
    totals: {
      events: toNumber(r.get('eventTotal')),
      statements: toNumber(r.get('statementTotal')),
      documents: toNumber(r.get('documentTotal')),
    },
  };
}

export { neighbors } from './network.ts';
