// Documents: the list, the reading pane with facts highlighted, upload and the diff it returns.
import type { ViewDef } from '../app/view.ts';
import { createDocumentsController } from '../controllers/documents-controller.ts';
import { createDocumentsView } from '../panels/documents-view.ts';

export const documentsView: ViewDef = {
  id: 'documents',
  label: 'Documents',
  create({ section }, app) {
    const { store } = app;
    const docsCtl = createDocumentsController(store, () => void app.data.reloadNetwork());
    const docs = createDocumentsView({
      open: (id) => app.setUrl({ doc: id }),
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
