// Colours of the network: nodes by actor kind or by country, edges on the diverging
// conflict (red) → cooperation (green) scale of mean PLOVER score (the same scale as the ontology).
import { scoreColor, type ActorKind } from '../../../../domain/index.ts';

export type ColorBy = 'kind' | 'country';

export const KIND_COLORS: Record<ActorKind, string> = {
  person: '#4c6ef5',
  state: '#2b2d42',
  organization: '#c77d1a',
  group: '#8e5ea2',
};

// Muted, distinguishable hues for countries; a country keeps its colour across sessions (hashed).
const COUNTRY_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
  '#7b4173',
  '#3182bd',
  '#e6550d',
];
// Well-known states get fixed, distinct colours so the sample reads at a glance.
const FIXED: Record<string, string> = {
  USA: '#1f5fae',
  RUS: '#c0392b',
  UKR: '#d4a017',
  DEU: '#555555',
  GBR: '#6a3d9a',
  FRA: '#2a9d8f',
  CHN: '#b5179e',
};
export const NO_COUNTRY = '#a0a4ab';

export function countryColor(country: string | null | undefined): string {
  if (!country) return NO_COUNTRY;
  const fixed = FIXED[country];
  if (fixed) return fixed;
  let h = 0;
  for (const ch of country) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COUNTRY_PALETTE[h % COUNTRY_PALETTE.length];
}

export function nodeColor(colorBy: ColorBy, kind: ActorKind, country: string | null): string {
  return colorBy === 'kind' ? (KIND_COLORS[kind] ?? NO_COUNTRY) : countryColor(country);
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
