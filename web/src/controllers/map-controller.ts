// The map: two canvases, the base (Natural Earth country shapes from world-atlas, drawn with
// d3-geo; bundled, nothing fetched from outside) and the markers (events by place, clustered,
// ringed by quad class). It owns the camera, turns wheel/drag/keys into pan and zoom and
// pointer positions into hovered and chosen clusters; the panels render the rest.
import { geoGraticule10, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapPlace } from '../../../server/api/types.ts';
import type { Store } from '../app/store.ts';
import { frame, pan, projectionFor, WORLD, zoomAt, type Camera } from '../core/map/camera.ts';
import { clusterAt, clusterPlaces, type Cluster } from '../core/map/cluster.ts';
import type { Quad } from '../../../domain/index.ts';
import { QUAD_COLORS, quadSlices } from '../core/map/quads.ts';
import { el } from '../dom/el.ts';

export interface MapController {
  resize(): void;
  fit(): void;
  zoom(factor: number): void;
  /** The drawn clusters (for the tests: where each place's marker is, in CSS pixels). */
  clusters(): Cluster[];
  /** lastDrawMs: the last frame; firstDrawAt: ms since navigation when shapes and places were
   * first drawn together (the map's first render). */
  perf(): {
    lastDrawMs: number;
    lastBaseMs: number;
    firstDrawAt: number | null;
    baseReady: boolean;
  };
}

export interface MapEvents {
  hover(c: Cluster | null, x: number, y: number): void;
  choose(c: Cluster | null): void;
  /** Once, when the map has first been drawn with its places (or without: they failed). */
  drawn(): void;
}

type Shapes = GeoPermissibleObjects;

/** Detailed shapes once the analyst zooms in past this (the world view needs only 1:110m). */
const DETAIL_ZOOM = 3;

/** The world view's shapes: bundled in a chunk of their own that the page preloads beside the
 * app (vite.config.ts), so the map's first draw does not wait for a request the app makes. */
const worldShapes = (): Shapes => {
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  return feature(topo, topo.objects.countries);
};

/** The detailed shapes, fetched when the analyst first zooms in past DETAIL_ZOOM. */
async function loadDetail(): Promise<Shapes> {
  const topo = (await import('world-atlas/countries-50m.json')).default as unknown as Topology<{
    countries: GeometryCollection;
  }>;
  return feature(topo, topo.objects.countries);
}

