// Entry point: the shell (top bar with search and the tabs of the registered views, the rail, the
// banner and toast), the store and the app-wide controllers; each view builds its own part.
import { onTokenNeeded } from './api/client.ts';
import { createApp } from './app/app.ts';
import { createStore, initialState, type AppState } from './app/store.ts';
import type { ViewInstance, ViewKeys } from './app/view.ts';
import { VIEWS, VIEW_IDS } from './app/views.ts';
import { createDataController } from './controllers/data-controller.ts';
import { startHealthController } from './controllers/health-controller.ts';
import { startKeyboard } from './controllers/keyboard-controller.ts';
import { createSearchController } from './controllers/search-controller.ts';
import { startUrlController } from './controllers/url-controller.ts';
import { parseUrlState } from './core/url/url-state.ts';
import { el } from './dom/el.ts';
import { renderBanner, renderToast } from './panels/banner.ts';
import { createSearchBox } from './panels/search-box.ts';
import { askToken } from './panels/token-dialog.ts';

// A write the server refuses for want of its token asks the analyst for it (kept for the tab).
onTokenNeeded(askToken);

const store = createStore(initialState(parseUrlState(window.location.search, VIEW_IDS)));
const data = createDataController(store);
const app = createApp(store, data, VIEW_IDS);
startUrlController(store, VIEW_IDS);
startHealthController(store, () => void data.reloadAll());
const searchCtl = createSearchController(store, (h) =>
  h.type === 'statement'
    ? store.set({ toast: 'That fact is not linked to an actor on the map.' })
    : app.focus({ type: h.type, id: h.id, label: h.label, country: h.country }),
);

// ---- shell -------------------------------------------------------------------------------
const banner = el('div', { class: 'banner', role: 'alert', hidden: true });
const toast = el('div', { class: 'toast', role: 'status', 'aria-live': 'polite', hidden: true });
const badges = VIEWS.map(() => el('span', { class: 'tab-badge', hidden: true }));
const tabs = VIEWS.map((v, i) =>
  el(
    'button',
    {
      type: 'button',
      role: 'tab',
      class: 'tab',
      id: `tab-${v.id}`,
      'aria-controls': `view-${v.id}`,
      title: `${v.id[0].toUpperCase()}${v.id.slice(1)} (${i + 1})`,
      on: { click: () => app.setUrl({ view: v.id }) },
    },
    [v.label, badges[i]],
  ),
);
function renderBadges(s: AppState): void {
  VIEWS.forEach((v, i) => {
    const n = v.badge?.(s) ?? 0;
    badges[i].hidden = n === 0;
    badges[i].textContent = n > 99 ? '99+' : String(n);
    badges[i].setAttribute('aria-label', `${n} new`);
  });
}
const search = createSearchBox({
  input: (q) => searchCtl.input(q),
  move: (d) => searchCtl.move(d),
  choose: (h) => searchCtl.choose(h),
  close: () => searchCtl.close(),
});
const topbar = el('header', { class: 'topbar' }, [
  el('div', { class: 'brand' }, [
    el('span', { class: 'logo', 'aria-hidden': 'true', text: '◆' }),
    el('span', { text: 'Parley' }),
  ]),
  search.root,
  el('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' }, tabs),
]);
const rail = el('aside', { class: 'rail', 'aria-label': 'Filters and legend' });
const sections = VIEWS.map((v) =>
  el('section', { class: `view view-${v.id}`, id: `view-${v.id}`, role: 'tabpanel' }),
);
const body = el('div', { class: 'body' }, [rail, el('main', { class: 'centre' }, sections)]);
document.getElementById('app')!.append(topbar, banner, body, toast);
showView(store.get().url.view);

function showView(view: string): void {
  VIEWS.forEach((v, i) => {
    tabs[i].setAttribute('aria-selected', String(view === v.id));
    sections[i].hidden = view !== v.id;
  });
  rail.hidden = !VIEWS.find((v) => v.id === view)?.rail;
}

