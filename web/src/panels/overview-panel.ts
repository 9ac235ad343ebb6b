// The right panel with nothing selected: what the network says at a glance — the most active
// actors, the strongest conflict and cooperation pairs, the latest activity — and the actors
// left out because they have no relationship. Every row is a click into the graph.
import type { Network, NetworkNode } from '../../../server/api/types.ts';
import type { AppState } from '../app/store.ts';
import { KIND_COLORS } from '../core/colors/palette.ts';
import { splitIsolates } from '../core/network/isolates.ts';
import { cappedNote, foldLabel, foldSummary } from '../core/fold/folds.ts';
import { FOLD_COLOR } from '../core/network/build-graph.ts';
import { overview, type PairSummary } from '../core/overview/overview.ts';
import { el, type Child } from '../dom/el.ts';
import { plural } from '../dom/plural.ts';

export interface OverviewActions {
  selectActor(id: string): void;
  selectEdge(id: string): void;
  showIsolates(show: boolean): void;
  /** Selects an actor that is not drawn (an isolate): shows the isolates first. */
  selectIsolate(id: string): void;
  nameOf(id: string): string;
  /** Draws a fold's actors (`none`: those without a country), or folds them back. */
  openFold(country: string): void;
  closeFold(country: string): void;
}

/** Folds listed: the biggest. */
const FOLDS_LISTED = 12;

/** The folded actors by country: the biggest folds to open, the opened ones to fold back. */
function foldsBlock(net: Network, open: readonly string[], a: OverviewActions): HTMLElement | null {
  const f = foldSummary(net, open);
  if (!f.groups.length && !f.open.length) return null;
  const row = (
    label: string,
    figure: string,
    dataset: Record<string, string>,
    onClick: () => void,
  ) =>
    el('li', {}, [
      el('button', { type: 'button', class: 'ov-row', dataset, on: { click: onClick } }, [
        el('span', { class: 'dot fold-dot', style: { background: FOLD_COLOR } }),
        el('span', { class: 'ov-name', text: label }),
        el('span', { class: 'ov-figure', text: figure }),
      ]),
    ]);
  return el('section', { class: 'panel-section ov-block ov-folds' }, [
    el('h3', { text: `Folded by country (${plural(f.folded, 'actor')})` }),
    el('p', {
      class: 'muted small',
      text: 'The busiest actors are drawn as themselves, the others as one node per country. Click a fold to draw its actors.',
    }),
    cappedNote(net)
      ? el('p', { class: 'fold-capped', role: 'note', text: cappedNote(net)! })
      : null,
    f.open.length
      ? el(
          'ul',
          { class: 'ov-list' },
          f.open.map((o) =>
            row(
              `Fold ${o.country === 'none' ? 'actors without a country' : o.country} back`,
              o.rest ? `${plural(o.rest, 'actor')} still folded` : '',
              { foldBack: o.country },
              () => a.closeFold(o.country),
            ),
          ),
        )
      : null,
    el(
      'ul',
      { class: 'ov-list' },
      f.groups
        .slice(0, FOLDS_LISTED)
        .map((g) =>
          row(foldLabel(g), plural(g.events, 'event'), { fold: g.country ?? 'none' }, () =>
            a.openFold(g.country ?? 'none'),
          ),
        ),
    ),
  ]);
}

function actorRow(n: NetworkNode, a: OverviewActions, onClick: () => void): HTMLElement {
  return el('li', {}, [
    el(
      'button',
      { type: 'button', class: 'ov-row', dataset: { actor: n.id }, on: { click: onClick } },
      [
        el('span', { class: 'dot', style: { background: KIND_COLORS[n.kind] } }),
        el('span', { class: 'ov-name', text: n.name }),
        el('span', {
          class: 'ov-figure',
          text: n.events ? plural(n.events, 'event') : plural(n.statements, 'statement'),
          title: `${plural(n.events, 'event')}, ${plural(n.statements, 'statement')}, mentioned in ${plural(n.reports ?? 0, 'report')}`,
        }),
      ],
    ),
  ]);
}

