// Colours of the network: nodes by actor kind, country or community, edges on the diverging
// conflict (red) → cooperation (green) scale of mean PLOVER score (the same scale as the ontology).
import { scoreColor, type ActorKind } from '../../../../domain/index.ts';

export const KIND_COLORS: Record<ActorKind, string> = {
  person: '#4c6ef5',
  state: '#2b2d42',
  organization: '#c77d1a',
  group: '#8e5ea2',
};

// Categorical colours for countries and communities, ordered so that the first ones are the
// most distinct from each other (each pair at least ΔE 20 apart in CIELAB; see the spec).
export const CATEGORICAL = [
  '#1f77b4', // blue
  '#d62728', // red
  '#2ca02c', // green
  '#ff7f0e', // orange
  '#9467bd', // purple
  '#17becf', // cyan
  '#e377c2', // pink
  '#8c564b', // brown
  '#bcbd22', // olive
  '#0b2e59', // navy
  '#f2c14e', // gold
  '#7f0f3f', // wine
  '#5c8a3a', // moss
  '#b39ddb', // lavender
  '#00897b', // teal
  '#ff9e9e', // salmon
];
// Well-known states prefer a fixed colour, so the same country looks the same across corpora.
const PREFERRED: Record<string, string> = {
  USA: '#1f77b4',
  RUS: '#d62728',
  UKR: '#f2c14e',
  CHN: '#e377c2',
  GBR: '#9467bd',
  FRA: '#17becf',
  DEU: '#8c564b',
};
/** Actors without a country. */
export const NO_COUNTRY = '#c3c7cd';
/** Countries past the palette (the rarest ones): one shared colour, listed as "other". */
export const OTHER_COUNTRY = '#6b7480';

export type ColorBy = 'kind' | 'country' | 'community';

/**
 * Colours for the countries of a network: the most frequent get the palette (a preferred
 * colour first, else the next free one), the rest share OTHER_COUNTRY. Deterministic.
 */
export function countryPalette(
  counts: Map<string, number>,
  /** Colours already shown this session: kept, so a filter does not repaint the countries. */
  keep: Map<string, string> = new Map(),
): Map<string, string> {
  const out = new Map(keep);
  const used = new Set([...keep.values()].filter((c) => c !== OTHER_COUNTRY));
  const ranked = [...counts.entries()]
    .filter(([c]) => !keep.has(c))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c]) => c);
  const top = ranked.slice(0, CATEGORICAL.length - used.size);
  for (const c of top) {
    const p = PREFERRED[c];
    if (p && !used.has(p)) {
      out.set(c, p);
      used.add(p);
    }
  }
  const free = CATEGORICAL.filter((x) => !used.has(x));
  for (const c of top) if (!out.has(c)) out.set(c, free.shift() ?? OTHER_COUNTRY);
  for (const c of ranked) if (!out.has(c)) out.set(c, OTHER_COUNTRY);
  return out;
}

/** Colours of the current network's categories: countries, and communities when computed. */
export interface Coloring {
  by: ColorBy;
  countries: Map<string, string>;
  /** Community index per actor (0 = the largest community). */
  communities: Map<string, number>;
}

export const DEFAULT_COLORING: Coloring = {
  by: 'kind',
  countries: new Map(),
  communities: new Map(),
};

export function countryColor(
  country: string | null | undefined,
  palette?: Map<string, string>,
): string {
  if (!country) return NO_COUNTRY;
  const assigned = palette?.get(country) ?? PREFERRED[country];
  if (assigned) return assigned;
  // Outside a network (the console's result graph): a stable colour from the code.
  let h = 0;
  for (const ch of country) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return CATEGORICAL[h % CATEGORICAL.length];
}

export function communityColor(index: number | undefined): string {
  return index === undefined ? NO_COUNTRY : (CATEGORICAL[index] ?? OTHER_COUNTRY);
}

export function nodeColor(
  c: Coloring,
  actor: { id: string; kind: ActorKind; country: string | null },
): string {
  if (c.by === 'kind') return KIND_COLORS[actor.kind] ?? NO_COUNTRY;
  if (c.by === 'community') return communityColor(c.communities.get(actor.id));
  return countryColor(actor.country, c.countries);
}

/** Stops for the legend's gradient bar. */
export function scoreScale(): { score: number; color: string }[] {
  return [-10, -5, -2, 0, 2.5, 5, 10].map((score) => ({ score, color: scoreColor(score) }));
}

/** Picks dark or light text for a chip background. */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#111';
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111' : '#fff';
}
