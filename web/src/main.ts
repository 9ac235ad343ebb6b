// Entry point: builds the shell, creates the store and the controllers, and connects panels
// (which only render) to actions (which change state through controllers).
import type { SearchHit } from '../../server/api/types.ts';
import { api } from './api/client.ts';
import { createStore, initialState, type AppState } from './app/store.ts';
import {
  setDateRange,
  toggleCountry,
  toggleKind,
  toggleQuad,
  toggleType,
  NO_FILTERS,
  type Filters,
} from './core/filters/filters.ts';
import { applyHidden, record, undo } from './core/history/history.ts';
import { parseEdgeId } from './core/network/edge-events.ts';
import { parseUrlState, type Selection, type UrlState, type View } from './core/url/url-state.ts';
import { createConsoleController } from './controllers/console-controller.ts';
import type { CypherEditor } from './controllers/cypher-editor.ts';
import { createDataController } from './controllers/data-controller.ts';
import { createDocumentsController } from './controllers/documents-controller.ts';
import { createGraphController } from './controllers/graph-controller.ts';
import { startHealthController } from './controllers/health-controller.ts';
import { startKeyboard } from './controllers/keyboard-controller.ts';
import { createQueryGraph } from './controllers/query-graph-controller.ts';
import { createSearchController } from './controllers/search-controller.ts';
import { startUrlController } from './controllers/url-controller.ts';
import { el } from './dom/el.ts';
import { renderBanner, renderToast } from './panels/banner.ts';
import { createConsoleLayout, renderConsole } from './panels/console-view.ts';
import { renderDetailPanel } from './panels/detail-panel.ts';
import { createDocumentsView } from './panels/documents-view.ts';
import { renderFilters } from './panels/filters-panel.ts';
import { renderToolbar } from './panels/graph-toolbar.ts';
import { renderLegend } from './panels/legend.ts';
import { createSearchBox } from './panels/search-box.ts';
import { renderEmptyNetwork } from './panels/empty-state.ts';

const store = createStore(initialState(parseUrlState(window.location.search)));
const setUrl = (patch: Partial<UrlState>): void =>
  store.set((s) => ({ url: { ...s.url, ...patch } }));
const setFilters = (fn: (f: Filters) => Filters): void =>
  store.set((s) => ({ url: { ...s.url, filters: fn(s.url.filters) } }));
const select = (sel: Selection): void => setUrl({ selection: sel });

// ---- shell -------------------------------------------------------------------------------
const banner = el('div', { class: 'banner', role: 'alert', hidden: true });
const toast = el('div', { class: 'toast', role: 'status', 'aria-live': 'polite', hidden: true });
const tabs = (['network', 'console', 'documents'] as View[]).map((v, i) =>
  el('button', {
    type: 'button',
    role: 'tab',
    class: 'tab',
    id: `tab-${v}`,
    'aria-controls': `view-${v}`,
    title: `${v[0].toUpperCase()}${v.slice(1)} (${i + 1})`,
    text: v === 'network' ? 'Network' : v === 'console' ? 'Cypher console' : 'Documents',
    on: { click: () => setUrl({ view: v }) },
  }),
);
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

