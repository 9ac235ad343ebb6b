// Reciprocal pairs (Russia → Ukraine and Ukraine → Russia) drawn as two curves bowing to either
// side, so each can be seen and clicked; a lone edge stays a straight arrow. The midpoint
// formula follows @sigma/edge-curve's quadratic Bézier (control point at the chord's middle,
// pushed along the normal by curvature × length).

export const CURVATURE = 0.3;

interface CurvableAttrs {
  type: 'arrow' | 'line' | 'curved';
  curvature?: number;
}

/** How an edge s → t is drawn: curved when t → s is drawn too (big networks: plain lines). */
export function curveOf(
  g: { hasDirectedEdge(s: string, t: string): boolean },
  type: CurvableAttrs['type'],
  s: string,
  t: string,
): CurvableAttrs {
  if (type === 'line') return { type };
  return g.hasDirectedEdge(t, s) ? { type: 'curved', curvature: CURVATURE } : { type: 'arrow' };
}

/** The point halfway along an edge as drawn, in viewport pixels (y down). */
export function edgeMidpoint(
  s: { x: number; y: number },
  t: { x: number; y: number },
  curvature = 0,
): { x: number; y: number } {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  // Normal (dy, −dx) in y-down pixels is the shader's (−dy, dx) in y-up clip space; the
  // Bézier's midpoint sits half way to its control point.
  return { x: (s.x + t.x) / 2 + 0.5 * curvature * dy, y: (s.y + t.y) / 2 - 0.5 * curvature * dx };
}
