// What the legend lists for the current colouring: label and colour of each entry. Shared by the
// legend panel and the PNG export, so that the image says what the screen says.
import { ACTOR_KINDS, KIND_LABELS } from '../../../../domain/index.ts';
import {
  communityColor,
  countryColor,
  CATEGORICAL,
  KIND_COLORS,
  NO_COUNTRY,
  OTHER_COUNTRY,
  type ColorBy,
} from './palette.ts';

export type LegendItem = readonly [label: string, color: string];

export function legendItems(
  colorBy: ColorBy,
  nodes: readonly { country: string | null }[],
  countryColors: Map<string, string>,
): LegendItem[] {
  if (colorBy === 'kind') return ACTOR_KINDS.map((k) => [KIND_LABELS[k], KIND_COLORS[k]] as const);
  if (colorBy === 'country') {
    // Most frequent first; the rarest share one colour, listed once as "other".
    const counts = new Map<string, number>();
    for (const n of nodes) if (n.country) counts.set(n.country, (counts.get(n.country) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const named = ranked.filter(([c]) => countryColor(c, countryColors) !== OTHER_COUNTRY);
    const items: LegendItem[] = named.map(([c]) => [c, countryColor(c, countryColors)] as const);
    if (named.length < ranked.length) items.push(['other countries', OTHER_COUNTRY]);
    items.push(['no country', NO_COUNTRY]);
    return items;
  }
  const items: LegendItem[] = CATEGORICAL.slice(0, 8).map(
    (_, i) => [`community ${i + 1}`, communityColor(i)] as const,
  );
  items.push(['smaller ones', OTHER_COUNTRY]);
  return items;
}
