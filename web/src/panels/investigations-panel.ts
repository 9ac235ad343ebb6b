// Saved investigations: save the current view under a name with notes, the open one (its notes,
// save the view over it), and the list (open, link, rename, export, delete; import a file).
// Names and notes are the analyst's text and are rendered as text.
import type { InvestigationSummary } from '../../../server/api/types.ts';
import type { AppState } from '../app/store.ts';
import { formatTimestamp } from '../core/document/timestamp.ts';
import { el, mount } from '../dom/el.ts';

export interface InvestigationActions {
  save(name: string, notes: string): Promise<boolean>;
  resave(id: string, notes: string): void;
  rename(id: string, name: string): void;
  open(id: string): void;
  remove(id: string): void;
  importFile(file: File): void;
  /** The address that opens an investigation. */
  link(id: string): string;
}

export interface InvestigationsPanel {
  root: HTMLElement;
  render(s: AppState): void;
}

export function createInvestigationsPanel(a: InvestigationActions): InvestigationsPanel {
  // The form is made once: a failed save must not lose the name and notes typed.
  const name = el('input', {
    type: 'text',
    id: 'investigation-name',
    placeholder: 'e.g. Miami talks, who accused whom',
    autocomplete: 'off',
  });
  const notes = el('textarea', {
    id: 'investigation-notes',
    placeholder: 'What you found, what to check next',
  });
  const save = el('button', { type: 'submit', class: 'primary', text: 'Save investigation' });
  const form = el('form', { class: 'inv-form', 'aria-labelledby': 'inv-save-title' }, [
    el('h2', { id: 'inv-save-title', text: 'Save the current view' }),
    el('p', {
      class: 'muted small',
      text: 'Keeps the filters, the selection, the play position, the actors drawn with their positions, the hidden and pinned ones, and your notes.',
    }),
    el('label', { for: 'investigation-name', text: 'Name' }),
    name,
    el('label', { for: 'investigation-notes', text: 'Notes' }),
    notes,
    el('div', { class: 'row' }, [save]),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!name.value.trim()) {
      name.focus();
      return;
    }
    save.disabled = true;
    void a.save(name.value, notes.value).then((ok) => {
      save.disabled = false;
      if (ok) {
        name.value = '';
        notes.value = '';
      }
    });
  });

  const fileInput = el('input', {
    type: 'file',
    accept: '.json,application/json',
    id: 'investigation-import',
  });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) a.importFile(f);
    fileInput.value = '';
  });
  const importBox = el('div', { class: 'inv-import' }, [
    el('label', { for: 'investigation-import', text: 'Import an investigation (JSON)' }),
    fileInput,
  ]);

  const openBox = el('section', { class: 'inv-open', 'aria-label': 'Open investigation' });
  const list = el('section', { class: 'inv-list', 'aria-labelledby': 'inv-list-title' });
  const root = el('div', { class: 'investigations' }, [
    el('div', { class: 'inv-side' }, [form, openBox, importBox]),
    el('div', { class: 'inv-main' }, [list]),
  ]);

  // What the list is doing for one row: renaming it, or asking to confirm its deletion.
  let renaming: string | null = null;
  let confirming: string | null = null;
  let last: AppState | null = null;
  const rerender = () => last && render(last);

  function renderOpen(s: AppState): void {
    const inv = s.investigation;
    openBox.hidden = !inv || s.url.investigation !== inv.id;
    if (!inv || openBox.hidden) return mount(openBox, []);
    const own = el('textarea', { id: 'open-investigation-notes' });
    own.value = inv.notes;
    mount(openBox, [
      el('h2', { text: `Open: ${inv.name}` }),
      el('p', { class: 'muted small', text: `Saved ${formatTimestamp(inv.updatedAt)}` }),
      el('label', { for: 'open-investigation-notes', text: 'Notes' }),
      own,
      el('div', { class: 'row' }, [
        el('button', {
          type: 'button',
          class: 'primary',
          text: 'Save the current view into it',
          on: { click: () => a.resave(inv.id, own.value) },
        }),
      ]),
    ]);
  }

  function row(i: InvestigationSummary, open: boolean): HTMLElement {
    const meta = el('span', {
      class: 'muted small',
      text: `${i.actors} actors · saved ${formatTimestamp(i.updatedAt)}`,
    });
    let title: HTMLElement;
    if (renaming === i.id) {
      const input = el('input', {
        type: 'text',
        class: 'inv-rename',
        value: i.name,
        'aria-label': `New name for ${i.name}`,
      });
      input.value = i.name;
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && input.value.trim()) {
          renaming = null;
          a.rename(i.id, input.value);
          rerender();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          renaming = null;
          rerender();
        }
      });
      queueMicrotask(() => input.focus());
      title = input;
    } else {
      title = el('a', {
        class: 'inv-name',
        href: a.link(i.id),
        text: i.name,
        on: {
          click: (e) => {
            // A plain click opens it here; a middle or modified click opens a new tab.
            const m = e as MouseEvent;
            if (m.button !== 0 || m.ctrlKey || m.metaKey || m.shiftKey) return;
            e.preventDefault();
            a.open(i.id);
          },
        },
      });
    }
    const del =
      confirming === i.id
        ? el('button', {
            type: 'button',
            class: 'tool danger',
            text: 'Confirm delete',
            on: {
              click: () => {
                confirming = null;
                a.remove(i.id);
              },
              blur: () => {
                confirming = null;
                rerender();
              },
            },
          })
        : el('button', {
            type: 'button',
            class: 'tool',
            text: 'Delete',
            'aria-label': `Delete ${i.name}`,
            on: {
              click: () => {
                confirming = i.id;
                rerender();
                list.querySelector<HTMLButtonElement>('button.danger')?.focus();
              },
            },
          });
    return el('li', { class: open ? 'active' : undefined, dataset: { id: i.id } }, [
      el('div', { class: 'inv-item' }, [title, meta]),
      el('div', { class: 'inv-actions' }, [
        el('button', {
          type: 'button',
          class: 'tool',
          text: 'Open',
          'aria-label': `Open ${i.name}`,
          on: { click: () => a.open(i.id) },
        }),
        el('button', {
          type: 'button',
          class: 'tool',
          text: 'Rename',
          'aria-label': `Rename ${i.name}`,
          on: {
            click: () => {
              renaming = i.id;
              rerender();
            },
          },
        }),
        el('a', {
          class: 'tool',
          href: `/api/investigations/${encodeURIComponent(i.id)}/export`,
          download: '',
          text: 'Export',
          'aria-label': `Export ${i.name} as JSON`,
        }),
        del,
      ]),
    ]);
  }

  function renderList(s: AppState): void {
    const inv = s.investigations;
    const items = 'data' in inv ? (inv.data ?? []) : [];
    const body =
      inv.status === 'error'
        ? el('p', { class: 'error', role: 'alert', text: inv.message })
        : items.length === 0
          ? el('div', { class: 'empty-card inv-empty' }, [
              el('h2', {
                text: inv.status === 'loading' ? 'Loading…' : 'No saved investigations yet',
              }),
              el('p', {
                text: 'Arrange the network — filters, a selection, a play position, hidden and pinned actors — then save it here with a name and notes. A saved investigation opens the same view again, and its link opens it for a colleague.',
              }),
            ])
          : el(
              'ul',
              { class: 'inv-items' },
              items.map((i) => row(i, i.id === s.url.investigation)),
            );
    mount(list, [
      el('h2', { id: 'inv-list-title', text: `Saved investigations (${items.length})` }),
      body,
    ]);
  }

  function render(s: AppState): void {
    last = s;
    renderOpen(s);
    renderList(s);
  }

  return { root, render };
}
