// The right panel: an actor's card and timeline, the events behind an edge, or a short
// overview with what to do next. Renders only; actions go out through callbacks.
import { actorDays, pairDays } from '../core/time/sparkline.ts';
import { networkEdges, sparkline } from './sparkline.ts';
import type { ActorCard, EventItem } from '../../../server/api/types.ts';
import type { AppState, EdgeEvents } from '../app/store.ts';
import { KIND_LABELS } from '../../../domain/index.ts';
import { eventsBetween, parseEdgeId } from '../core/network/edge-events.ts';
import { el, mount, type Child } from '../dom/el.ts';
import { canUndo, filterLog, summarize } from '../core/curation/curation-log.ts';
import { curationBadges, eventItem, statementItem, type FactCuration } from './fact-items.ts';
import { renderOverview, type OverviewActions } from './overview-panel.ts';

/** The analyst's actions: on an actor, on facts (FactCuration), on the log. */
export interface CurationActions extends FactCuration {
  mergeActor(card: ActorCard): void;
  editActor(card: ActorCard): void;
  undo(id: string): void;
  setFilter(text: string): void;
}

export interface DetailActions extends OverviewActions {
  selectActor(id: string): void;
  close(): void;
  expand(id: string): void;
  hide(id: string): void;
  togglePin(id: string): void;
  openDocument(id: string): void;
  nameOf(id: string): string;
  curate: CurationActions;
  moreEdgeEvents(): void;
}

function field(label: string, value: Child): HTMLElement | null {
  if (value === null || value === undefined || value === '') return null;
  return el('div', { class: 'field' }, [el('dt', { text: label }), el('dd', {}, [value])]);
}

function section(title: string, count: number, body: Child[], empty: string): HTMLElement {
  return el('section', { class: 'panel-section' }, [
    el('h3', {}, [title, el('span', { class: 'count', text: String(count) })]),
    count ? el('ul', { class: 'facts' }, body) : el('p', { class: 'muted', text: empty }),
  ]);
}

function header(title: string, subtitle: string, actions: DetailActions): HTMLElement {
  return el('header', { class: 'panel-header' }, [
    el('div', {}, [
      el('h2', { text: title, id: 'panel-title' }),
      el('div', { class: 'subtitle', text: subtitle }),
    ]),
    el('button', {
      class: 'icon-button',
      type: 'button',
      title: 'Close (Esc)',
      'aria-label': 'Close panel',
      text: '×',
      on: { click: actions.close },
    }),
  ]);
}

