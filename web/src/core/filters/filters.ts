// Filter state for the network: PLOVER categories (and their quad classes), a date range,
// countries and actor kinds. Empty lists mean "all". Pure functions only.
import type { GraphFilterParams } from '../../../../server/api/types.ts';
import type { Ontology } from '../../../../server/api/types.ts';
import {
  ACTOR_KINDS,
  type ActorKind,
  type PloverCategory,
  type Quad,
} from '../../../../domain/index.ts';

export interface Filters {
  types: PloverCategory[];
  since: string | null;
  until: string | null;
  countries: string[];
  kinds: ActorKind[];
}

export const NO_FILTERS: Filters = {
  types: [],
  since: null,
  until: null,
  countries: [],
  kinds: [],
};

export function allTypes(o: Ontology): PloverCategory[] {
  return o.categories.map((c) => c.type);
}

export function typesOfQuad(o: Ontology, quad: Quad): PloverCategory[] {
  return o.categories.filter((c) => c.quad === quad).map((c) => c.type);
}

/** Whether a category is shown (empty list = all shown). */
export function typeShown(f: Filters, t: PloverCategory): boolean {
  return f.types.length === 0 || f.types.includes(t);
}

/** 'all' | 'some' | 'none' of a quad's categories are shown (drives a tri-state checkbox). */
export function quadState(f: Filters, o: Ontology, quad: Quad): 'all' | 'some' | 'none' {
  const ts = typesOfQuad(o, quad);
  const shown = ts.filter((t) => typeShown(f, t)).length;
  return shown === ts.length ? 'all' : shown === 0 ? 'none' : 'some';
}

function normalizeTypes(types: PloverCategory[], o: Ontology): PloverCategory[] {
  const all = allTypes(o);
  const set = new Set(types);
  const kept = all.filter((t) => set.has(t));
  return kept.length === all.length ? [] : kept;
}

export function toggleType(f: Filters, o: Ontology, t: PloverCategory): Filters {
  const shown = allTypes(o).filter((x) => typeShown(f, x));
  const next = shown.includes(t) ? shown.filter((x) => x !== t) : [...shown, t];
  return { ...f, types: normalizeTypes(next, o) };
}

export function toggleQuad(f: Filters, o: Ontology, quad: Quad): Filters {
  const qs = typesOfQuad(o, quad);
  const shown = allTypes(o).filter((x) => typeShown(f, x));
  const next =
    quadState(f, o, quad) === 'all'
      ? shown.filter((t) => !qs.includes(t))
      : [...new Set([...shown, ...qs])];
  return { ...f, types: normalizeTypes(next, o) };
}

/** Toggles one value of a list where empty means "all of universe"; never leaves nothing shown. */
function toggleShown<T>(list: T[], universe: readonly T[], v: T): T[] {
  const shown = list.length ? list : universe;
  const next = shown.includes(v) ? shown.filter((x) => x !== v) : [...shown, v];
  if (next.length === 0) return list;
  return universe.every((u) => next.includes(u)) ? [] : next;
}

/** The country filter's entry for actors without a country (the API's `none`). */
export const NO_COUNTRY = 'none';

/**
 * `known` is every country in the current network; with "no country" it is the universe "all"
 * stands for, so unchecking one country keeps the actors that have none.
 */
export function toggleCountry(f: Filters, c: string, known: string[]): Filters {
  const universe = [...new Set([...known, ...f.countries, NO_COUNTRY])].sort();
  return { ...f, countries: toggleShown(f.countries, universe, c).sort() };
}

export function toggleKind(f: Filters, k: ActorKind): Filters {
  const next = toggleShown(f.kinds, ACTOR_KINDS, k);
  return { ...f, kinds: ACTOR_KINDS.filter((x) => next.includes(x)) };
}

export function setDateRange(f: Filters, since: string | null, until: string | null): Filters {
  if (since && until && since > until) [since, until] = [until, since];
  return { ...f, since, until };
}

export function isFiltered(f: Filters): boolean {
  return (
    f.types.length > 0 || !!f.since || !!f.until || f.countries.length > 0 || f.kinds.length > 0
  );
}

/** Query parameters for GET /api/network, /api/events and /api/export: the server's one shape. */
export function networkParams(f: Filters): GraphFilterParams {
  return {
    types: f.types.length ? f.types.join(',') : undefined,
    since: f.since ?? undefined,
    until: f.until ?? undefined,
    countries: f.countries.length ? f.countries.join(',') : undefined,
    kinds: f.kinds.length ? f.kinds.join(',') : undefined,
  };
}

/** Whether two filter sets ask for the same data (a change of any refetches the network). */
export function sameFilters(a: Filters, b: Filters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
