// One line per entity type of scoreEntities (ingest/nlp/evaluate.ts), for logs and tables.
import type { EntityScore } from '../../ingest/nlp/evaluate.ts';

export function formatScores(name: string, scores: EntityScore[]): string {
  return scores
    .map(
      (s) =>
        `${name.padEnd(14)} ${s.type.padEnd(4)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    )
    .join('\n');
}