function actorCard(card: ActorCard, s: AppState, a: DetailActions): Child[] {
  const { actor } = card;
  const pinned = s.pinned.has(actor.id);
  const hidden = s.hidden.has(actor.id);
  const subtitle = [KIND_LABELS[actor.kind] ?? actor.kind, actor.title, actor.country]
    .filter(Boolean)
    .join(' · ');
  const byType = new Map<string, number>();
  for (const e of card.events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const edges = networkEdges(s);
  return [
    header(actor.name, subtitle, a),
    sparkline(actorDays(edges, actor.id), edges, 'with the actors drawn'),
    card.curation?.mergedInto
      ? el('p', { class: 'merged-note' }, [
          'Merged into ',
          el('button', {
            class: 'link',
            type: 'button',
            text: a.nameOf(card.curation.mergedInto),
            on: { click: () => a.selectActor(card.curation?.mergedInto as string) },
          }),
          ' by an analyst (undo it in the curation log).',
        ])
      : null,
    card.curation ? curationBadges(card.curation) : null,
    el('div', { class: 'actions curate', role: 'toolbar', 'aria-label': 'Curate this actor' }, [
      el('button', {
        type: 'button',
        text: 'Merge into…',
        disabled: Boolean(card.curation?.mergedInto),
        on: { click: () => a.curate.mergeActor(card) },
      }),
      el('button', {
        type: 'button',
        text: 'Edit…',
        on: { click: () => a.curate.editActor(card) },
      }),
      card.curation?.confirmed
        ? null
        : el('button', {
            type: 'button',
            text: 'Confirm',
            on: { click: () => a.curate.confirm(actor.id, actor.name) },
          }),
      el('button', {
        type: 'button',
        text: 'Note…',
        on: { click: () => a.curate.note(actor.id, actor.name) },
      }),
    ]),
    el('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Actor actions' }, [
      el('button', {
        type: 'button',
        text: 'Expand neighbours',
        on: { click: () => a.expand(actor.id) },
      }),
      el('button', {
        type: 'button',
        text: pinned ? 'Unpin' : 'Pin',
        'aria-pressed': String(pinned),
        on: { click: () => a.togglePin(actor.id) },
      }),
      el('button', {
        type: 'button',
        text: hidden ? 'Hidden' : 'Hide',
        disabled: hidden,
        on: { click: () => a.hide(actor.id) },
      }),
    ]),
    el('dl', { class: 'card' }, [
      field('Kind', KIND_LABELS[actor.kind] ?? actor.kind),
      field(
        'Mentioned in',
        card.totals
          ? `${card.totals.documents} report${card.totals.documents === 1 ? '' : 's'}${card.totals.documents <= 1 && card.totals.events === 0 ? ' — no event: possibly extraction noise' : ''}`
          : null,
      ),
      field('Country', actor.country),
      field('Sector', actor.sector),
      field('Title', actor.title),
      field('Also known as', actor.aliases.length ? actor.aliases.join(', ') : null),
      field(
        'Affiliated with',
        card.affiliations.length
          ? el(
              'span',
              {},
              card.affiliations.map((f, i) =>
                el('span', {}, [
                  i ? ', ' : '',
                  el('button', {
                    class: 'link',
                    type: 'button',
                    text: f.name,
                    on: { click: () => a.selectActor(f.id) },
                  }),
                  f.title ? ` (${f.title})` : '',
                ]),
              ),
            )
          : null,
      ),
      field(
        'Members',
        card.members.length
          ? el(
              'span',
              {},
              card.members.map((m, i) =>
                el('span', {}, [
                  i ? ', ' : '',
                  el('button', {
                    class: 'link',
                    type: 'button',
                    text: m.name,
                    on: { click: () => a.selectActor(m.id) },
                  }),
                ]),
              ),
            )
          : null,
      ),
    ]),
    section(
      'Events',
      card.events.length,
      card.events.map((e) => eventItem(e, s.ontology, a.selectActor, a.curate)),
      'No events recorded for this actor.',
    ),
    section(
      'Statements',
      card.statements.length,
      card.statements.map((st) => statementItem(st, a.selectActor, a.curate)),
      'No statements recorded.',
    ),
    section(
      'Documents',
      card.documents.length,
      card.documents.map((d) =>
        el('li', { class: 'doc-ref' }, [
          el('button', {
            class: 'link',
            type: 'button',
            text: d.title ?? d.id,
            on: { click: () => a.openDocument(d.id) },
          }),
          d.publishedAt ? el('span', { class: 'muted', text: ` ${d.publishedAt}` }) : null,
        ]),
      ),
      'Not mentioned in any current document.',
    ),
  ];
}

function edgeView(id: string, page: EdgeEvents, s: AppState, a: DetailActions): Child[] {
  const ends = parseEdgeId(id);
  const source = ends ? a.nameOf(ends.source) : id;
  const target = ends ? a.nameOf(ends.target) : '';
  const n = page.items.length;
  const count = `${n}${page.nextCursor ? '+' : ''} event${n === 1 && !page.nextCursor ? '' : 's'}`;
  // The drawn edge's direction first; the other way after (meetings, being mutual, only once).
  const out = ends ? eventsBetween(page.items, ends.source, ends.target) : page.items;
  const outIds = new Set(out.map((e) => e.id));
  const back = ends
    ? eventsBetween(page.items, ends.target, ends.source).filter((e) => !outIds.has(e.id))
    : [];
  const list = (events: EventItem[], dir: string, title: string, empty: string) => {
    const sec = section(
      title,
      events.length,
      events.map((e) => eventItem(e, s.ontology, a.selectActor, a.curate)),
      empty,
    );
    sec.dataset.direction = dir;
    return sec;
  };
  const edges = networkEdges(s);
  return [
    header(ends ? `${source} → ${target}` : id, `${count} between them, newest first`, a),
    ends ? sparkline(pairDays(edges, ends.source, ends.target), edges, 'between them') : null,
    ends
      ? el('div', { class: 'actions' }, [
          el('button', {
            type: 'button',
            text: `Open ${source}`,
            on: { click: () => a.selectActor(ends.source) },
          }),
          el('button', {
            type: 'button',
            text: `Open ${target}`,
            on: { click: () => a.selectActor(ends.target) },
          }),
        ])
      : null,
    list(out, 'out', `${source} → ${target}`, 'No current events this way.'),
    ends && back.length ? list(back, 'back', `${target} → ${source}`, '') : null,
    page.nextCursor
      ? el('button', {
          type: 'button',
          class: 'more',
          text: 'Load more events',
          on: { click: a.moreEdgeEvents },
        })
      : null,
  ];
}

