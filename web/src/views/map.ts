// The map: events at their places on an offline world map, beside a panel that lists what is
// (and is not) on it. The rail's filters apply here as on the network; choosing a place marks
// its events' actors in the network.
import type { ViewDef } from '../app/view.ts';
import { createMapController } from '../controllers/map-controller.ts';
import { createMapData } from '../controllers/map-data-controller.ts';
import { NO_FILTERS } from '../core/filters/filters.ts';
import { MAX_PLACES } from '../core/url/url-state.ts';
import { el } from '../dom/el.ts';
import {
  renderMapEmpty,
  renderMapSide,
  renderMapTooltip,
  type MapPanelActions,
} from '../panels/map-panel.ts';

export const mapView: ViewDef = {
  create({ section }, app) {
    const { store, setUrl, setFilters } = app;
    const canvasRoot = el('div', { class: 'map-canvas' });
    const tooltip = el('div', { class: 'map-tooltip', role: 'tooltip', hidden: true });
    const emptyRoot = el('div', { class: 'empty-overlay', hidden: true });
    const side = el('aside', { class: 'detail map-side', 'aria-labelledby': 'map-title' });
    section.append(el('div', { class: 'map-area' }, [canvasRoot, tooltip, emptyRoot]), side);

    const data = createMapData(store);
    let drawn = (): void => {};
    const ready = new Promise<void>((resolve) => (drawn = resolve));
    const choose = (ids: string[]) => setUrl({ places: ids.slice(0, MAX_PLACES) });
    const map = createMapController(canvasRoot, store, {
      hover: (c, x, y) => renderMapTooltip(tooltip, c, x, y),
      choose: (c) => choose(c ? c.places.map((p) => p.id) : []),
      // The rail's countries and counts come with the network: asked for once the map is up.
      drawn: () => {
        app.data.wantNetwork();
        drawn();
      },
    });

    const actions: MapPanelActions = {
      choosePlace: (id) => choose([id]),
      clear: () => choose([]),
      showInNetwork: () => setUrl({ view: 'network', selection: null }),
      openActor: (id) => setUrl({ view: 'network', selection: { type: 'actor', id } }),
      more: () => void data.morePlaceEvents(),
      toDocuments: () => setUrl({ view: 'documents' }),
      resetFilters: () => setFilters(() => NO_FILTERS),
    };

    return {
      ready,
      render(s, prev) {
        const shown = s.url.view === 'map';
        if (!shown) return;
        if (!prev || prev.url.view !== 'map') {
          data.ensurePlaces();
          map.resize();
        }
        const changed = !prev || s.places !== prev.places || s.url.places !== prev.url.places;
        if (changed || s.placeEvents !== prev?.placeEvents || s.ontology !== prev?.ontology) {
          renderMapSide(side, s, actions);
          renderMapEmpty(emptyRoot, s, actions);
        }
      },
      keys: {
        fit: () => map.fit(),
        zoomIn: () => map.zoom(1.5),
        zoomOut: () => map.zoom(1 / 1.5),
      },
      hook: {
        mapClusters: () =>
          map
            .clusters()
            .map((c) => ({ x: c.x, y: c.y, places: c.places.map((p) => p.id), events: c.events })),
        mapPerf: () => map.perf(),
        placesStatus: () => store.get().places.status,
        placeActors: () => [...store.get().placeActors],
      },
    };
  },
};
