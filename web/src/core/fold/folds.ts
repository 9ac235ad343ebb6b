// Big networks (issue 16): the viewer draws the busiest actors as themselves and asks the server
// to fold every other actor into one node per country ("UKR · 1,204 more actors"), tied to the
// drawn actors by their summed events. A fold opens on demand: the server then draws that
// country's actors too (the busiest OPENED_ACTORS of them) and folds only the rest. Which
// countries are open is in the URL (`open=`), like the filters. Pure functions only.
import type { FoldedGroup, Network } from '../../../../server/api/types.ts';

/**
 * Actors drawn as themselves before the rest is folded: what the viewer lays out and labels
 * readably in a few seconds with software WebGL (ForceAtlas2 runs synchronously up to 500
 * actors, label room is made up to 1,000). The URL's `top=` changes it.
 */
export const DRAWN_ACTORS = 500;
/** What `top=` may ask for: the API's own bounds of the top N. */
export const MIN_TOP = 1;
export const MAX_TOP = 5000;

/** The id prefix of a fold node (server/queries/network-fold.ts: `folded:${country}`). */
const PREFIX = 'folded:';

export const isFold = (id: string): boolean => id.startsWith(PREFIX);

/** The country code a fold stands for (`none`: actors without a country), null for an actor. */
export const foldCountry = (id: string): string | null =>
  isFold(id) ? id.slice(PREFIX.length) : null;

/** The fold node that holds an actor of `country` (null: no country). */
export const foldIdOf = (country: string | null): string => `${PREFIX}${country ?? 'none'}`;

const count = new Intl.NumberFormat('en');

/** What a fold node is labelled with: its country and how many actors it holds. */
export function foldLabel(g: FoldedGroup): string {
  const more = `${count.format(g.actors)} more actor${g.actors === 1 ? '' : 's'}`;
  return `${g.country ?? 'No country'} · ${more}`;
}

/** The opened countries with `country` opened (or closed), in one order so a URL is one key. */
export function withOpen(open: readonly string[], country: string, opened: boolean): string[] {
  const next = new Set(open);
  if (opened) next.add(country);
  else next.delete(country);
  return [...next].sort();
}

/** The network query's part that folds: the top asked for, folded by country, and what is open. */
export function foldParams(
  top: number | null,
  open: readonly string[],
): { limit: string; fold: 'country'; open?: string } {
  return {
    limit: String(top ?? DRAWN_ACTORS),
    fold: 'country',
    ...(open.length ? { open: open.join(',') } : {}),
  };
}

/** The fold of a network holding actors of `country`, if it has one. */
export function foldOf(net: Network, country: string | null): FoldedGroup | null {
  const id = foldIdOf(country);
  return net.folded?.groups.find((g) => g.id === id) ?? null;
}

/** What the analyst is told when the opened folds did not all fit in the answer (the server
 * draws at most 5,000 actors, top and opened folds together), else null. */
export function cappedNote(net: Network): string | null {
  const n = net.folded?.openCapped ?? 0;
  if (!n) return null;
  const actors = `${count.format(n)} actor${n === 1 ? '' : 's'}`;
  return `${actors} of the opened countries stay folded: at most 5,000 actors are drawn at once. Fold a country back to draw others.`;
}

/** Folds, biggest first, and the opened countries: what the overview lists. */
export function foldSummary(net: Network, open: readonly string[]) {
  const groups = net.folded?.groups ?? [];
  return {
    folded: groups.reduce((n, g) => n + g.actors, 0),
    groups,
    open: open.map((country) => ({ country, rest: foldOf(net, country)?.actors ?? 0 })),
  };
}
