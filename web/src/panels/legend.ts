// The legend: node colours (by kind or country), node size, edge colour scale and width.
import type { AppState } from '../app/store.ts';
import { legendItems } from '../core/colors/legend.ts';
import { scoreScale, type ColorBy } from '../core/colors/palette.ts';
import { el, mount } from '../dom/el.ts';

export function renderLegend(
  root: HTMLElement,
  s: AppState,
  onColorBy: (c: ColorBy) => void,
): void {
  const net = s.network.status === 'ready' ? s.network.data : null;
  const items = legendItems(s.url.colorBy, net?.nodes ?? [], s.countryColors);
  const stops = scoreScale();
  mount(root, [
    el('div', { class: 'legend-row' }, [
      el('span', { class: 'legend-title', text: 'Actors by' }),
      el('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Colour actors by' }, [
        el('button', {
          type: 'button',
          role: 'radio',
          'aria-checked': String(s.url.colorBy === 'kind'),
          text: 'kind',
          on: { click: () => onColorBy('kind') },
        }),
        el('button', {
          type: 'button',
          role: 'radio',
          'aria-checked': String(s.url.colorBy === 'country'),
          text: 'country',
          on: { click: () => onColorBy('country') },
        }),
        el('button', {
          type: 'button',
          role: 'radio',
          'aria-checked': String(s.url.colorBy === 'community'),
          text: 'community',
          title: 'Groups of actors more tied to each other than to the rest (Louvain)',
          on: { click: () => onColorBy('community') },
        }),
      ]),
    ]),
    el(
      'ul',
      { class: 'legend-items' },
      items.map(([label, color]) =>
        el('li', {}, [
          el('span', { class: 'dot', style: { background: color } }),
          el('span', { text: label }),
        ]),
      ),
    ),
    el('div', { class: 'legend-title', text: 'Relationship: mean PLOVER score' }),
    el('div', {
      class: 'scale',
      style: {
        background: `linear-gradient(90deg, ${stops.map((x, i) => `${x.color} ${(i / (stops.length - 1)) * 100}%`).join(', ')})`,
      },
      role: 'img',
      'aria-label': 'Red for conflict, grey neutral, green for cooperation',
    }),
    el('div', { class: 'scale-axis' }, [
      el('span', { text: 'conflict −10' }),
      el('span', { text: '0' }),
      el('span', { text: '+10 cooperation' }),
    ]),
    el('p', {
      class: 'muted small',
      text: 'Node size: number of events (performed or received). Small faint dots: actors mentioned in one report only, with no event. Edge width and strength: number of events; − marks conflict, + cooperation. Arrows point from actor to recipient.',
    }),
  ]);
}
