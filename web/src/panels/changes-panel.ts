// What changed: the feed of revision diffs across documents, newest first (events and statements
// added and retracted, figures changed), its filters (actor, ingest days), and the watchlist.
// Everything from reports is rendered as text.
import type { ChangeEntry, ChangeFact } from '../../../server/api/types.ts';
import type { AppState, ChangesFilter } from '../app/store.ts';
import { formatTimestamp } from '../core/document/timestamp.ts';
import { el, mount, type Child } from '../dom/el.ts';

export interface ChangesActions {
  setFilter(patch: Partial<ChangesFilter>): void;
  watch(actor: { id: string; name: string }): void;
  unwatch(id: string): void;
  /** Shows an actor on the network. */
  showActor(id: string, name: string): void;
}

/** Facts shown per change before the rest fold away (a new report brings all of its facts). */
const SHOWN = 6;

function factLine(f: ChangeFact, op: 'added' | 'removed'): HTMLElement {
  return el('li', { class: `change-fact ${op}`, dataset: { type: f.type, kind: f.kind } }, [
    el('span', { class: 'sign', 'aria-hidden': 'true', text: op === 'added' ? '+' : '−' }),
    el('span', { class: 'visually-hidden', text: op === 'added' ? 'New ' : 'Retracted ' }),
    el('strong', { class: 'change-type', text: f.type }),
    ' ',
    el('span', { class: 'change-who', text: f.summary }),
    f.date ? el('span', { class: 'muted small', text: ` · ${f.date}` }) : null,
    el('div', { class: 'change-text', text: f.text }),
  ]);
}

