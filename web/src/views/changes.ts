// What changed: the feed of revision diffs across documents with its filters and the watchlist.
// The tab and its badge (the watched actors' changes since the last look) are in app/views.ts.
import type { ViewDef } from '../app/view.ts';
import { createChangesController } from '../controllers/changes-controller.ts';
import { el } from '../dom/el.ts';
import { renderChanges } from '../panels/changes-panel.ts';

export const changesView: ViewDef = {
  create({ section }, app) {
    const { store } = app;
    const ctl = createChangesController(store);
    const root = el('div', { class: 'changes' });
    section.append(root);
    const actions = {
      setFilter: ctl.setFilter,
      watch: ctl.watch,
      unwatch: ctl.unwatch,
      showActor: (id: string, label: string) => app.focus({ type: 'actor', id, label }),
    };
    return {
      render(s, prev) {
        if (s.url.view !== 'changes') return;
        if (!prev || prev.url.view !== 'changes') {
          // Opening the feed is looking at it: what came since the last look is marked new.
          void ctl.reload().then(ctl.look);
          return;
        }
        if (
          s.changes !== prev.changes ||
          s.changesFilter !== prev.changesFilter ||
          s.watchlist !== prev.watchlist ||
          s.changeActors !== prev.changeActors ||
          s.previousLook !== prev.previousLook
        ) {
          // Re-rendered whole: the control the keyboard was on keeps the focus.
          const focused = document.activeElement?.id;
          renderChanges(root, s, actions);
          if (focused) document.getElementById(focused)?.focus();
        }
      },
    };
  },
};