const filtersRoot = el('div', { class: 'filters' });
const legendRoot = el('div', { class: 'legend', 'aria-label': 'Legend' });
const rail = el('aside', { class: 'rail', 'aria-label': 'Filters and legend' }, [
  filtersRoot,
  el('section', { class: 'rail-section' }, [el('h3', { text: 'Legend' }), legendRoot]),
]);
const sigmaRoot = el('div', {
  class: 'sigma',
  id: 'sigma',
  'aria-label': 'Actor network. Use search (/) to find an actor.',
});
const toolbarRoot = el('div', { class: 'toolbar' });
const emptyRoot = el('div', { class: 'empty-overlay', hidden: true });
const detail = el('aside', { class: 'detail', 'aria-labelledby': 'panel-title', tabindex: '-1' });
const networkView = el(
  'section',
  { class: 'view view-network', id: 'view-network', role: 'tabpanel' },
  [el('div', { class: 'graph-area' }, [sigmaRoot, toolbarRoot, emptyRoot]), detail],
);
const consoleSlots = createConsoleLayout(() => void consoleCtl.run(editor?.getValue() ?? ''));
const consoleView = el(
  'section',
  { class: 'view view-console', id: 'view-console', role: 'tabpanel' },
  [consoleSlots.root],
);
const docs = createDocumentsView({
  open: (id) => setUrl({ doc: id }),
  uploadText: (text, id, title) => void docsCtl.uploadText(text, id, title),
  uploadFile: (f) => void docsCtl.uploadFile(f),
  dismissDiff: () => store.set({ lastDiff: null }),
  selectMark: (m) => void selectMark(m),
});
const documentsView = el(
  'section',
  { class: 'view view-documents', id: 'view-documents', role: 'tabpanel' },
  [docs.root],
);
const body = el('div', { class: 'body' }, [
  rail,
  el('main', { class: 'centre' }, [networkView, consoleView, documentsView]),
]);
document.getElementById('app')!.append(topbar, banner, body, toast);
showView(store.get().url.view);

function showView(view: View): void {
  for (const [i, v] of (['network', 'console', 'documents'] as View[]).entries())
    tabs[i].setAttribute('aria-selected', String(view === v));
  networkView.hidden = view !== 'network';
  consoleView.hidden = view !== 'console';
  documentsView.hidden = view !== 'documents';
  rail.hidden = view !== 'network';
}

// ---- controllers -------------------------------------------------------------------------
const graph = createGraphController(sigmaRoot, store);
graph.onSelect(select);
const data = createDataController(store, graph);
startUrlController(store);
startHealthController(store, () => void data.reloadAll());
const queryGraph = createQueryGraph(consoleSlots.graph);
const consoleCtl = createConsoleController(store, queryGraph);
// The editor (CodeMirror + Neo4j's Cypher parser) is most of the bundle: load it on first use.
let editor: CypherEditor | null = null;
let editorLoading: Promise<CypherEditor> | null = null;
function ensureEditor(): Promise<CypherEditor> {
  editorLoading ??= import('./controllers/cypher-editor.ts').then(({ createEditor }) => {
    editor = createEditor(
      consoleSlots.editor,
      "MATCH (a:Actor)-[:PERFORMED]->(e:Event {type:'REJECT'}) RETURN a, e",
      (q) => void consoleCtl.run(q),
    );
    return editor;
  });
  return editorLoading;
}
const docsCtl = createDocumentsController(store, () => void data.reloadNetwork());
const searchCtl = createSearchController(store, (h) => void chooseHit(h));

function nameOf(id: string): string {
  if (graph.graph.hasNode(id)) return graph.graph.getNodeAttribute(id, 'label');
  const net = store.get().network;
  const n = 'data' in net ? net.data?.nodes.find((x) => x.id === id) : undefined;
  return n?.name ?? id.replace(/^[a-z]+:/, '');
}

async function chooseHit(h: SearchHit): Promise<void> {
  let actorId = h.type === 'actor' ? h.id : null;
  if (!actorId && h.type === 'event') {
    try {
      const ev = await api.event(h.id);
      const a = ev.actors[0]?.id;
      const r = ev.recipients.find((x) => x.id !== a)?.id;
      if (a && r && graph.graph.hasEdge(`${a}->${r}`)) {
        setUrl({ view: 'network', selection: { type: 'edge', id: `${a}->${r}` } });
        graph.flyTo(a);
        return;
      }
      actorId = a ?? null;
    } catch {
      actorId = null;
    }
  }
  if (!actorId) {
    store.set({ toast: 'That fact is not linked to an actor on the map.' });
    return;
  }
  setUrl({ view: 'network', selection: { type: 'actor', id: actorId } });
  if (!graph.graph.hasNode(actorId)) {
    store.set({ toast: `${h.label} is not in the current view; showing it with its neighbours.` });
    await data.expand(actorId);
  }
  store.set((s) => ({ hidden: applyHidden(s.hidden, { kind: 'hide', nodes: [actorId!] }, true) }));
  graph.flyTo(actorId);
}