function entryView(e: ChangeEntry, isNew: boolean, a: ChangesActions): HTMLElement {
  const lines: HTMLElement[] = [
    ...e.figures.map((f) =>
      el('li', { class: 'change-fact figure' }, [
        el('span', { class: 'sign', 'aria-hidden': 'true', text: '≠' }),
        el('strong', { class: 'change-type', text: 'Figure' }),
        ' ',
        el('del', { text: f.before }),
        ' → ',
        el('ins', { text: f.after }),
        el('div', { class: 'change-text', text: f.now }),
      ]),
    ),
    ...e.added.map((f) => factLine(f, 'added')),
    ...e.removed.map((f) => factLine(f, 'removed')),
  ];
  const shown = lines.slice(0, SHOWN);
  const rest = lines.slice(SHOWN);
  const counts = [
    e.added.length ? `+${e.added.length}` : '',
    e.removed.length ? `−${e.removed.length}` : '',
    e.figures.length ? `${e.figures.length} figure${e.figures.length > 1 ? 's' : ''}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return el('li', { class: `change${isNew ? ' new' : ''}`, dataset: { status: e.status } }, [
    el('header', { class: 'change-head' }, [
      el('strong', { text: e.title ?? e.documentId }),
      isNew ? el('span', { class: 'badge-new', text: 'new' }) : null,
      el('span', {
        class: 'muted small',
        text: `${e.status === 'created' ? 'new report' : 'updated'} · ${formatTimestamp(e.ingestedAt)} · ${counts || 'no fact changed'}`,
      }),
    ]),
    shown.length ? el('ul', { class: 'change-facts' }, shown) : null,
    rest.length
      ? el('details', {}, [
          el('summary', { text: `${rest.length} more` }),
          el('ul', { class: 'change-facts' }, rest),
        ])
      : null,
    e.actors.length
      ? el(
          'div',
          { class: 'change-actors small' },
          e.actors.map((x) =>
            el('button', {
              type: 'button',
              class: 'tool',
              text: x.name,
              title: `Show ${x.name} on the network`,
              on: { click: () => a.showActor(x.id, x.name) },
            }),
          ),
        )
      : null,
  ]);
}

export function renderChanges(root: HTMLElement, s: AppState, a: ChangesActions): void {
  const f = s.changesFilter;
  const known = new Map(s.changeActors.map((x) => [x.id, x.name]));
  for (const w of s.watchlist.actors) known.set(w.id, w.name);
  const chosen = f.actor ? { id: f.actor, name: known.get(f.actor) ?? f.actor } : null;
  const watching = new Set(s.watchlist.actors.map((w) => w.id));

  const actorSelect = el(
    'select',
    {
      id: 'changes-actor',
      on: {
        change: (ev) => a.setFilter({ actor: (ev.target as HTMLSelectElement).value || null }),
      },
    },
    [
      el('option', { value: '', text: 'All actors' }),
      ...[...known]
        .sort((x, y) => x[1].localeCompare(y[1]))
        .map(([id, name]) => el('option', { value: id, text: name, selected: id === f.actor })),
    ],
  );
  const day = (id: string, label: string, key: 'since' | 'until'): Child[] => [
    el('label', { for: id, text: label }),
    el('input', {
      type: 'date',
      id,
      value: f[key] ?? '',
      on: {
        change: (ev) => a.setFilter({ [key]: (ev.target as HTMLInputElement).value || null }),
      },
    }),
  ];
  const filters = el('div', { class: 'changes-filters', role: 'group', 'aria-label': 'Filters' }, [
    el('label', { for: 'changes-actor', text: 'Actor' }),
    actorSelect,
    ...day('changes-since', 'Ingested from', 'since'),
    ...day('changes-until', 'to', 'until'),
    chosen && !watching.has(chosen.id)
      ? el('button', {
          type: 'button',
          class: 'primary',
          text: `Watch ${chosen.name}`,
          on: { click: () => a.watch(chosen) },
        })
      : null,
  ]);

  const watchlist = el('section', { class: 'watchlist', 'aria-labelledby': 'watchlist-title' }, [
    el('h3', { id: 'watchlist-title', text: `Watchlist (${s.watchlist.actors.length})` }),
    s.watchlist.actors.length
      ? el(
          'ul',
          { class: 'watch-items' },
          s.watchlist.actors.map((w) =>
            el('li', {}, [
              el('button', {
                type: 'button',
                class: 'tool',
                text: w.name,
                title: `Changes that concern ${w.name}`,
                on: { click: () => a.setFilter({ actor: w.id }) },
              }),
              el('button', {
                type: 'button',
                class: 'tool',
                text: '×',
                'aria-label': `Stop watching ${w.name}`,
                on: { click: () => a.unwatch(w.id) },
              }),
            ]),
          ),
        )
      : el('p', {
          class: 'muted small',
          text: 'Choose an actor and watch it: its changes since you last looked are counted on the Changes tab.',
        }),
  ]);

  const c = s.changes;
  const items = 'data' in c ? (c.data?.items ?? []) : [];
  const filtered = Boolean(f.actor || f.since || f.until);
  let body: Child;
  if (c.status === 'error') body = el('p', { class: 'error', role: 'alert', text: c.message });
  else if (!items.length)
    body = el('div', { class: 'empty-card changes-empty' }, [
      el('h2', {
        text:
          c.status === 'loading' || c.status === 'idle'
            ? 'Loading…'
            : filtered
              ? 'No changes match these filters'
              : 'No changes yet',
      }),
      el('p', {
        text: filtered
          ? 'Choose another actor or widen the days.'
          : 'Every report ingested, and every update of one, is listed here with the events and statements it added or retracted and the figures it changed.',
      }),
    ]);
  else
    body = el(
      'ol',
      { class: 'change-list', 'aria-label': 'Changes, newest first' },
      items.map((e) => entryView(e, s.previousLook !== null && e.ingestedAt > s.previousLook, a)),
    );
  const total = 'data' in c && c.data ? c.data.total : 0;
  mount(root, [
    el('div', { class: 'changes-head' }, [
      el('h2', { text: 'What changed' }),
      el('span', {
        class: 'muted small',
        text: items.length < total ? `newest ${items.length} of ${total}` : `${total} changes`,
      }),
    ]),
    filters,
    watchlist,
    body,
  ]);
}
