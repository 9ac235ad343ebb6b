// PLOVER event ontology (SPEC §2): 16 categories in four quad classes, each with a
// conflict–cooperation score from −10 to +10 that drives edge colour.

export const PLOVER_CATEGORIES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

export type Quad =
  'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';

export interface CategoryInfo {
  type: PloverCategory;
  quad: Quad;
  score: number;
  modes: Record<string, number>;
  /** Reciprocal categories put every participant on both sides (meetings). */
  reciprocal: boolean;
}

const c = (
  type: PloverCategory,
  quad: Quad,
  score: number,
  modes: Record<string, number> = {},
  reciprocal = false,
): CategoryInfo => ({ type, quad, score, modes, reciprocal });

export const ONTOLOGY: Record<PloverCategory, CategoryInfo> = {
  AGREE: c('AGREE', 'verbal-cooperation', 2.5),
  CONSULT: c(
    'CONSULT',
    'verbal-cooperation',
    2.5,
    { visit: 4, multilateral: 4, phone: 1.5, 'third-party': 1 },
    true,
  ),
  SUPPORT: c('SUPPORT', 'verbal-cooperation', 5),
  CONCEDE: c('CONCEDE', 'verbal-cooperation', 4.5),
  COOPERATE: c('COOPERATE', 'material-cooperation', 9.5),
  AID: c('AID', 'material-cooperation', 10),
  RETREAT: c('RETREAT', 'material-cooperation', 6.5),
  REQUEST: c('REQUEST', 'verbal-conflict', 0),
  ACCUSE: c('ACCUSE', 'verbal-conflict', -2, { investigate: -3.5, allege: -3.5 }),
  REJECT: c('REJECT', 'verbal-conflict', -2),
  THREATEN: c('THREATEN', 'verbal-conflict', -3.5),
  PROTEST: c('PROTEST', 'material-conflict', -5),
  SANCTION: c('SANCTION', 'material-conflict', -6),
  MOBILIZE: c('MOBILIZE', 'material-conflict', -5.5),
  COERCE: c('COERCE', 'material-conflict', -7),
  ASSAULT: c('ASSAULT', 'material-conflict', -9, { 'heavy-weapons': -9.5, aerial: -9.5 }),
};

export const QUADS: Quad[] = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
];

export function isPloverCategory(s: string): s is PloverCategory {
  return (PLOVER_CATEGORIES as readonly string[]).includes(s);
}

/** The score of an event: its mode's score where the mode has one, else its category's. */
export function eventScore(type: PloverCategory, mode: string | null): number {
  const info = ONTOLOGY[type];
  return mode != null && mode in info.modes ? info.modes[mode] : info.score;
}

/** Diverging red (−10) → grey (0) → green (+10) colour for a mean score, as #rrggbb: edges in the
 * viewer, categories in /api/ontology and colours in exports all use this one scale. */
export function scoreColor(score: number): string {
  const t = Math.max(-1, Math.min(1, (Number.isFinite(score) ? score : 0) / 10));
  const grey = [150, 150, 150];
  const red = [215, 48, 39];
  const green = [26, 152, 80];
  const to = t < 0 ? red : green;
  const a = Math.abs(t) ** 0.6; // lift small scores so they still read as red or green
  const mix = grey.map((g, i) => Math.round(g + (to[i] - g) * a));
  return '#' + mix.map((v) => v.toString(16).padStart(2, '0')).join('');
}
