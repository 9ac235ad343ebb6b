// Documents: list, open (text with offsets, revisions), upload and the diff it returns.
import { api } from '../api/client.ts';
import type { Store } from '../app/store.ts';
import { message } from './data-controller.ts';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface DocumentsController {
  reload(): Promise<void>;
  /** The next page of the document list. */
  more(): Promise<void>;
  /** A document at its current revision, or at the given one. */
  open(id: string | null, revisionId?: string): Promise<void>;
  uploadText(text: string, id: string, title: string): Promise<void>;
  uploadFile(file: File): Promise<void>;
}

export function createDocumentsController(
  store: Store,
  onIngested: () => void,
): DocumentsController {
  let openSeq = 0;
  async function reload(): Promise<void> {
    store.set((s) => ({
      documents: {
        status: 'loading',
        data: s.documents.status === 'ready' ? s.documents.data : undefined,
      },
    }));
    try {
      const page = await api.get('/api/documents', { limit: 50 });
      store.set({
        documents: { status: 'ready', data: page.items },
        documentsNext: page.nextCursor,
      });
    } catch (e) {
      store.set({ documents: { status: 'error', message: message(e) } });
    }
  }
  async function more(): Promise<void> {
    const { documents, documentsNext } = store.get();
    if (documents.status !== 'ready' || !documentsNext) return;
    try {
      const page = await api.get('/api/documents', { limit: 50, cursor: documentsNext });
      store.set((s) => ({
        documents: {
          status: 'ready',
          data: [...(s.documents.status === 'ready' ? s.documents.data : []), ...page.items],
        },
        documentsNext: page.nextCursor,
      }));
    } catch (e) {
      store.set({ toast: `Could not list more documents: ${message(e)}` });
    }
  }
  async function open(id: string | null, revisionId?: string): Promise<void> {
    const seq = ++openSeq;
    if (!id) return store.set({ docView: { status: 'idle' }, revisions: [], previousText: null });
    store.set({ docView: { status: 'loading' } });
    try {
      const [view, revs] = await Promise.all([
        api.get('/api/documents/{id}', { id, revision: revisionId }),
        api.get('/api/documents/{id}/revisions', { id }).catch(() => ({ items: [] })),
      ]);
      if (seq !== openSeq) return;
      const revisions = revs.items;
      store.set({ docView: { status: 'ready', data: view }, revisions, previousText: null });
      // The revision before the one shown, for the text diff beside the fact diff.
      const i = revisions.findIndex((r) => r.id === view.revision.id);
      const prev = i > 0 ? revisions[i - 1] : undefined;
      if (prev) {
        const before = await api.get('/api/documents/{id}', { id, revision: prev.id });
        if (seq === openSeq)
          store.set({ previousText: { revisionId: prev.id, text: before.text } });
      }
    } catch (e) {
      if (seq === openSeq) store.set({ docView: { status: 'error', message: message(e) } });
    }
  }
  async function after(p: Promise<import('../../../domain/index.ts').RevisionDiff>): Promise<void> {
    store.set({ upload: { status: 'uploading' } });
    try {
      const diff = await p;
      store.set((s) => ({
        upload: { status: 'idle' },
        lastDiff: diff,
        url: { ...s.url, doc: diff.documentId },
      }));
      await reload();
      await open(diff.documentId);
      if (diff.status !== 'unchanged') onIngested();
    } catch (e) {
      store.set({ upload: { status: 'error', message: message(e) } });
    }
  }
  store.subscribe((s, prev) => {
    if (s.url.doc !== prev.url.doc && s.url.view === 'documents') void open(s.url.doc);
    if (s.url.view === 'documents' && prev.url.view !== 'documents') {
      void reload();
      if (s.url.doc && s.docView.status === 'idle') void open(s.url.doc);
    }
  });
  return {
    reload,
    more,
    open,
    uploadText(text, id, title) {
      if (!text.trim()) {
        store.set({
          upload: { status: 'error', message: 'Paste the text of a report first (it is empty).' },
        });
        return Promise.resolve();
      }
      return after(
        api.post('/api/documents', { text, id: id || undefined, title: title || undefined }),
      );
    },
    uploadFile(file) {
      if (file.size === 0) {
        store.set({ upload: { status: 'error', message: `${file.name} is empty.` } });
        return Promise.resolve();
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        store.set({
          upload: {
            status: 'error',
            message: `${file.name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
          },
        });
        return Promise.resolve();
      }
      const form = new FormData();
      form.append('file', file, file.name);
      return after(api.post('/api/documents', form));
    },
  };
}
