// Floating controls over the network: zoom, fit, relayout, undo, exports.
import type { AppState } from '../app/store.ts';
import { canUndo, describeOp } from '../core/history/history.ts';
import { el, mount } from '../dom/el.ts';

export interface ToolbarActions {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  relayout(): void;
  undo(): void;
  exportPng(): void;
  exportGexf(): void;
  showHidden(): void;
}

function button(label: string, title: string, onClick: () => void, disabled = false): HTMLElement {
  return el('button', {
    type: 'button',
    class: 'tool',
    text: label,
    title,
    'aria-label': title,
    disabled,
    on: { click: onClick },
  });
}

export function renderToolbar(root: HTMLElement, s: AppState, a: ToolbarActions): void {
  const last = s.history.done[s.history.done.length - 1];
  mount(root, [
    el('div', { class: 'tool-group', role: 'toolbar', 'aria-label': 'Camera' }, [
      button('+', 'Zoom in (+)', a.zoomIn),
      button('−', 'Zoom out (−)', a.zoomOut),
      button('Fit', 'Fit the network (f)', a.fit),
    ]),
    el('div', { class: 'tool-group', role: 'toolbar', 'aria-label': 'Graph' }, [
      button(
        s.layoutRunning ? 'Laying out…' : 'Layout',
        'Run the layout again',
        a.relayout,
        s.layoutRunning,
      ),
      button(
        'Undo',
        canUndo(s.history) && last ? `Undo ${describeOp(last)} (u)` : 'Nothing to undo',
        a.undo,
        !canUndo(s.history),
      ),
      s.hidden.size
        ? button(`Show ${s.hidden.size} hidden`, 'Show hidden actors again', a.showHidden)
        : null,
    ]),
    el('div', { class: 'tool-group', role: 'toolbar', 'aria-label': 'Export' }, [
      button('PNG', 'Export the view as PNG', a.exportPng),
      button(
        'GEXF',
        'Export the view as GEXF (Gephi), positions and colours included',
        a.exportGexf,
      ),
    ]),
  ]);
}