export function createMapController(
  container: HTMLElement,
  store: Store,
  on: MapEvents,
): MapController {
  const base = el('canvas', { class: 'map-base', 'aria-hidden': 'true' });
  const marks = el('canvas', {
    class: 'map-marks',
    tabindex: '0',
    role: 'img',
    'aria-label':
      'Map of events by place. Arrow keys pan, + and − zoom, f fits; the list beside it chooses places.',
  });
  container.append(base, marks);
  let camera: Camera = WORLD;
  const shapes = worldShapes();
  let detailed: Shapes | null = null;
  let detailLoading = false;
  let clusters: Cluster[] = [];
  let hovered: Cluster | null = null;
  let width = 0;
  let height = 0;
  let lastDrawMs = 0;
  let lastBaseMs = 0;
  let firstDrawAt: number | null = null;
  let settled = false;
  let baseDrawn = false;
  let framed = false;

  const places = (): MapPlace[] => {
    const p = store.get().places;
    return 'data' in p && p.data ? p.data.items : [];
  };

  function size(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext('2d');
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  // The camera only scales and shifts the world view, so the shapes are projected once per
  // canvas size (as Path2D, in world-view pixels) and each frame is a transform and a fill.
  const paths = new Map<Shapes | 'sphere' | 'graticule', Path2D>();
  let pathsFor = '';
  function pathOf(key: Shapes | 'sphere' | 'graticule'): Path2D {
    if (pathsFor !== `${width}x${height}`) {
      paths.clear();
      pathsFor = `${width}x${height}`;
    }
    let p = paths.get(key);
    if (!p) {
      // No adaptive resampling for the countries: at 1:110m their own points are close enough,
      // and resampling took most of the first draw's projection. The sphere and the graticule
      // are a few points each and need it: without, the globe's edge is drawn straight.
      const projection = projectionFor(WORLD, width, height);
      const svgPath = geoPath(
        key === 'sphere' || key === 'graticule' ? projection : projection.precision(0),
      );
      const shape =
        key === 'sphere'
          ? { type: 'Sphere' as const }
          : key === 'graticule'
            ? geoGraticule10()
            : key;
      p = new Path2D(svgPath(shape) ?? '');
      paths.set(key, p);
    }
    return p;
  }

  function drawBase(): void {
    const ctx = size(base);
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(dpr * camera.k, 0, 0, dpr * camera.k, dpr * camera.x, dpr * camera.y);
    ctx.fillStyle = '#e8eef4';
    ctx.fill(pathOf('sphere'));
    ctx.strokeStyle = '#dbe3ea';
    ctx.lineWidth = 0.5 / camera.k;
    ctx.stroke(pathOf('graticule'));
    const land = camera.k >= DETAIL_ZOOM && detailed ? detailed : shapes;
    if (land) {
      const p = pathOf(land);
      ctx.fillStyle = '#ffffff';
      ctx.fill(p);
      ctx.strokeStyle = '#b9c3cc';
      ctx.lineWidth = 0.6 / camera.k;
      ctx.stroke(p);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    baseDrawn = true;
    if (camera.k >= DETAIL_ZOOM && !detailed && !detailLoading) {
      detailLoading = true;
      void loadDetail().then((s) => {
        detailed = s;
        schedule(true);
      });
    }
  }

  let projected: { data: MapPlace[]; size: string; points: ([number, number] | null)[] } | null =
    null;
  /** The places in world-view pixels, once per data and canvas size. */
  function worldPoints(): ([number, number] | null)[] {
    const data = places();
    if (projected?.data !== data || projected.size !== `${width}x${height}`) {
      const projection = projectionFor(WORLD, width, height);
      projected = {
        data,
        size: `${width}x${height}`,
        points: data.map((p) => projection([p.lon, p.lat])),
      };
    }
    return projected.points;
  }

  function drawMarks(): void {
    const ctx = size(marks);
    if (!ctx) return;
    const screen = [];
    const world = worldPoints();
    for (const [i, p] of places().entries()) {
      const w = world[i];
      if (!w) continue;
      const xy = [w[0] * camera.k + camera.x, w[1] * camera.k + camera.y];
      if (xy[0] < -30 || xy[1] < -30 || xy[0] > width + 30 || xy[1] > height + 30) continue;
      screen.push({
        id: p.id,
        name: p.name,
        x: xy[0],
        y: xy[1],
        events: p.events,
        byQuad: p.byQuad,
      });
    }
    clusters = clusterPlaces(screen);
    const chosen = new Set(store.get().url.places);
    // In one pass: every marker's slices of a quad class in one path, the rings in one path per
    // style, the counts after them: eight fills and strokes for the whole map instead of a few
    // per marker (each a draw call of its own on a GPU-backed canvas).
    const slices = new Map<Quad, Path2D>();
    const rings = { plain: new Path2D(), hovered: new Path2D(), chosen: new Path2D() };
    for (const c of clusters) {
      for (const s of quadSlices(c.byQuad)) {
        let p = slices.get(s.quad);
        if (!p) slices.set(s.quad, (p = new Path2D()));
        p.moveTo(c.x, c.y);
        p.arc(
          c.x,
          c.y,
          c.radius,
          -Math.PI / 2 + s.from * 2 * Math.PI,
          -Math.PI / 2 + s.to * 2 * Math.PI,
        );
        p.closePath();
      }
      const ring = c.places.some((p) => chosen.has(p.id))
        ? rings.chosen
        : c === hovered
          ? rings.hovered
          : rings.plain;
      ring.moveTo(c.x + c.radius, c.y);
      ring.arc(c.x, c.y, c.radius, 0, 2 * Math.PI);
    }
    ctx.clearRect(0, 0, width, height);
    for (const [quad, p] of slices) {
      ctx.fillStyle = QUAD_COLORS[quad];
      ctx.fill(p);
    }
    for (const [ring, lineWidth, color] of [
      [rings.plain, 1, '#ffffff'],
      [rings.hovered, 2, '#ffffff'],
      [rings.chosen, 3, '#1f2933'],
    ] as const) {
      ctx.lineWidth = lineWidth;
      ctx.strokeStyle = color;
      ctx.stroke(ring);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = 'rgba(0,0,0,0.55)';
    ctx.lineWidth = 2.5;
    for (const c of clusters) {
      if (c.events < 2) continue;
      const label = String(c.events);
      ctx.strokeText(label, c.x, c.y);
      ctx.fillText(label, c.x, c.y);
    }
  }

  let pending = false;
  let baseDirty = true;
  function schedule(withBase = false): void {
    baseDirty ||= withBase;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (container.offsetParent === null || !width) return; // hidden: drawn when shown
      const ready = store.get().places.status === 'ready';
      if (ready && !framed) {
        framed = true; // the first places frame the camera; after that it is the analyst's
        camera = frame(
          places().map((p) => [p.lon, p.lat]),
          width,
          height,
        );
        baseDirty = true;
      }
      const t = performance.now();
      if (baseDirty) {
        drawBase();
        lastBaseMs = performance.now() - t;
      }
      baseDirty = false;
      drawMarks();
      lastDrawMs = performance.now() - t;
      if (ready && firstDrawAt === null) firstDrawAt = performance.now();
      if (!settled && (ready || store.get().places.status === 'error')) {
        settled = true;
        on.drawn();
      }
    });
  }

  function resize(): void {
    width = container.clientWidth;
    height = container.clientHeight;
    schedule(true);
  }

  function fit(): void {
    camera = frame(
      places().map((p) => [p.lon, p.lat]),
      width,
      height,
    );
    schedule(true);
  }

  function zoom(factor: number): void {
    camera = zoomAt(camera, factor, width / 2, height / 2);
    schedule(true);
  }

  // ---- pointer and keys ----------------------------------------------------------------
  let drag: { x: number; y: number; moved: boolean } | null = null;
  const local = (e: PointerEvent | WheelEvent): [number, number] => {
    const r = marks.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  marks.addEventListener('pointerdown', (e) => {
    const [x, y] = local(e);
    drag = { x, y, moved: false };
    marks.setPointerCapture(e.pointerId);
  });
  marks.addEventListener('pointermove', (e) => {
    const [x, y] = local(e);
    if (drag) {
      const dx = x - drag.x;
      const dy = y - drag.y;
      if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
        drag = { x, y, moved: true };
        camera = pan(camera, dx, dy);
        schedule(true);
        return;
      }
    }
    const c = clusterAt(clusters, x, y);
    if (c !== hovered) {
      hovered = c;
      marks.style.cursor = c ? 'pointer' : 'grab';
      schedule();
    }
    on.hover(c, x, y);
  });
  marks.addEventListener('pointerleave', () => {
    hovered = null;
    on.hover(null, 0, 0);
    schedule();
  });
  marks.addEventListener('pointerup', (e) => {
    const wasDrag = drag?.moved;
    drag = null;
    if (wasDrag) return;
    const [x, y] = local(e);
    on.choose(clusterAt(clusters, x, y));
  });
  marks.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const [x, y] = local(e);
      camera = zoomAt(camera, Math.exp(-e.deltaY / 400), x, y);
      schedule(true);
    },
    { passive: false },
  );
  marks.addEventListener('keydown', (e) => {
    const step = 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    camera = pan(camera, m[0], m[1]);
    schedule(true);
  });

  store.subscribe((s, prev) => {
    if (s.places !== prev.places || s.url.places !== prev.url.places) schedule();
  });
  new ResizeObserver(resize).observe(container);

  return {
    resize,
    fit,
    zoom,
    clusters: () => clusters,
    perf: () => ({ lastDrawMs, lastBaseMs, firstDrawAt, baseReady: baseDrawn }),
  };
}