function curationLog(s: AppState, a: DetailActions): HTMLElement {
  const all = s.curations.status === 'ready' ? s.curations.data : [];
  const shown = filterLog(all, s.curationFilter);
  const filter = el('input', {
    type: 'search',
    class: 'log-filter',
    placeholder: 'Filter: analyst, operation, actor, orphaned…',
    'aria-label': 'Filter the curation log',
    value: s.curationFilter,
    on: { input: (ev) => a.curate.setFilter((ev.target as HTMLInputElement).value) },
  });
  return el('section', { class: 'panel-section curation-log', 'aria-label': 'Curation log' }, [
    el('h3', {}, ['Curation log', el('span', { class: 'count', text: String(all.length) })]),
    filter,
    s.curations.status === 'error'
      ? el('p', { class: 'error', text: s.curations.message })
      : shown.length
        ? el(
            'ul',
            { class: 'log' },
            shown.map((e) =>
              el('li', { class: `log-entry ${e.state}`, dataset: { curationId: e.id, op: e.op } }, [
                el('div', { class: 'log-line', text: summarize(e) }),
                el('div', { class: 'muted' }, [
                  new Date(e.at).toLocaleString(),
                  e.reason ? ` — ${e.reason}` : '',
                  e.state === 'undone' ? ' · undone' : '',
                  e.orphaned ? ' · ' : '',
                  e.orphaned
                    ? el('span', {
                        class: 'badge orphaned',
                        text: 'orphaned',
                        title: 'No current report supports its target any more; kept',
                      })
                    : null,
                ]),
                canUndo(e)
                  ? el('button', {
                      type: 'button',
                      class: 'tool',
                      text: 'Undo',
                      title: 'Restore what this curation changed',
                      on: { click: () => a.curate.undo(e.id) },
                    })
                  : null,
              ]),
            ),
          )
        : el('p', {
            class: 'muted',
            text: all.length ? 'No curation matches the filter.' : 'No curations yet.',
          }),
  ]);
}

export function renderDetailPanel(root: HTMLElement, s: AppState, a: DetailActions): void {
  const sel = s.url.selection;
  root.hidden = false;
  if (sel?.type === 'actor') {
    if (s.card.status === 'ready' && s.card.data.actor.id === sel.id)
      mount(root, actorCard(s.card.data, s, a));
    else if (s.card.status === 'error')
      mount(root, [
        header('Actor', '', a),
        el('p', { class: 'error', role: 'alert', text: s.card.message }),
      ]);
    else mount(root, [header(a.nameOf(sel.id), 'Loading…', a), el('div', { class: 'skeleton' })]);
  } else if (sel?.type === 'edge') {
    if (s.edgeEvents.status === 'ready') mount(root, edgeView(sel.id, s.edgeEvents.data, s, a));
    else if (s.edgeEvents.status === 'error')
      mount(root, [
        header('Relationship', '', a),
        el('p', { class: 'error', role: 'alert', text: s.edgeEvents.message }),
      ]);
    else mount(root, [header('Relationship', 'Loading…', a), el('div', { class: 'skeleton' })]);
  } else {
    mount(root, [...renderOverview(s, a), curationLog(s, a)]);
  }
}
