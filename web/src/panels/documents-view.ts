// Documents: the list with revision counts, upload (drop a file or paste text), the diff of
// the last upload, and the reading pane with actor mentions, event sentences and statements marked.
import type { DocumentView } from '../../../server/api/types.ts';
import type { RevisionDiff } from '../../../domain/index.ts';
import type { AppState } from '../app/store.ts';
import { runs, primaryMark, type Mark } from '../core/document/highlights.ts';
import { sentenceDiff } from '../../../domain/index.ts';
import { formatTimestamp } from '../core/document/timestamp.ts';
import { el, mount, type Child } from '../dom/el.ts';

export interface DocumentActions {
  open(id: string): void;
  /** An older (or the current) revision of a document into the reading pane. */
  openRevision(documentId: string, revisionId: string): void;
  /** The next page of the list. */
  more(): void;
  uploadText(text: string, id: string, title: string): void;
  uploadFile(file: File): void;
  selectMark(m: Mark): void;
  dismissDiff(): void;
}

interface UploadBox {
  root: HTMLElement;
  render(s: AppState): void;
}

// Created once and kept: a failed upload must not lose what the analyst pasted.
function createUploadBox(a: DocumentActions): UploadBox {
  const fileInput = el('input', {
    type: 'file',
    accept: '.txt,.md,.html,.htm,.json',
    hidden: true,
    'aria-label': 'Choose a report file',
  });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) a.uploadFile(f);
    fileInput.value = '';
  });
  const drop = el(
    'div',
    {
      class: 'dropzone',
      tabindex: '0',
      role: 'button',
      'aria-label': 'Drop a report file here or press Enter to choose one',
    },
    [
      el('strong', { text: 'Drop a report here' }),
      el('span', {
        class: 'muted small',
        text: '.txt, .md, .html or .json — or click to choose a file',
      }),
    ],
  );
  drop.addEventListener('click', () => fileInput.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fileInput.click();
    }
  });
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) a.uploadFile(f);
  });
  const idInput = el('input', {
    type: 'text',
    placeholder: 'Document id (optional)',
    'aria-label': 'Document id',
    name: 'doc-id',
  });
  const titleInput = el('input', {
    type: 'text',
    placeholder: 'Title (optional)',
    'aria-label': 'Title',
    name: 'doc-title',
  });
  const text = el('textarea', {
    placeholder: '…or paste the text of a report',
    'aria-label': 'Report text',
    name: 'doc-text',
    spellcheck: 'false',
  });
  const submit = el('button', {
    type: 'button',
    class: 'primary',
    text: 'Ingest pasted text',
    on: { click: () => a.uploadText(text.value, idInput.value.trim(), titleInput.value.trim()) },
  });
  const status = el('div', { class: 'upload-status', role: 'status', 'aria-live': 'polite' });
  let last: AppState['upload'] | null = null;
  return {
    root: el('section', { class: 'upload' }, [
      el('h3', { text: 'Add or update a report' }),
      drop,
      fileInput,
      text,
      el('div', { class: 'row' }, [idInput, titleInput]),
      el('div', { class: 'row' }, [submit]),
      status,
    ]),
    render(s) {
      if (s.upload === last) return;
      const wasUploading = last?.status === 'uploading';
      last = s.upload;
      const busy = s.upload.status === 'uploading';
      submit.disabled = busy;
      submit.textContent = busy ? 'Ingesting…' : 'Ingest pasted text';
      if (s.upload.status === 'error')
        mount(status, [
          el('p', { class: 'error', role: 'alert', text: s.upload.message ?? 'Upload failed.' }),
        ]);
      else if (busy)
        mount(status, [
          el('p', { class: 'muted small', text: 'Reading, extracting and writing the graph…' }),
        ]);
      else status.replaceChildren();
      // Clear the form only after a successful ingest.
      if (wasUploading && s.upload.status === 'idle') {
        text.value = '';
        idInput.value = '';
        titleInput.value = '';
      }
    },
  };
}

function diffList(
  title: string,
  sign: '+' | '−',
  items: { label: string; detail?: string }[],
): HTMLElement | null {
  if (!items.length) return null;
  return el('div', { class: `diff-group ${sign === '+' ? 'added' : 'removed'}` }, [
    el('h4', { text: `${sign}${items.length} ${title}` }),
    el(
      'ul',
      {},
      items.map((i) =>
        el('li', {}, [
          el('span', { class: 'sign', text: sign }),
          el('span', { text: i.label }),
          i.detail ? el('div', { class: 'muted small', text: i.detail }) : null,
        ]),
      ),
    ),
  ]);
}