async function selectMark(m: { kind: string; id: string }): Promise<void> {
  if (m.kind === 'event') {
    try {
      const ev = await api.event(m.id);
      const a = ev.actors[0]?.id;
      const r = ev.recipients.find((x) => x.id !== a)?.id;
      if (a && r && (graph.graph.hasEdge(`${a}->${r}`) || graph.graph.hasEdge(`${r}->${a}`))) {
        const id = graph.graph.hasEdge(`${a}->${r}`) ? `${a}->${r}` : `${r}->${a}`;
        setUrl({ view: 'network', selection: { type: 'edge', id } });
        graph.flyTo(a);
        return;
      }
      if (a) return void chooseHit({ type: 'actor', id: a, label: ev.actors[0].name, score: 1 });
    } catch (e) {
      store.set({ toast: e instanceof Error ? e.message : 'Could not open the event.' });
    }
    return;
  }
  await chooseHit({ type: 'actor', id: m.id, label: nameOf(m.id), score: 1 });
}

function undoLast(): void {
  const { history, op } = undo(store.get().history);
  if (!op) return;
  store.set({ history });
  if (op.kind === 'hide') store.set((s) => ({ hidden: applyHidden(s.hidden, op, true) }));
  else if (op.kind === 'pin') {
    graph.setPinned(op.node, !op.pinned);
    store.set((s) => {
      const pinned = new Set(s.pinned);
      if (op.pinned) pinned.delete(op.node);
      else pinned.add(op.node);
      return { pinned };
    });
  } else if (op.kind === 'expand') {
    const sel = store.get().url.selection;
    graph.dropNodes(op.nodes.filter((n) => !(sel?.type === 'actor' && sel.id === n)));
  }
  store.set({ toast: 'Undone' });
}

const detailActions = {
  selectActor: (id: string) => {
    select({ type: 'actor', id });
    graph.flyTo(id);
  },
  close: () => select(null),
  expand: (id: string) => void data.expand(id),
  hide: (id: string) => {
    store.set((s) => ({
      hidden: applyHidden(s.hidden, { kind: 'hide', nodes: [id] }, false),
      history: record(s.history, { kind: 'hide', nodes: [id] }),
    }));
    select(null);
  },
  togglePin: (id: string) => {
    const pinned = !store.get().pinned.has(id);
    graph.setPinned(id, pinned);
    store.set((s) => {
      const next = new Set(s.pinned);
      if (pinned) next.add(id);
      else next.delete(id);
      return { pinned: next, history: record(s.history, { kind: 'pin', node: id, pinned }) };
    });
  },
  openDocument: (id: string) => setUrl({ view: 'documents', doc: id }),
  nameOf,
};

