// The CLI's report of one revision: a headline, and for updates the facts that came and went.
import type { DiffFact, RevisionDiff } from '../../domain/index.ts';

const MAX_LISTED = 8;

const counts = (added: number, removed: number, what: string) =>
  removed > 0 ? `+${added} −${removed} ${what}` : `+${added} ${what}`;

function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function factLines(sign: '+' | '−', what: string, facts: DiffFact[]): string[] {
  const lines = facts
    .slice(0, MAX_LISTED)
    .map((f) => `    ${sign} ${what} ${f.type} ${f.summary}: ${clip(f.text)}`);
  if (facts.length > MAX_LISTED) lines.push(`    ${sign} … ${facts.length - MAX_LISTED} more`);
  return lines;
}

export function formatDiff(diff: RevisionDiff): string {
  const dry = diff.dryRun ? '[dry run] ' : '';
  const head = `${dry}${diff.documentId}`;
  const ms = `${Math.round(diff.ms)} ms`;
  if (diff.status === 'unchanged') {
    return `${head}: unchanged (revision ${diff.revisionId}, nothing written) ${ms}`;
  }
  const summary = [
    counts(diff.actors.added.length, diff.actors.removed.length, 'actors'),
    counts(diff.events.added.length, diff.events.removed.length, 'events'),
    counts(diff.statements.added.length, diff.statements.removed.length, 'statements'),
  ].join(', ');
  const verb = diff.dryRun
    ? diff.status === 'created'
      ? 'would create'
      : 'would update'
    : diff.status;
  if (diff.status === 'created') {
    return `${head}: ${verb} revision ${diff.revisionId} (${summary}) ${ms}`;
  }
  // A derived id that matched an existing document may be a different report: say so loudly.
  const matched = diff.revisionOf && diff.revisionOf.matchedBy !== 'id' ? diff.revisionOf : null;
  const lines = [
    `${head}: ${verb}, new revision ${diff.revisionId} replaces ${diff.previousRevisionId} (${summary}) ${ms}`,
    ...(matched ? [`    ! ${matched.message}`] : []),
    ...diff.actors.added.slice(0, MAX_LISTED).map((a) => `    + actor ${a.name} (${a.kind})`),
    ...diff.actors.removed.slice(0, MAX_LISTED).map((a) => `    − actor ${a.name} (${a.kind})`),
    ...factLines('+', 'event', diff.events.added),
    ...factLines('−', 'event', diff.events.removed),
    ...factLines('+', 'statement', diff.statements.added),
    ...factLines('−', 'statement', diff.statements.removed),
  ];
  return lines.join('\n');
}
