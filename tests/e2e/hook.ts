// The viewer's read-only test hook (window.__parley, set up at the end of web/src/main.ts), as
// the end-to-end tests see it.
export type LabelBox = { id: string; label: string; x: number; y: number; w: number; h: number };

export interface ParleyHook {
  nodePosition(id: string): { x: number; y: number } | null;
  edgeMidpoint(id: string): { x: number; y: number } | null;
  labelBoxes(): LabelBox[];
  renderer(): { getEdgeAtPoint(x: number, y: number): string | null };
  queryGraphOrder(): number;
  nodes(): string[];
  edges(): string[];
  isLayoutRunning(): boolean;
  networkStatus(): string;
  graph(): {
    order: number;
    degree(n: string): number;
    neighbors(n: string): string[];
    hasEdge(id: string): boolean;
    getEdgeAttribute(id: string, name: string): unknown;
    getNodeAttribute(n: string, name: string): unknown;
    forEachNode(fn: (n: string, a: { x: number; y: number }) => void): void;
  };
  mapClusters(): { x: number; y: number; places: string[]; events: number }[];
  mapPerf(): { lastDrawMs: number; firstDrawAt: number | null; baseReady: boolean };
  placeActors(): string[];
  playback(): { playing: boolean; speed: number; head: number | null };
  /** The viewer's timings; timeSteps: one entry (ms) per time-playback window applied. */
  perf(): { timeSteps: number[] };
  timeWindow(): { start: number; end: number; edges: string[]; nodes: string[] } | null;
  /** The bytes big-network playback's layer holds: its pictures and its canvas. */
  playbackBytes(): number;
  /** The edges big-network playback's layer draws for the window ending on day `head`
   * (read back from its pixels), whatever the network's size. */
  playbackProbe(head: number): string[];
  state(): {
    url: {
      selection: { type: string; id: string } | null;
      places: string[];
      at: string | null;
      window: string;
      view: string;
    };
    hidden: string[];
    pinned: string[];
  };
}

declare global {
  interface Window {
    __parley: ParleyHook;
    __pwned?: unknown;
  }
}
