// The map's colours for PLOVER's quad classes, from the network's scale: greens for cooperation,
// reds for conflict, the material (stronger) class darker than the verbal one.
import { QUADS, type Quad } from '../../../../domain/index.ts';

export const QUAD_COLORS: Record<Quad, string> = {
  'verbal-cooperation': '#91cf60',
  'material-cooperation': '#1a9850',
  'verbal-conflict': '#fc8d59',
  'material-conflict': '#d73027',
};

export const QUAD_LABELS: Record<Quad, string> = {
  'verbal-cooperation': 'Verbal cooperation',
  'material-cooperation': 'Material cooperation',
  'verbal-conflict': 'Verbal conflict',
  'material-conflict': 'Material conflict',
};

/** The slices of a marker's ring: each quad's share of the events, in PLOVER's order. */
export function quadSlices(
  byQuad: Partial<Record<Quad, number>>,
): { quad: Quad; from: number; to: number }[] {
  const total = QUADS.reduce((n, q) => n + (byQuad[q] ?? 0), 0);
  if (!total) return [];
  let at = 0;
  const out: { quad: Quad; from: number; to: number }[] = [];
  for (const q of QUADS) {
    const n = byQuad[q] ?? 0;
    if (!n) continue;
    out.push({ quad: q, from: at / total, to: (at + n) / total });
    at += n;
  }
  return out;
}

/** "3 material conflict, 1 verbal cooperation": a cluster's counts for the tooltip. */
export function quadSummary(byQuad: Partial<Record<Quad, number>>): string {
  return QUADS.filter((q) => byQuad[q])
    .map((q) => `${byQuad[q]} ${QUAD_LABELS[q].toLowerCase()}`)
    .join(', ');
}
