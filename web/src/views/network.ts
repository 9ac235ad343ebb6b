// The actor network: sigma's canvas with its toolbar and empty state, the detail panel on the
// right, filters and legend in the rail. Controllers own sigma; the panels only render.
import type { ActorCard, EventItem, StatementItem } from '../../../server/api/types.ts';
import type { ViewDef } from '../app/view.ts';
import { createCurationController } from '../controllers/curation-controller.ts';
import { startFocusController } from '../controllers/focus-controller.ts';
import { createGraphController } from '../controllers/graph-controller.ts';
import { createPlaybackController } from '../controllers/playback-controller.ts';
import {
  setDateRange,
  toggleCountry,
  toggleKind,
  toggleQuad,
  toggleType,
  NO_FILTERS,
} from '../core/filters/filters.ts';
import { applyExpanded, applyHidden, record, undo } from '../core/history/history.ts';
import { parseEdgeId } from '../core/network/edge-events.ts';
import { withOpen } from '../core/fold/folds.ts';
import { download } from '../dom/download.ts';
import { el } from '../dom/el.ts';
import { renderDetailPanel } from '../panels/detail-panel.ts';
import { renderEmptyNetwork } from '../panels/empty-state.ts';
import { renderFilters } from '../panels/filters-panel.ts';
import { renderToolbar } from '../panels/graph-toolbar.ts';
import { legendItems } from '../core/colors/legend.ts';
import { scoreScale } from '../core/colors/palette.ts';
import { drawnGexf } from '../core/export/drawn-gexf.ts';
import { frameFor } from '../core/export/png-frame.ts';
import { renderLegend } from '../panels/legend.ts';
import { createPlaybar } from '../panels/playbar.ts';

