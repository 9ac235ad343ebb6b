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
  // Over-fetch from Lucene: history (current = false) is dropped after the index lookup.
  const fetch = int(limit * 3);
  const factTypes = types.filter((t) => t !== 'actor');
  // Both indexes at once: typeahead latency is the slower of the two, not their sum.
  const [actors, facts] = await Promise.all([
    types.includes('actor')
      ? read(
          ctx,
          `CALL db.index.fulltext.queryNodes('actor_names', $q, {limit: $fetch}) YIELD node, score
           WHERE node.current = true
           RETURN node.id AS id, node.name AS label, node.kind AS kind, node.country AS country, score
           LIMIT $limit`,
          { q: lucene, fetch, limit: int(limit) },
        )
      : null,
    factTypes.length
      ? read(
          ctx,
          `CALL db.index.fulltext.queryNodes('fact_text', $q, {limit: $fetch}) YIELD node, score
           WHERE node.current = true
           WITH node, score, CASE WHEN node:Event THEN 'event' ELSE 'statement' END AS type
           WHERE type IN $types
           RETURN type, node.id AS id, node.text AS label, score
           LIMIT $limit`,
          { q: lucene, fetch, limit: int(limit), types: factTypes },
        )
      : null,
  ]);
  const hits: SearchHit[] = [];
  for (const r of actors?.records ?? []) {
    hits.push({
      type: 'actor',
      id: r.get('id'),
      label: r.get('label'),
      kind: r.get('kind'),
      country: r.get('country') ?? null,
      score: toNumber(r.get('score')),
    });
  }
  for (const r of facts?.records ?? []) {
    hits.push({
      type: r.get('type'),
      id: r.get('id'),
      label: r.get('label'),
      score: toNumber(r.get('score')),
    });
  }
  // Actors first (what a typeahead is for), then facts, up to the limit.
  return hits.slice(0, limit);
}
