// Records → API items: plain JSON (Neo4j integers to numbers) with evidence of the current
// revision first and actor lists in a stable order.
import type { EventItem, Evidence, StatementItem } from '../api/types.ts';
import { toJson } from '../cypher/values.ts';

type WithEvidence = { evidence: (Evidence & { current?: boolean })[] };

function sortEvidence<T extends WithEvidence>(item: T): T {
  item.evidence.sort(
    (a, b) =>
      Number(Boolean(b.current)) - Number(Boolean(a.current)) ||
      a.documentId.localeCompare(b.documentId) ||
      a.start - b.start,
  );
  return item;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toEventItem(raw: unknown): EventItem {
  const item = toJson(raw) as EventItem & WithEvidence;
  item.actors.sort(byId);
  item.recipients.sort(byId);
  return sortEvidence(item);
}

export function toStatementItem(raw: unknown): StatementItem {
  const item = toJson(raw) as StatementItem & WithEvidence;
  item.about.sort(byId);
  return sortEvidence(item);
}
