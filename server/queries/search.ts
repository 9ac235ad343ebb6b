// Typeahead search over the full-text indexes `actor_names` and `fact_text` (current nodes only).
import type { SearchHit } from '../api/types.ts';
import { int, read, type ServerContext } from '../context.ts';
import { toNumber } from '../cypher/values.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The user's words as a Lucene query: every word required, the last one also as a prefix (it is
 * still being typed). Words are split on anything but letters and digits, as the index's
 * analyzer does, so no user text reaches Lucene as syntax; the escape is belt and braces.
 */
export function luceneQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12)
    .map(escapeLucene);
  if (!words.length) return null;
  const last = words.pop() as string;
  return [...words.map((w) => `+${w}`), `+(${last}^2 ${last}*)`].join(' ');
}

export type SearchType = SearchHit['type'];

export async function search(
  ctx: ServerContext,
  q: string,
  types: SearchType[],
  limit: number,
): Promise<SearchHit[]> {
  const lucene = luceneQuery(q);
  if (!lucene) return [];
  const factTypes = types.filter((t) => t !== 'actor');
  // Both indexes in one query and one round trip; actors first (what a typeahead is for).
  // Lucene is asked for more than the limit: history (current = false) is dropped after it.
  const branches: string[] = [];
  if (types.includes('actor')) {
    branches.push(`CALL db.index.fulltext.queryNodes('actor_names', $q, {limit: $fetch}) YIELD node, score
       WHERE node.current = true
       RETURN 0 AS rank, 'actor' AS type, node.id AS id, node.name AS label, node.kind AS kind,
         node.country AS country, score, null AS factType, null AS date, [] AS performers, [] AS targets
       LIMIT $limit`);
  }
  if (factTypes.length) {
    branches.push(`CALL db.index.fulltext.queryNodes('fact_text', $q, {limit: $fetch}) YIELD node, score
       WHERE node.current = true
       WITH node, score, CASE WHEN node:Event THEN 'event' ELSE 'statement' END AS type
       WHERE type IN $types
       RETURN 1 AS rank, type, node.id AS id, node.text AS label, null AS kind, null AS country, score,
         coalesce(node.type, node.verb) AS factType, node.date AS date,
         [(a:Actor)-[:PERFORMED|SAID]->(node) | a.name] AS performers,
         [(node)-[:DIRECTED_AT|ABOUT]->(b:Actor) | b.name] AS targets
       LIMIT $limit`);
  }
  const { records } = await read(
    ctx,
    `CALL () { ${branches.join(' UNION ALL ')} }
     RETURN rank, type, id, label, kind, country, score, factType, date, performers, targets
     ORDER BY rank, score DESC
     LIMIT $limit`,
    { q: lucene, fetch: int(limit * 3), limit: int(limit), types: factTypes },
  );
  return records.map((r) => {
    const hit: SearchHit = {
      type: r.get('type'),
      id: r.get('id'),
      label: r.get('label'),
      score: toNumber(r.get('score')),
    };
    if (hit.type === 'actor') {
      hit.kind = r.get('kind');
      hit.country = r.get('country') ?? null;
    } else {
      // One sentence can hold several facts: the category and who tell them apart.
      hit.factType = r.get('factType') ?? undefined;
      hit.date = r.get('date') ?? null;
      hit.who =
        hit.type === 'statement'
          ? (r.get('performers') as string[]).join(', ')
          : factWho(r.get('performers'), r.get('targets'));
    }
    return hit;
  });
}

/** "Russia → Ukraine" (meetings, where everyone is on both sides: "Russia, Ukraine"). */
export function factWho(from: string[], to: string[]): string {
  const a = [...new Set(from)].sort();
  const b = [...new Set(to)].sort();
  if (!b.length || (a.length === b.length && a.every((x, i) => x === b[i]))) return a.join(', ');
  return `${a.join(', ')} → ${b.filter((x) => !a.includes(x)).join(', ') || b.join(', ')}`;
}