export function renderDiff(d: RevisionDiff, onDismiss?: () => void): HTMLElement {
  const statusText =
    d.status === 'created'
      ? 'New document'
      : d.status === 'updated'
        ? 'Updated: a new revision is now current'
        : 'Unchanged: this exact text was already ingested';
  const groups = [
    diffList(
      'actors',
      '+',
      d.actors.added.map((x) => ({ label: x.name, detail: x.kind })),
    ),
    diffList(
      'actors',
      '−',
      d.actors.removed.map((x) => ({ label: x.name, detail: x.kind })),
    ),
    diffList(
      'events',
      '+',
      d.events.added.map((x) => ({ label: `${x.type}: ${x.summary}`, detail: x.text })),
    ),
    diffList(
      'events',
      '−',
      d.events.removed.map((x) => ({ label: `${x.type}: ${x.summary}`, detail: x.text })),
    ),
    diffList(
      'statements',
      '+',
      d.statements.added.map((x) => ({ label: x.summary, detail: x.text })),
    ),
    diffList(
      'statements',
      '−',
      d.statements.removed.map((x) => ({ label: x.summary, detail: x.text })),
    ),
  ].filter(Boolean);
  return el(
    'section',
    { class: 'diff', 'aria-label': 'Changes from this ingest', dataset: { status: d.status } },
    [
      el('header', { class: 'diff-head' }, [
        el('div', {}, [
          el('h3', { text: d.title ?? d.documentId }),
          el('div', { class: 'muted small', text: `${statusText} · ${Math.round(d.ms)} ms` }),
          // Matched an existing document: say which and why, so a different report is noticed.
          d.revisionOf
            ? el('p', {
                class: 'diff-revision-of',
                role: 'status',
                text: `This report ${d.revisionOf.message}.`,
              })
            : null,
        ]),
        onDismiss
          ? el('button', {
              class: 'icon-button',
              type: 'button',
              text: '×',
              'aria-label': 'Dismiss',
              on: { click: onDismiss },
            })
          : null,
      ]),
      el('p', {
        class: 'diff-summary',
        text: `+${d.actors.added.length} −${d.actors.removed.length} actors · +${d.events.added.length} −${d.events.removed.length} events · +${d.statements.added.length} −${d.statements.removed.length} statements`,
      }),
      ...(groups.length ? groups : [el('p', { class: 'muted', text: 'No facts changed.' })]),
    ],
  );
}

