// Reciprocal pairs (Russia → Ukraine and Ukraine → Russia) drawn as two curves bowing to either
// side, so each can be seen and clicked; a lone edge stays a straight arrow. The midpoint
// formula follows @sigma/edge-curve's quadratic Bézier (control point at the chord's middle,
// pushed along the normal by curvature × length).
import type { Attributes } from 'graphology-types';
import type { AbstractGraph as Graph } from 'graphology-types';

export const CURVATURE = 0.3;

interface CurvableAttrs {
  type: 'arrow' | 'line' | 'curved';
  curvature?: number;
}

export function curveReciprocals<N extends Attributes, E extends CurvableAttrs>(
  g: Graph<N, E>,
): void {
  g.forEachEdge((e, a, s, t) => {
    if (a.type === 'line') return; // very big networks: plain lines
    const both = g.hasDirectedEdge(t, s);
    g.mergeEdgeAttributes(
      e,
      (both ? { type: 'curved', curvature: CURVATURE } : { type: 'arrow' }) as Partial<E>,
    );
    // A pair no longer reciprocal (its other edge gone) is straight again, midpoint included.
    if (!both && a.curvature !== undefined) g.removeEdgeAttribute(e, 'curvature');
  });
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