export const networkView: ViewDef = {
  create({ section, rail }, app) {
    const { store, setUrl, setFilters, select } = app;
    const filtersRoot = el('div', { class: 'filters' });
    const legendRoot = el('div', { class: 'legend', 'aria-label': 'Legend' });
    rail.append(
      filtersRoot,
      el('section', { class: 'rail-section' }, [el('h3', { text: 'Legend' }), legendRoot]),
    );
    const sigmaRoot = el('div', {
      class: 'sigma',
      id: 'sigma',
      'aria-label': 'Actor network. Use search (/) to find an actor.',
    });
    const toolbarRoot = el('div', { class: 'toolbar' });
    const emptyRoot = el('div', { class: 'empty-overlay', hidden: true });
    const detail = el('aside', {
      class: 'detail',
      'aria-labelledby': 'panel-title',
      tabindex: '-1',
    });
    const graph = createGraphController(sigmaRoot, store);
    graph.onSelect(select);
    const refold = (country: string, open: boolean): void => {
      setUrl({ open: withOpen(store.get().url.open, country, open) });
      store.set({ toast: open ? `Drawing the actors of ${country}…` : `${country} folded back` });
    };
    graph.onOpenFold((country) => refold(country, true));
    const playback = createPlaybackController(app);
    const playbar = createPlaybar({
      toggle: playback.toggle,
      scrub: playback.scrub,
      seek: playback.seek,
      stop: playback.stop,
      setWindow: (window) => setUrl({ window }),
      setSpeed: (speed) => store.set((s) => ({ playback: { ...s.playback, speed } })),
      showUndated: (undated) => setUrl({ undated }),
    });
    // The counts follow what the graph controller applied, not the store: the view renders
    // before the controller has moved the window, and would show the window before.
    graph.onActivity((a) =>
      playbar.showCounts(a ? { edges: a.edges.size, actors: a.nodes.size } : null),
    );
    section.append(
      el('div', { class: 'graph-area' }, [sigmaRoot, toolbarRoot, emptyRoot, playbar.root]),
      detail,
    );

    function nameOf(id: string): string {
      if (graph.graph.hasNode(id)) return graph.graph.getNodeAttribute(id, 'label');
      const net = store.get().network;
      const n = 'data' in net ? net.data?.nodes.find((x) => x.id === id) : undefined;
      return n?.name ?? id.replace(/^[a-z]+:/, '');
    }
    startFocusController(store, graph, app.data, nameOf);
    const curation = createCurationController(store, app.data);
    void curation.loadLog();

    function undoLast(): void {
      const { history, op } = undo(store.get().history);
      if (!op) return;
      store.set((s) => ({ history, expanded: applyExpanded(s.expanded, op, true) }));
      if (op.kind === 'hide') store.set((s) => ({ hidden: applyHidden(s.hidden, op, true) }));
      else if (op.kind === 'pin') {
        store.set((s) => {
          const pinned = new Set(s.pinned);
          if (op.pinned) pinned.delete(op.node);
          else pinned.add(op.node);
          return { pinned };
        });
      } else if (op.kind === 'expand') graph.undoExpansion(op);
      store.set({ toast: 'Undone' });
    }

    const detailActions = {
      selectActor: (id: string) => {
        select({ type: 'actor', id });
        graph.flyTo(id);
      },
      close: () => select(null),
      expand: (id: string) => void app.data.expand(id),
      hide: (id: string) => {
        store.set((s) => ({
          hidden: applyHidden(s.hidden, { kind: 'hide', nodes: [id] }, false),
          history: record(s.history, { kind: 'hide', nodes: [id] }),
        }));
        select(null);
      },
      togglePin: (id: string) => {
        const pinned = !store.get().pinned.has(id);
        store.set((s) => {
          const next = new Set(s.pinned);
          if (pinned) next.add(id);
          else next.delete(id);
          return { pinned: next, history: record(s.history, { kind: 'pin', node: id, pinned }) };
        });
      },
      openDocument: (id: string) => setUrl({ view: 'documents', doc: id }),
      nameOf,
      selectEdge: (id: string) => {
        select({ type: 'edge', id });
        const e = parseEdgeId(id);
        if (e) graph.flyTo(e.source);
      },
      showIsolates: (show: boolean) => setUrl({ isolates: show }),
      selectIsolate: (id: string) => {
        // Drawing the isolates rebuilds the graph synchronously; then the actor can be framed.
        setUrl({ isolates: true, selection: { type: 'actor', id } });
        setTimeout(() => graph.flyTo(id), 50);
      },
      curate: {
        mergeActor: (card: ActorCard) => void curation.mergeActor(card),
        editActor: (card: ActorCard) => void curation.editActor(card),
        confirm: (id: string, label: string) => void curation.confirm(id, label),
        note: (id: string, label: string) => void curation.note(id, label),
        reject: (f: EventItem | StatementItem) => void curation.reject(f),
        editEvent: (e: EventItem) => void curation.editEvent(e),
        setSpeaker: (s: StatementItem) => void curation.setSpeaker(s),
        undo: (id: string) => void curation.undo(id),
        setFilter: (text: string) => curation.setFilter(text),
      },
      moreEdgeEvents: () => void app.data.moreEdgeEvents(),
      openFold: (country: string) => refold(country, true),
      closeFold: (country: string) => refold(country, false),
    };

    async function exportPng(): Promise<void> {
      // What is on screen: the drawn actors less the hidden ones, and the edges between them.
      const s = store.get();
      const g = graph.graph;
      const hidden = new Set(s.hidden);
      const shown = g.filterNodes((id) => !hidden.has(id));
      const blob = await graph.toPng(
        frameFor({
          filters: s.url.filters,
          actors: shown.length,
          relationships: g.filterEdges((_, __, src, tgt) => !hidden.has(src) && !hidden.has(tgt))
            .length,
          colorBy: s.url.colorBy,
          legend: legendItems(
            s.url.colorBy,
            shown.flatMap((id) => g.getNodeAttribute(id, 'actor') ?? []),
            s.countryColors,
          ),
          scale: scoreScale(),
          at: new Date(),
        }),
      );
      if (!blob) return store.set({ toast: 'Could not export the image.' });
      download(blob, 'parley-network.png');
    }

    /** What is on screen, laid out and coloured as drawn (the API's export has no positions). */
    function exportGexf(): void {
      const xml = drawnGexf(graph.graph, store.get().hidden);
      download(new Blob([xml], { type: 'application/gexf+xml' }), 'parley-network.gexf');
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

    const zoomIn = (): void => graph.zoom(1 / 1.5);
    const zoomOut = (): void => graph.zoom(1.5);
    const fit = (): void => graph.fit();

    return {
      render(s, shownPrev) {
        // The rail (filters, legend) serves the map too; the rest is this view's own, drawn
        // only while it is shown (a big network's panels take seconds to build) and in full
        // when it is shown again.
        const prev =
          shownPrev && s.url.view === 'network' && shownPrev.url.view !== 'network'
            ? null
            : shownPrev;
        const changed = <K extends keyof typeof s>(...keys: K[]): boolean =>
          !prev || keys.some((k) => s[k] !== prev[k]);
        if (shownPrev && !prev) {
          graph.renderer.resize();
          graph.renderer.refresh();
        }
        if (changed('url', 'ontology', 'network', 'eventDays', 'knownCountries')) {
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
        if (s.url.view !== 'network') return;
        app.data.wantNetwork();
        if (changed('history', 'layoutRunning', 'hidden')) {
          renderToolbar(toolbarRoot, s, {
            zoomIn,
            zoomOut,
            fit,
            relayout: () => void graph.relayout(true),
            undo: undoLast,
            exportPng: () => void exportPng(),
            exportGexf,
            showHidden: () => store.set({ hidden: new Set() }),
          });
        }
        if (changed('playback', 'url', 'network')) {
          playbar.update({
            playback: s.playback,
            window: s.url.window,
            undated: s.url.undated,
            extent: playback.extent(),
            undatedEvents: playback.undatedEvents(),
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
          s.url.isolates !== prev.url.isolates ||
          changed('card', 'edgeEvents', 'pinned', 'hidden', 'ontology', 'network') ||
          changed('curations', 'curationFilter')
        ) {
          const scroll = prev && s.url.selection === prev.url.selection ? detail.scrollTop : 0;
          // Typing in the log's filter re-renders the panel: keep the caret in the new field.
          const typing = document.activeElement?.classList.contains('log-filter');
          renderDetailPanel(detail, s, detailActions);
          if (typing) {
            const input = detail.querySelector<HTMLInputElement>('.log-filter');
            input?.focus();
            input?.setSelectionRange(input.value.length, input.value.length);
          }
          detail.scrollTop = scroll;
        }
      },
      keys: { undo: undoLast, fit, zoomIn, zoomOut, play: playback.toggle },
      hook: {
        nodePosition: (id: string) => graph.nodePosition(id),
        nodes: () => graph.graph.nodes(),
        labelBoxes: () => graph.labelBoxes(),
        edgeMidpoint: (id: string) => graph.edgeMidpoint(id),
        edges: () => graph.graph.edges(),
        isLayoutRunning: () => store.get().layoutRunning,
        networkStatus: () => store.get().network.status,
        fit,
        perf: () => graph.perf(),
        renderer: () => graph.renderer,
        graph: () => graph.graph,
        /** Time playback's window as drawn: its ends and the edges and actors in it. */
        timeWindow: () => {
          const act = graph.activity();
          return act
            ? { ...act.window, edges: [...act.edges.keys()], nodes: [...act.nodes] }
            : null;
        },
        playback: () => store.get().playback,
        /** The edges big-network playback's layer draws for the window ending on `head`. */
        playbackProbe: (head: number) => graph.probePlayback(head),
        playbackBytes: () => graph.playbackBytes(),
      },
    };
  },
};