function readingPane(v: DocumentView, s: AppState, a: DocumentActions): HTMLElement {
  const marks: Mark[] = [
    ...v.events.map((e) => ({
      kind: 'event' as const,
      id: e.id,
      start: e.start,
      end: e.end,
      label: e.type,
    })),
    ...v.statements.map((st) => ({
      kind: 'statement' as const,
      id: st.speakerId,
      start: st.start,
      end: st.end,
      label: 'statement',
    })),
    ...v.mentions.map((m) => ({
      kind: 'mention' as const,
      id: m.actorId,
      start: m.start,
      end: m.end,
      label: m.name,
    })),
  ];
  const body = el('div', { class: 'reading', 'aria-label': 'Document text' });
  const children: Child[] = runs(v.text, marks).map((r) => {
    const m = primaryMark(r);
    if (!m) return r.text;
    const kinds = new Set(r.marks.map((x) => x.kind));
    const cls = ['hl', ...[...kinds].map((k) => `hl-${k}`)].join(' ');
    return el(
      'mark',
      {
        class: cls,
        title: r.marks.map((x) => `${x.kind}: ${x.label ?? x.id}`).join('\n'),
        tabindex: '0',
        on: {
          click: () => a.selectMark(m),
          keydown: (e) => (e as KeyboardEvent).key === 'Enter' && a.selectMark(m),
        },
      },
      [r.text],
    );
  });
  mount(body, children);
  const n = s.revisions.findIndex((r) => r.id === v.revision.id) + 1;
  const ofWhich =
    n > 0 ? `revision ${n} of ${s.revisions.length}` : `${v.document.revisions} revisions`;
  return el('article', { class: 'reader' }, [
    el('header', {}, [
      el('h2', { text: v.document.title ?? v.document.id }),
      el('div', {
        class: 'muted small reader-meta',
        text: [
          v.document.source,
          v.document.publishedAt,
          `${ofWhich}${v.revision.current ? ' (current)' : ' (older)'}`,
          v.revision.ingestedAt ? `ingested ${formatTimestamp(v.revision.ingestedAt)}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      }),
      el('div', { class: 'hl-legend small' }, [
        el('mark', { class: 'hl hl-mention', text: 'actor' }),
        ' ',
        el('mark', { class: 'hl hl-event', text: 'event sentence' }),
        ' ',
        el('mark', { class: 'hl hl-statement', text: 'statement' }),
      ]),
    ]),
    s.revisions.length > 1 ? revisionList(v, s, a) : null,
    s.previousText ? textDiff(s.previousText.text, v.text, n - 1) : null,
    body,
  ]);
}

/** Every revision, oldest first; each opens in the reading pane. */
function revisionList(v: DocumentView, s: AppState, a: DocumentActions): HTMLElement {
  return el('nav', { class: 'revisions', 'aria-label': 'Revisions' }, [
    el('h3', { class: 'small', text: `${s.revisions.length} revisions` }),
    el(
      'ol',
      {},
      s.revisions.map((r, i) =>
        el('li', { class: r.id === v.revision.id ? 'active' : '' }, [
          el('button', {
            type: 'button',
            class: 'link',
            'aria-current': r.id === v.revision.id ? 'true' : undefined,
            text: `Revision ${i + 1} · ${formatTimestamp(r.ingestedAt)}${r.current ? ' (current)' : ''}`,
            title: r.id,
            on: { click: () => a.openRevision(v.document.id, r.id) },
          }),
        ]),
      ),
    ),
  ]);
}

/** The sentences that changed since the revision before, beside the fact diff. */
function textDiff(before: string, after: string, previous: number): HTMLElement {
  const changes = sentenceDiff(before, after);
  return el('section', { class: 'text-diff', 'aria-label': 'Text changes' }, [
    el('h3', { class: 'small', text: `Text changed since revision ${previous}` }),
    changes.length
      ? el(
          'ul',
          {},
          changes.map((c) =>
            el('li', { class: c.op }, [
              el('span', { class: 'sign', text: c.op === 'added' ? '+' : '−' }),
              el(c.op === 'added' ? 'ins' : 'del', { text: c.sentence }),
            ]),
          ),
        )
      : el('p', { class: 'muted small', text: 'The text is the same.' }),
  ]);
}

export interface DocumentsView {
  root: HTMLElement;
  render(s: AppState): void;
}

export function createDocumentsView(a: DocumentActions): DocumentsView {
  const upload = createUploadBox(a);
  const side = el('div', { class: 'docs-side' });
  const main = el('div', { class: 'docs-main' });
  const root = el('div', { class: 'documents' }, [side, main]);
  const listSlot = el('div', {});
  const diffSlot = el('div', {});
  side.append(el('h2', { text: 'Documents' }), listSlot, diffSlot, upload.root);
  let prev: AppState | null = null;
  return {
    root,
    render(s) {
      upload.render(s);
      if (
        prev &&
        prev.documents === s.documents &&
        prev.documentsNext === s.documentsNext &&
        prev.docView === s.docView &&
        prev.previousText === s.previousText &&
        prev.lastDiff === s.lastDiff &&
        prev.revisions === s.revisions &&
        prev.url.doc === s.url.doc
      )
        return;
      prev = s;
      renderParts(listSlot, diffSlot, main, s, a);
    },
  };
}

function renderParts(
  listSlot: HTMLElement,
  diffSlot: HTMLElement,
  main: HTMLElement,
  s: AppState,
  a: DocumentActions,
): void {
  const docs = s.documents.status === 'ready' ? s.documents.data : [];
  const list =
    s.documents.status === 'error'
      ? el('p', { class: 'error', text: s.documents.message })
      : docs.length
        ? el(
            'ul',
            { class: 'doc-list' },
            docs.map((d) =>
              el('li', { class: s.url.doc === d.id ? 'active' : '' }, [
                el(
                  'button',
                  { type: 'button', class: 'doc-item', on: { click: () => a.open(d.id) } },
                  [
                    el('strong', { text: d.title ?? d.id }),
                    el('span', {
                      class: 'muted small',
                      text: [
                        d.publishedAt,
                        `${d.revisions} revision${d.revisions === 1 ? '' : 's'}`,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    }),
                  ],
                ),
              ]),
            ),
          )
        : el('p', {
            class: 'muted',
            text:
              s.documents.status === 'loading'
                ? 'Loading…'
                : 'No documents yet. Drop a report on the box below, or run `parley ingest samples/`.',
          });
  const pane =
    s.docView.status === 'ready'
      ? readingPane(s.docView.data, s, a)
      : s.docView.status === 'loading'
        ? el('p', { class: 'muted', text: 'Loading the document…' })
        : s.docView.status === 'error'
          ? el('p', { class: 'error', text: s.docView.message })
          : el('div', { class: 'empty-hint' }, [
              el('p', {
                text: 'Choose a document to read it with its actors, events and statements marked. Click a mark to select it in the graph.',
              }),
            ]);
  const more = s.documentsNext
    ? el('button', {
        type: 'button',
        class: 'more',
        text: `Show more documents (${docs.length} shown)`,
        on: { click: a.more },
      })
    : null;
  mount(listSlot, [list, more]);
  mount(diffSlot, [s.lastDiff ? renderDiff(s.lastDiff, a.dismissDiff) : null]);
  mount(main, [pane]);
}
