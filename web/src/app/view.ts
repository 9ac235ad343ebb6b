// The shape of a view (a tab of the viewer). A new view is a file in web/src/views/ that exports
// a ViewDef, plus one line in web/src/app/views.ts.
import type { App } from './app.ts';
import type { AppState } from './store.ts';

export interface ViewSlots {
  /** The view's tab panel (`section#view-<id>`), already in the page. */
  section: HTMLElement;
  /** The left rail, shown only while a view with `rail: true` is open. */
  rail: HTMLElement;
}

/** Keyboard actions a view answers to, wherever the user is (see keyboard-controller). */
export interface ViewKeys {
  undo?(): void;
  fit?(): void;
  zoomIn?(): void;
  zoomOut?(): void;
  /** Play or pause time playback (p). */
  play?(): void;
}

export interface ViewInstance {
  /** Called on every state change (prev is null the first time); render what changed. */
  render(s: AppState, prev: AppState | null): void;
  keys?: ViewKeys;
  /** Read-only probes for the end-to-end tests and benches (window.__parley). */
  hook?: Record<string, unknown>;
}

export interface ViewDef {
  id: string;
  /** The tab's text. */
  label: string;
  /** Whether the view fills the left rail. */
  rail?: boolean;
  /** A count shown on the tab (0: none). */
  badge?(s: AppState): number;
  create(slots: ViewSlots, app: App): ViewInstance;
}
