// Documents: the list, the reading pane with facts highlighted, upload and the diff it returns.
import type { ViewDef } from '../app/view.ts';
import { createDocumentsController } from '../controllers/documents-controller.ts';
import { createDocumentsView } from '../panels/documents-view.ts';

export const documentsView: ViewDef = {
  create({ section }, app) {
    const { store } = app;
    // After an ingest the network, the timeline and the open card all may have changed.
    const docsCtl = createDocumentsController(store, () => void app.data.reloadAll());
    const docs = createDocumentsView({
      open: (id) => app.setUrl({ doc: id }),
      openRevision: (id, revisionId) => void docsCtl.open(id, revisionId),
      more: () => void docsCtl.more(),
      uploadText: (text, id, title) => void docsCtl.uploadText(text, id, title),
      uploadFile: (f) => void docsCtl.uploadFile(f),
      dismissDiff: () => store.set({ lastDiff: null }),
      selectMark: (m) => app.focus({ type: m.kind === 'event' ? 'event' : 'actor', id: m.id }),
    });
    section.append(docs.root);
    if (store.get().url.view === 'documents') {
      void docsCtl.reload();
      void docsCtl.open(store.get().url.doc);
    }
    return {
      render(s) {
        if (s.url.view === 'documents') docs.render(s);
      },
    };
  },
};
