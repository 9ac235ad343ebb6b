// How many reports back a fact: distinct documents whose CURRENT revision evidences it. Older
// revisions of the same report are its history, not extra sources, so they are counted apart.
import type { Evidence } from '../../../../server/api/types.ts';

export interface Corroboration {
  /** Documents whose current revision supports the fact, in evidence order. */
  reports: string[];
  /** Revisions no longer current (of any document) that also carried the fact. */
  earlierRevisions: number;
}

export function corroboration(evidence: Evidence[]): Corroboration {
  const reports: string[] = [];
  const earlier = new Set<string>();
  for (const ev of evidence) {
    if (ev.current) {
      if (!reports.includes(ev.documentId)) reports.push(ev.documentId);
    } else {
      earlier.add(ev.revisionId);
    }
  }
  return { reports, earlierRevisions: earlier.size };
}

/** "Miami talks (+1 more report) · also in 1 earlier revision" without the title. */
export function corroborationNote(c: Corroboration): string {
  const others = c.reports.length - 1;
  const parts: string[] = [];
  if (others > 0) parts.push(`(+${others} more report${others > 1 ? 's' : ''})`);
  if (c.earlierRevisions > 0) {
    const n = c.earlierRevisions;
    parts.push(`· also in ${n} earlier revision${n > 1 ? 's' : ''}`);
  }
  return parts.join(' ');
}
