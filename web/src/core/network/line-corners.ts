// A straight edge drawn as two triangles without instancing (software WebGL sets up each
// instance on its own): for each of the six vertices, which end it is at (0 source, 1 target)
// and which side of the line (+1 or -1).
export const LINE_CORNERS: readonly (readonly [0 | 1, 1 | -1])[] = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, 1],
  [0, -1],
  [1, -1],
];