async function exportPng(): Promise<void> {
  const blob = await graph.toPng();
  if (!blob) return store.set({ toast: 'Could not export the image.' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'parley-network.png' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

startKeyboard({
  focusSearch: () => search.input.focus(),
  escape: () => {
    if (store.get().search.open) searchCtl.close();
    else if (store.get().url.selection) select(null);
  },
  undo: undoLast,
  fit: () => graph.fit(),
  zoomIn: () => graph.zoom(1 / 1.5),
  zoomOut: () => graph.zoom(1.5),
  view: (v) => setUrl({ view: v }),
});

// ---- rendering ---------------------------------------------------------------------------
let toastTimer: ReturnType<typeof setTimeout> | undefined;
function render(s: AppState, prev: AppState | null): void {
  const changed = <K extends keyof AppState>(...keys: K[]): boolean =>
    !prev || keys.some((k) => s[k] !== prev[k]);
  showView(s.url.view);
  if (prev && s.url.view !== prev.url.view && s.url.view === 'network') {
    graph.renderer.resize();
    graph.renderer.refresh();
  }
  if (changed('neo4jDown')) renderBanner(banner, s);
  if (changed('toast')) {
    renderToast(toast, s);
    clearTimeout(toastTimer);
    if (s.toast) toastTimer = setTimeout(() => store.set({ toast: null }), 3500);
  }
  if (changed('search')) search.render(s.search);
  if (changed('url', 'ontology', 'network', 'eventDates', 'knownCountries')) {
    renderFilters(filtersRoot, s, {
      toggleType: (t) => setFilters((f) => (s.ontology ? toggleType(f, s.ontology, t) : f)),
      toggleQuad: (q) => setFilters((f) => (s.ontology ? toggleQuad(f, s.ontology, q) : f)),
      toggleKind: (k) => setFilters((f) => toggleKind(f, k)),
      toggleCountry: (c, known) => setFilters((f) => toggleCountry(f, c, known)),
      setDates: (r) => setFilters((f) => setDateRange(f, r?.since ?? null, r?.until ?? null)),
      reset: () => setFilters(() => NO_FILTERS),
    });
  }
  if (changed('url', 'network')) renderLegend(legendRoot, s, (c) => setUrl({ colorBy: c }));
  if (changed('history', 'layoutRunning', 'hidden')) {
    renderToolbar(toolbarRoot, s, {
      zoomIn: () => graph.zoom(1 / 1.5),
      zoomOut: () => graph.zoom(1.5),
      fit: () => graph.fit(),
      relayout: () => void graph.relayout(),
      undo: undoLast,
      exportPng: () => void exportPng(),
      showHidden: () => store.set({ hidden: new Set() }),
    });
  }
  if (changed('network', 'neo4jDown'))
    renderEmptyNetwork(
      emptyRoot,
      s,
      () => setUrl({ view: 'documents' }),
      () => setFilters(() => NO_FILTERS),
    );
  if (
    !prev ||
    s.url.selection !== prev.url.selection ||
    changed('card', 'edgeEvents', 'pinned', 'hidden', 'ontology', 'network')
  ) {
    const scroll = prev && s.url.selection === prev.url.selection ? detail.scrollTop : 0;
    renderDetailPanel(detail, s, detailActions);
    detail.scrollTop = scroll;
  }
  if (changed('console'))
    renderConsole(
      consoleSlots,
      s,
      (q) =>
        void ensureEditor().then((ed) => {
          ed.setValue(q);
          ed.focus();
        }),
    );
  if (s.url.view === 'console') void ensureEditor();
  if (s.url.view === 'documents') docs.render(s);
}
store.subscribe((s, prev) => render(s, prev));
render(store.get(), null);
if (store.get().url.view === 'documents') {
  void docsCtl.reload();
  void docsCtl.open(store.get().url.doc);
}

// Select an edge from the URL once its endpoints are drawn; fly to a selected actor.
store.subscribe((s, prev) => {
  if (s.network.status === 'ready' && prev.network.status !== 'ready') {
    const sel = s.url.selection;
    if (sel?.type === 'actor') setTimeout(() => graph.flyTo(sel.id), 50);
    if (sel?.type === 'edge') {
      const e = parseEdgeId(sel.id);
      if (e) setTimeout(() => graph.flyTo(e.source), 50);
    }
  }
});

// ---- test and bench hook (read-only views of the drawn graph) -----------------------------
const hook = {
  nodePosition: (id: string) => graph.nodePosition(id),
  queryNodePosition: (id: string) => queryGraph.nodePosition(id),
  queryGraphOrder: () => queryGraph.order(),
  nodes: () => graph.graph.nodes(),
  edges: () => graph.graph.edges(),
  isLayoutRunning: () => store.get().layoutRunning,
  networkStatus: () => store.get().network.status,
  state: () => ({
    url: store.get().url,
    hidden: [...store.get().hidden],
    pinned: [...store.get().pinned],
  }),
  fit: () => graph.fit(),
  perf: () => graph.perf(),
  renderer: () => graph.renderer,
  graph: () => graph.graph,
};
(window as unknown as { __parley: typeof hook }).__parley = hook;
