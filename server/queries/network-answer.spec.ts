// The kept network answer (network-answer.ts) is patched, not rebuilt: after any sequence of
// patches it must be the answer a fresh index of the same graph gives, folds included.
import { seededRandom } from '../../web/src/core/layout/random.ts';
import { describe, expect, it } from 'vitest';
import { PLOVER_CATEGORIES } from '../../domain/index.ts';
import type { ActorSummary } from '../api/types.ts';
import {
  emptyIndex,
  putActor,
  putEvent,
  type GraphIndex,
  type IndexedEvent,
} from './graph-index.ts';
import { answerJson } from './network-answer.ts';
import type { NetworkFilter } from './network.ts';

const COUNTRIES = ['AAA', 'BBB', 'CCC', 'DDD', null];
const ACTORS = 40;

const actor = (k: number, country: string | null): ActorSummary => ({
  id: `actor:${k}`,
  name: `Actor ${k}`,
  kind: k % 5 === 0 ? 'state' : 'person',
  country,
  sector: null,
  title: null,
  aliases: [],
});

/** A new index holding what `index` holds, built from nothing (its answer built afresh). */
function fresh(index: GraphIndex): GraphIndex {
  const copy = emptyIndex();
  for (const [id, a] of index.actors)
    putActor(copy, id, a, index.mentions.get(id) ?? 0, index.reports.get(id) ?? 0);
  for (const [id, e] of index.events) putEvent(copy, id, e);
  return copy;
}

const FILTERS: NetworkFilter[] = [
  { limit: 8, fold: 'country' },
  { limit: 8, fold: 'country', open: ['BBB'] },
  { limit: 3, fold: 'country' },
  { limit: 12 },
];

describe('the kept network answer', () => {
  it('equals a fresh build after every patch: events in and out, actors moving country, going and coming', () => {
    const rnd = seededRandom(7);
    const pick = (n: number) => Math.floor(rnd() * n);
    const index = emptyIndex();
    const countryOf = new Map<number, string | null>();
    for (let k = 0; k < ACTORS; k++) {
      countryOf.set(k, COUNTRIES[pick(COUNTRIES.length)]);
      putActor(index, `actor:${k}`, actor(k, countryOf.get(k)!), 1, 1);
    }
    // Busy actors first (a few take most events), as in real graphs and the big-network bench.
    const who = () => `actor:${Math.floor(ACTORS * rnd() * rnd())}`;
    let next = 0;
    const newEvent = (): IndexedEvent => ({
      id: `event:${next++}`,
      type: PLOVER_CATEGORIES[pick(PLOVER_CATEGORIES.length)],
      score: pick(20) - 10,
      date: `2025-01-${String(1 + pick(28)).padStart(2, '0')}`,
      actors: rnd() < 0.2 ? [who(), who()] : [who()],
      recipients: [who()],
      place: null,
    });
    for (let i = 0; i < 300; i++) {
      const e = newEvent();
      putEvent(index, e.id, e);
    }
    for (const f of FILTERS) answerJson(index, f); // the kept answers exist from here

    for (let step = 0; step < 60; step++) {
      // A patch: what an ingest or a curation does to the index.
      for (let i = 0; i < 1 + pick(6); i++) {
        const e = newEvent();
        putEvent(index, e.id, e);
      }
      for (let i = 0; i < pick(4); i++) {
        const ids = [...index.events.keys()];
        putEvent(index, ids[pick(ids.length)], null);
      }
      if (step % 9 === 4) {
        // An actor alone in its country loses every event (a report retracted, a curation),
        // then moves country.
        const k = pick(ACTORS);
        putActor(index, `actor:${k}`, actor(k, `Z${step}`), 1, 1);
        answerJson(index, FILTERS[0]);
        for (const e of [...(index.eventsOf.get(`actor:${k}`) ?? [])]) putEvent(index, e.id, null);
        answerJson(index, FILTERS[0]);
        countryOf.set(k, COUNTRIES[pick(COUNTRIES.length)]);
        putActor(index, `actor:${k}`, actor(k, countryOf.get(k)!), 1, 1);
      }
      if (step % 5 === 1) {
        const k = pick(ACTORS);
        countryOf.set(k, COUNTRIES[pick(COUNTRIES.length)]);
        putActor(index, `actor:${k}`, actor(k, countryOf.get(k)!), 1, 1);
      }
      if (step % 7 === 3) putActor(index, `actor:${pick(ACTORS)}`, null, 0, 0);
      if (step % 7 === 5) {
        const k = pick(ACTORS);
        putActor(index, `actor:${k}`, actor(k, countryOf.get(k)!), 1, 1);
      }
      const rebuilt = fresh(index);
      for (const f of FILTERS) {
        expect(answerJson(index, f), `step ${step}, ${JSON.stringify(f)}`).toBe(
          answerJson(rebuilt, f),
        );
      }
    }
  });
  it('keeps a fold while only drawn actors are touched, and sums it again when others are', () => {
    const rnd = seededRandom(11);
    const pick = (n: number) => Math.floor(rnd() * n);
    const index = emptyIndex();
    const countryOf = (k: number) => COUNTRIES[k % COUNTRIES.length];
    for (let k = 0; k < ACTORS; k++) putActor(index, `actor:${k}`, actor(k, countryOf(k)), 1, 1);
    let next = 0;
    const event = (actors: string[], recipients: string[]): IndexedEvent => ({
      id: `event:${next++}`,
      type: PLOVER_CATEGORIES[pick(PLOVER_CATEGORIES.length)],
      score: pick(20) - 10,
      date: null,
      actors,
      recipients,
      place: null,
    });
    const who = () => `actor:${Math.floor(ACTORS * rnd() * rnd())}`;
    for (let i = 0; i < 300; i++) {
      const e = event([who()], [who()]);
      putEvent(index, e.id, e);
    }
    for (const f of FILTERS) answerJson(index, f);
    const drawn = () =>
      new Set(
        (JSON.parse(answerJson(index, FILTERS[1])) as { nodes: { id: string }[] }).nodes.map(
          (n) => n.id,
        ),
      );
    for (let step = 0; step < 60; step++) {
      const ids = drawn();
      const inside = [...ids];
      const outside = [...index.actors.keys()].filter((id) => !ids.has(id));
      const one = (xs: string[]) => xs[pick(xs.length)];
      // What a curation does: one event in or out, between drawn actors or with a folded one;
      // a folded actor renamed (its fold's names) or moved.
      const kind = step % 5;
      if (kind === 0 || kind === 2) {
        const e = event([one(inside)], [kind === 0 ? one(inside) : one(outside)]);
        putEvent(index, e.id, e);
      } else if (kind === 1) {
        const within = [...index.events.values()].filter((e) =>
          [...e.actors, ...e.recipients].every((a) => ids.has(a)),
        );
        if (within.length) putEvent(index, one(within.map((e) => e.id)), null);
      } else if (kind === 3) {
        const k = Number(one(outside).split(':')[1]);
        putActor(index, `actor:${k}`, { ...actor(k, countryOf(k)), name: `Renamed ${step}` }, 1, 1);
      } else {
        const k = Number(one(outside).split(':')[1]);
        putActor(index, `actor:${k}`, actor(k, COUNTRIES[pick(COUNTRIES.length)]), 1, 1);
      }
      const rebuilt = fresh(index);
      for (const f of FILTERS) {
        expect(answerJson(index, f), `step ${step}, ${JSON.stringify(f)}`).toBe(
          answerJson(rebuilt, f),
        );
      }
    }
  });
});
