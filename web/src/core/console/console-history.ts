// Cypher console history: newest first, no duplicates, capped. Stored as JSON in localStorage;
// anything unreadable there is treated as an empty history.

export const HISTORY_CAP = 50;
export const STORAGE_KEY = 'parley.cypher.history';

export function pushQuery(history: string[], query: string): string[] {
  const q = query.trim();
  if (!q) return history;
  return [q, ...history.filter((h) => h !== q)].slice(0, HISTORY_CAP);
}

export function parseHistory(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v)
      ? v
          .filter((x): x is string => typeof x === 'string' && x.length < 20_000)
          .slice(0, HISTORY_CAP)
      : [];
  } catch {
    return [];
  }
}

export interface ExampleQuery {
  title: string;
  query: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: 'Who rejected what',
    query: "MATCH (a:Actor)-[:PERFORMED]->(e:Event {type:'REJECT'}) RETURN a, e",
  },
  {
    title: 'Meetings and their participants',
    query:
      // A meeting has every participant on both sides: a.id < b.id gives each pair once, no self-pairs.
      "MATCH (a:Actor)-[:PERFORMED]->(e:Event {type:'CONSULT'})-[:DIRECTED_AT]->(b:Actor)\nWHERE a.id < b.id\nRETURN a, e, b LIMIT 50",
  },
  {
    title: 'Most active actors',
    query:
      'MATCH (a:Actor)-[:PERFORMED]->(e:Event)\nRETURN a.name AS actor, count(e) AS events\nORDER BY events DESC LIMIT 10',
  },
  {
    title: 'Who said what',
    query:
      'MATCH (a:Actor)-[:SAID]->(s:Statement)\nRETURN a.name AS speaker, s.verb AS verb, s.text AS statement LIMIT 25',
  },
  {
    title: 'People and the states they serve',
    query: 'MATCH (p:Person)-[r:AFFILIATED_WITH]->(s:State) RETURN p, r, s',
  },
];
