// The shape of a view (a tab of the viewer). A new view is a file in web/src/views/ that exports
// a ViewDef, plus its tab in web/src/app/views.ts (which loads the file as a chunk of its own).
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
  /** Settles once the view, opened first, has drawn what the analyst came for: the other views
   * load after it (none given: at once). */
  ready?: Promise<void>;
}

/** A view's body: loaded as a chunk of its own when it is first needed. */
export interface ViewDef {
  create(slots: ViewSlots, app: App): ViewInstance;
}

/** A view's tab, in the page from the start. */
export interface ViewTab {
  id: string;
  /** The tab's text. */
  label: string;
  /** Whether the view fills the left rail. */
  rail?: boolean;
  /** A count shown on the tab (0: none). */
  badge?(s: AppState): number;
  /** The view's body (a dynamic import, so that a view opened first waits for no other). */
  load(): Promise<ViewDef>;
}
