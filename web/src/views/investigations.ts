// Saved investigations: save the current view, list, open, rename, export, import, delete. A
// link with ?investigation=<id> opens one whichever tab it names.
import type { ViewDef } from '../app/view.ts';
import { createInvestigationsController } from '../controllers/investigations-controller.ts';
import { LIST_VIEW } from '../core/investigations/view-state.ts';
import { formatUrlState, DEFAULT_STATE } from '../core/url/url-state.ts';
import { createInvestigationsPanel } from '../panels/investigations-panel.ts';

export const investigationsView: ViewDef = {
  create({ section }, app) {
    const { store } = app;
    const ctl = createInvestigationsController(store, app.views, (id) => app.data.neighbours(id));
    const panel = createInvestigationsPanel({
      save: ctl.save,
      resave: (id, notes) => void ctl.resave(id, notes),
      rename: (id, name) => void ctl.rename(id, name),
      open: (id) => void ctl.open(id),
      remove: (id) => void ctl.remove(id),
      importFile: (f) => void ctl.importFile(f),
      link: (id) =>
        `${window.location.pathname}${formatUrlState({ ...DEFAULT_STATE, investigation: id })}`,
    });
    section.append(panel.root);
    const linked = store.get().url.investigation;
    if (linked) void ctl.open(linked);
    let listed = false;
    return {
      render(s, prev) {
        if (s.url.view !== LIST_VIEW) return;
        if (!listed) {
          listed = true;
          void ctl.reload();
        }
        if (
          !prev ||
          prev.url.view !== LIST_VIEW ||
          s.investigations !== prev.investigations ||
          s.investigation !== prev.investigation ||
          s.url.investigation !== prev.url.investigation
        )
          panel.render(s);
      },
    };
  },
};