function pairRow(
  p: PairSummary,
  a: OverviewActions,
  mode: 'conflict' | 'cooperation' | 'recent',
): HTMLElement {
  const sign = p.meanScore < 0 ? '−' : p.meanScore > 0 ? '+' : '·';
  const figure =
    mode === 'recent'
      ? (p.lastDate ?? '')
      : `${plural(p.count, 'event')} · ${p.meanScore > 0 ? '+' : ''}${p.meanScore.toFixed(1)}`;
  return el('li', {}, [
    el(
      'button',
      {
        type: 'button',
        class: 'ov-row',
        dataset: { edge: p.edgeId },
        on: { click: () => a.selectEdge(p.edgeId) },
      },
      [
        // The sign says conflict or cooperation without relying on colour.
        el('span', {
          class: `ov-sign ${p.meanScore < 0 ? 'neg' : p.meanScore > 0 ? 'pos' : ''}`,
          text: sign,
          'aria-hidden': 'true',
        }),
        el('span', { class: 'ov-name' }, [
          `${a.nameOf(p.source)} → ${a.nameOf(p.target)}`,
          el('span', { class: 'ov-types', text: ` ${p.types.slice(0, 2).join(', ')}` }),
        ]),
        el('span', { class: 'ov-figure', text: figure }),
      ],
    ),
  ]);
}

function block(title: string, rows: Child[], empty: string): HTMLElement {
  return el('section', { class: 'panel-section ov-block' }, [
    el('h3', { text: title }),
    rows.length
      ? el('ul', { class: 'ov-list' }, rows)
      : el('p', { class: 'muted small', text: empty }),
  ]);
}

export function renderOverview(s: AppState, a: OverviewActions): Child[] {
  const net = s.network.status === 'ready' ? s.network.data : null;
  if (!net)
    return [el('h2', { text: 'Overview', id: 'panel-title' }), el('div', { class: 'skeleton' })];
  const { connected, isolates } = splitIsolates(net);
  const o = overview(net);
  const shown = s.url.isolates;
  return [
    el('header', { class: 'panel-header' }, [
      el('div', {}, [
        el('h2', { text: 'Overview', id: 'panel-title' }),
        el('div', {
          class: 'subtitle',
          text: `${plural(shown ? net.nodes.length : connected.nodes.length, 'actor')} drawn · ${plural(net.edges.length, 'relationship')}${net.truncated ? ' · the most active only' : ''}`,
        }),
      ]),
    ]),
    isolates.length
      ? el('div', { class: 'ov-isolates' }, [
          el('button', {
            type: 'button',
            class: 'isolates-toggle',
            'aria-pressed': String(shown),
            text: shown
              ? `Hide the ${plural(isolates.length, 'actor')} without relationships`
              : `Show ${plural(isolates.length, 'actor')} without relationships`,
            on: { click: () => a.showIsolates(!shown) },
          }),
        ])
      : null,
    foldsBlock(net, s.url.open, a),
    block(
      'Most active',
      o.actors.map((n) =>
        actorRow(n, a, () =>
          connected.nodes.some((c) => c.id === n.id) || shown
            ? a.selectActor(n.id)
            : a.selectIsolate(n.id),
        ),
      ),
      'No events in view.',
    ),
    block(
      'Strongest conflict',
      o.conflict.map((p) => pairRow(p, a, 'conflict')),
      'No conflict between actors in view.',
    ),
    block(
      'Strongest cooperation',
      o.cooperation.map((p) => pairRow(p, a, 'cooperation')),
      'No cooperation between actors in view.',
    ),
    block(
      'Latest activity',
      o.recent.map((p) => pairRow(p, a, 'recent')),
      'No dated events in view.',
    ),
    isolates.length
      ? el('details', { class: 'panel-section ov-block ov-isolate-list' }, [
          el('summary', { text: `Actors without relationships (${isolates.length})` }),
          el(
            'ul',
            { class: 'ov-list' },
            isolates.slice(0, 300).map((n) => actorRow(n, a, () => a.selectIsolate(n.id))),
          ),
          isolates.length > 300
            ? el('p', {
                class: 'muted small',
                text: `and ${isolates.length - 300} more: use search.`,
              })
            : null,
        ])
      : null,
    el('p', {
      class: 'muted small ov-hint',
      text: 'Click an actor or a relationship here or on the map; press / to search.',
    }),
  ];
}
