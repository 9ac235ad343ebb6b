// The curation log as the panel shows it: a one-line summary of each entry and the filter
// the analyst types (who, what, which target, orphaned/undone). Pure.
import type { CurationLogEntry } from '../../../../server/api/types.ts';

const OP_LABEL: Record<string, string> = {
  merge: 'merged',
  edit: 'edited',
  reject: 'rejected',
  'set-actors': 'changed the actors of',
  'set-place': 'changed the place of',
  'set-speaker': 'changed the speaker of',
  confirm: 'confirmed',
  note: 'annotated',
  undo: 'undid',
};

function changeText(e: CurationLogEntry): string {
  if (e.op === 'merge') return ` into ${e.intoLabel ?? String(e.change.into)}`;
  if (e.op === 'edit') {
    const props = (e.change.changes ?? {}) as Record<string, unknown>;
    return `: ${Object.entries(props)
      .map(([k, v]) => `${k} ${v === null ? 'cleared' : `→ ${String(v)}`}`)
      .join(', ')}`;
  }
  if (e.op === 'note') return `: “${String(e.change.note)}”`;
  if (e.op === 'undo') return ` (${String(e.change.undoes)} of ${String(e.change.of)})`;
  return '';
}

/** "Ana merged Anwar into Anwar Ibrahim" */
export function summarize(e: CurationLogEntry): string {
  const target = e.op === 'undo' ? e.target : (e.targetLabel ?? e.target);
  return `${e.by} ${OP_LABEL[e.op] ?? e.op} ${target}${changeText(e)}`;
}

/** Entries whose summary, reason, state or flags contain every word of the query. */
export function filterLog(entries: CurationLogEntry[], query: string): CurationLogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => {
    const hay = [
      summarize(e),
      e.reason ?? '',
      e.op,
      e.state,
      e.orphaned ? 'orphaned' : '',
      e.target,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Undo is offered for active curations that are not themselves undos. */
export const canUndo = (e: CurationLogEntry): boolean => e.op !== 'undo' && e.state === 'active';
