// Cypher map projections shared by every query that returns events, statements or actors, so
// the card, the lists and the single-item endpoints give the same shapes (server/api/types.ts).

export const actorRef = (v: string) =>
  `${v} {.id, .name, .kind, country: coalesce(${v}.country, null)}`;

export const actorSummary = (v: string) =>
  `${v} {.id, .name, .kind, country: ${v}.country, sector: ${v}.sector, title: ${v}.title, aliases: coalesce(${v}.aliases, [])}`;

// The sentence is cut from the revision text by the offsets stored on the edge.
const evidence = (v: string) =>
  `[(${v})-[ev:EVIDENCED_BY]->(r:Revision)<-[:HAS_REVISION]-(d:Document) | {
    documentId: d.id, documentTitle: d.title, revisionId: r.id,
    current: EXISTS { (d)-[:CURRENT]->(r) },
    sentence: substring(r.text, ev.start, ev.end - ev.start), start: ev.start, end: ev.end }]`;

// Analysts' marks on a fact or actor: rejected, confirmed, and how many active curations.
export const curationMarks = (v: string) =>
  `rejected: coalesce(${v}.rejected, false), confirmed: coalesce(${v}.confirmed, false),
  curations: COUNT { (c:Curation)-[:CURATES]->(${v}) WHERE c.state = 'active' }`;

export const eventItem = (v: string) => `${v} {
  .id, .type, .mode, .quad, .score, .date, .dateText, .text, current: coalesce(${v}.current, false),
  ${curationMarks(v)},
  actors: [(x:Actor)-[:PERFORMED]->(${v}) | ${actorRef('x')}],
  recipients: [(${v})-[:DIRECTED_AT]->(x:Actor) | ${actorRef('x')}],
  place: head([(${v})-[:AT]->(p:Place) | p {.id, .name, country: p.country}]),
  evidence: ${evidence(v)}
}`;

export const statementItem = (v: string) => `${v} {
  .id, .text, .verb, .quote, .date, current: coalesce(${v}.current, false),
  ${curationMarks(v)},
  speaker: head([(x:Actor)-[:SAID]->(${v}) | ${actorRef('x')}]),
  about: [(${v})-[:ABOUT]->(x:Actor) | ${actorRef('x')}],
  reportedBy: head([(${v})-[:REPORTED_BY]->(x:Actor) | ${actorRef('x')}]),
  evidence: ${evidence(v)}
}`;

/**
 * Date filters at the coarser of the two precisions, so a month matches the days in it and a
 * day matches its month ("overlaps"): left(date, |since|) >= left(since, |date|).
 */
export function dateFilter(v: string, since: boolean, until: boolean): string {
  const parts: string[] = [];
  if (since) parts.push(`left(${v}.date, size($since)) >= left($since, size(${v}.date))`);
  if (until) parts.push(`left(${v}.date, size($until)) <= left($until, size(${v}.date))`);
  return parts.length ? `(${v}.date IS NOT NULL AND ${parts.join(' AND ')})` : 'true';
}
