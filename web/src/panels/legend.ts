// The legend: node colours (by kind or country), node size, edge colour scale and width.
import type { AppState } from '../app/store.ts';
import {
  communityColor,
  countryColor,
  scoreScale,
  CATEGORICAL,
  KIND_COLORS,
  NO_COUNTRY,
  OTHER_COUNTRY,
  type ColorBy,
} from '../core/colors/palette.ts';
import { ACTOR_KINDS, KIND_LABELS } from '../../../domain/index.ts';
import { el, mount } from '../dom/el.ts';

export function renderLegend(
  root: HTMLElement,
  s: AppState,
  onColorBy: (c: ColorBy) => void,
): void {
  const net = s.network.status === 'ready' ? s.network.data : null;
  let items: (readonly [string, string])[];
  if (s.url.colorBy === 'kind') {
    items = ACTOR_KINDS.map((k) => [KIND_LABELS[k], KIND_COLORS[k]] as const);
  } else if (s.url.colorBy === 'country') {
    // Most frequent first; the rarest share one colour, listed once as "other".
    const counts = new Map<string, number>();
    for (const n of net?.nodes ?? [])
      if (n.country) counts.set(n.country, (counts.get(n.country) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const named = ranked.filter(([c]) => countryColor(c, s.countryColors) !== OTHER_COUNTRY);
    items = named.map(([c]) => [c, countryColor(c, s.countryColors)] as const);
    if (named.length < ranked.length) items.push(['other countries', OTHER_COUNTRY]);
    items.push(['no country', NO_COUNTRY]);
  } else {
    items = CATEGORICAL.slice(0, 8).map(
      (_, i) => [`community ${i + 1}`, communityColor(i)] as const,
    );
    items.push(['smaller ones', OTHER_COUNTRY]);
  }
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
