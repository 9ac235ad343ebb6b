// The Cypher console's chrome: examples, history, status, error, and the result table.
// The editor and the result graph are mounted into slots by their controllers.
import type { CypherResult } from '../../../server/api/types.ts';
import type { AppState } from '../app/store.ts';
import { EXAMPLE_QUERIES } from '../core/console/console-history.ts';
import { formatCell } from '../core/cypher/result-graph.ts';
import { el, mount } from '../dom/el.ts';

export interface ConsoleSlots {
  root: HTMLElement;
  editor: HTMLElement;
  graph: HTMLElement;
  status: HTMLElement;
  table: HTMLElement;
  side: HTMLElement;
  runButton: HTMLButtonElement;
}

export function createConsoleLayout(onRun: () => void): ConsoleSlots {
  const editor = el('div', { class: 'editor', 'aria-label': 'Cypher query editor' });
  const runButton = el('button', {
    type: 'button',
    class: 'primary',
    text: 'Run  Ctrl+Enter',
    title: 'Run the query (Ctrl+Enter)',
    on: { click: onRun },
  });
  const status = el('div', { class: 'console-status', role: 'status', 'aria-live': 'polite' });
  const graph = el('div', { class: 'result-graph', 'aria-label': 'Result drawn as a graph' });
  const table = el('div', { class: 'result-table' });
  const side = el('aside', { class: 'console-side' });
  const root = el('div', { class: 'console' }, [
    el('div', { class: 'console-main' }, [
      el('div', { class: 'editor-row' }, [
        editor,
        el('div', { class: 'editor-actions' }, [
          runButton,
          el('span', { class: 'muted small', text: 'Read-only: the database refuses writes.' }),
        ]),
      ]),
      status,
      el('div', { class: 'results' }, [graph, table]),
    ]),
    side,
  ]);
  return { root, editor, graph, status, table, side, runButton };
}

function renderTable(r: CypherResult): HTMLElement {
  if (!r.rows.length) return el('p', { class: 'muted', text: 'The query returned no rows.' });
  return el('table', { class: 'grid' }, [
    el('thead', {}, [
      el(
        'tr',
        {},
        r.columns.map((c) => el('th', { scope: 'col', text: c })),
      ),
    ]),
    el(
      'tbody',
      {},
      r.rows.map((row) =>
        el(
          'tr',
          {},
          row.map((cell) => el('td', { text: formatCell(cell) })),
        ),
      ),
    ),
  ]);
}

export function renderConsole(slots: ConsoleSlots, s: AppState, load: (q: string) => void): void {
  const r = s.console.result;
  slots.runButton.disabled = r.status === 'loading';
  if (r.status === 'idle')
    mount(slots.status, [
      el('span', {
        class: 'muted',
        text: 'Write a Cypher query or pick an example, then press Ctrl+Enter.',
      }),
    ]);
  else if (r.status === 'loading') mount(slots.status, [el('span', { text: 'Running…' })]);
  else if (r.status === 'error')
    mount(slots.status, [el('div', { class: 'error', role: 'alert', text: r.message })]);
  else {
    const d = r.data;
    mount(slots.status, [
      el('span', {
        text: `${d.rows.length} row${d.rows.length === 1 ? '' : 's'} · ${d.graph.nodes.length} nodes · ${d.graph.relationships.length} relationships · ${Math.round(d.ms)} ms${d.truncated ? ' · truncated at the row cap' : ''}`,
      }),
    ]);
  }
  slots.graph.hidden = !(r.status === 'ready' && r.data.graph.nodes.length > 0);
  if (r.status === 'ready') mount(slots.table, [renderTable(r.data)]);
  else if (r.status !== 'loading') slots.table.replaceChildren();
  mount(slots.side, [
    el('h3', { text: 'Examples' }),
    el(
      'ul',
      { class: 'query-list' },
      EXAMPLE_QUERIES.map((q) =>
        el('li', {}, [
          el(
            'button',
            {
              type: 'button',
              class: 'query-item',
              title: q.query,
              on: { click: () => load(q.query) },
            },
            [el('strong', { text: q.title }), el('code', { text: q.query })],
          ),
        ]),
      ),
    ),
    el('h3', { text: 'History' }),
    s.console.history.length
      ? el(
          'ul',
          { class: 'query-list history' },
          s.console.history
            .slice(0, 20)
            .map((q) =>
              el('li', {}, [
                el(
                  'button',
                  { type: 'button', class: 'query-item', title: q, on: { click: () => load(q) } },
                  [el('code', { text: q })],
                ),
              ]),
            ),
        )
      : el('p', { class: 'muted small', text: 'Queries you run are kept here (in this browser).' }),
  ]);
}