// ---- views -------------------------------------------------------------------------------
// Each view's body is a chunk loaded when first needed: the view opened first at once, the
// others once it has drawn (its `ready`), so that they do not compete with its first moments;
// a tab chosen before then loads its view at once.
const views: (ViewInstance | null)[] = VIEWS.map(() => null);
const loading: (Promise<ViewInstance> | null)[] = VIEWS.map(() => null);
const hook: Record<string, unknown> = {
  state: () => ({
    url: store.get().url,
    hidden: [...store.get().hidden],
    pinned: [...store.get().pinned],
  }),
};
function loadView(i: number): Promise<ViewInstance> {
  loading[i] ??= VIEWS[i].load().then(
    (def) => {
      const v = def.create({ section: sections[i], rail }, app);
      views[i] = v;
      Object.assign(hook, v.hook);
      v.render(store.get(), null);
      return v;
    },
    (e: unknown) => {
      loading[i] = null; // asked again when its tab is chosen again
      store.set({ toast: `Could not load the ${VIEWS[i].label} view. Reload the page.` });
      throw e;
    },
  );
  return loading[i];
}
const opened = Math.max(
  0,
  VIEWS.findIndex((v) => v.id === store.get().url.view),
);
void loadView(opened).then(async (v) => {
  // The test and bench hook, once the view opened first is there (read-only probes).
  (window as unknown as { __parley: typeof hook }).__parley = hook;
  await v.ready;
  for (const i of VIEWS.keys()) await loadView(i).catch(() => undefined);
});
/** A keyboard action: the open view's own, else the first view that offers it. */
const key = (k: keyof ViewKeys) => (): void => {
  const open = views[VIEWS.findIndex((v) => v.id === store.get().url.view)];
  (open?.keys?.[k] ?? views.find((v) => v?.keys?.[k])?.keys?.[k])?.();
};

startKeyboard({
  focusSearch: () => search.input.focus(),
  escape: () => {
    if (store.get().search.open) searchCtl.close();
    else if (store.get().url.selection) app.select(null);
  },
  undo: key('undo'),
  fit: key('fit'),
  zoomIn: key('zoomIn'),
  zoomOut: key('zoomOut'),
  play: key('play'),
  view: (i) => {
    if (VIEWS[i]) app.setUrl({ view: VIEWS[i].id });
  },
});

// ---- rendering ---------------------------------------------------------------------------
let toastTimer: ReturnType<typeof setTimeout> | undefined;
function render(s: AppState, prev: AppState | null): void {
  const changed = <K extends keyof AppState>(...keys: K[]): boolean =>
    !prev || keys.some((k) => s[k] !== prev[k]);
  showView(s.url.view);
  renderBadges(s);
  if (changed('neo4jDown')) renderBanner(banner, s);
  if (changed('toast')) {
    renderToast(toast, s);
    clearTimeout(toastTimer);
    if (s.toast) toastTimer = setTimeout(() => store.set({ toast: null }), 3500);
  }
  if (changed('search')) search.render(s.search);
  const shown = VIEWS.findIndex((v) => v.id === s.url.view);
  if (shown >= 0 && !views[shown]) void loadView(shown).catch(() => undefined);
  for (const v of views) v?.render(s, prev);
}
// A curation's patched network is drawn by the graph controller in its own subscription; the
// panels (filters, legend, the card's sparkline) follow once the frame that shows it is painted,
// so that they do not hold that frame back. Changes meanwhile are rendered with them.
let pending: AppState | null = null;
store.subscribe((s, prev) => {
  if (pending) return;
  if (s.networkPatch === null || s.networkPatch === prev.networkPatch) return render(s, prev);
  pending = prev;
  afterPaint(() => {
    const from = pending!;
    pending = null;
    render(store.get(), from);
  });
});

/** Runs `fn` once the next frame is painted (or soon, where frames are not drawn). */
function afterPaint(fn: () => void): void {
  let ran = false;
  const once = () => {
    if (!ran) fn();
    ran = true;
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}
render(store.get(), null);
