// The zod schemas of every request: the routes validate with them and /api/openapi.json is
// generated from them, so the description cannot drift from what is enforced.
import { z } from 'zod';
import { ACTOR_KINDS } from '../../domain/index.ts';
import {
  categoryParam,
  cursorParam,
  dateParam,
  idParam,
  limitParam,
  listParam,
} from '../validate.ts';

const kind = z.enum(ACTOR_KINDS);
// `none` stands for the actors without a country, so a country filter can keep or drop them.
const country = z
  .string()
  .regex(/^([A-Z]{3}|none)$/, 'expected an ISO 3166-1 alpha-3 code or none');

/**
 * The viewer's filters, one shape for every endpoint that takes them (network, events, export):
 * the viewer builds its query from this shape (web/src/core/filters), so the two cannot drift.
 */
export const graphFilters = {
  since: dateParam.optional(),
  until: dateParam.optional(),
  types: listParam(categoryParam, 16).optional().describe('comma-separated PLOVER categories'),
  countries: listParam(country, 300)
    .optional()
    .describe('comma-separated ISO alpha-3 codes; `none` keeps actors without a country'),
  kinds: listParam(kind, ACTOR_KINDS.length).optional().describe('comma-separated actor kinds'),
};

/** The filter parameters as the query string carries them. */
export type GraphFilterParams = Partial<Record<keyof typeof graphFilters, string>>;

export const networkQuery = z.strictObject({
  ...graphFilters,
  limit: limitParam(500, 5000).describe('top-N actors by activity (1–5000, default 500)'),
  fold: z
    .enum(['country'])
    .optional()
    .describe('fold the actors outside the top N into one node per country (`folded`)'),
  open: listParam(country, 50)
    .optional()
    .describe(
      'with fold=country: countries whose folded actors are drawn as themselves (the busiest 500 of each, and at most 5,000 actors in the answer with the top: `folded.openCapped` says how many the cap left folded; the rest stay folded)',
    ),
});

/** A curation's query: with `base`, its answer carries the network patch for these filters. */
export const curateQuery = networkQuery.extend({
  base: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "the `version` of the network answer the caller holds (with that answer's filters): the answer then carries `network`, the patch from it to the network now, unless the graph has moved on meanwhile",
    ),
});

export const actorCardQuery = z.strictObject({
  limit: limitParam(50, 500).describe(
    'most recent events/statements/documents (1–500, default 50)',
  ),
});

export const neighborsQuery = z.strictObject({
  limit: limitParam(50, 500),
});

export const eventsQuery = z.strictObject({
  ...graphFilters,
  countries: graphFilters.countries.describe(
    'comma-separated ISO alpha-3 codes: events with a participant of one of these countries',
  ),
  kinds: graphFilters.kinds.describe('comma-separated actor kinds: events with such a participant'),
  actor: idParam.optional().describe('events this actor performed or received'),
  counterpart: idParam
    .optional()
    .describe('with actor: only events between the two, in either direction'),
  places: listParam(idParam, 200)
    .optional()
    .describe('comma-separated place ids: events at one of these places (the map)'),
  type: categoryParam.optional().describe('one PLOVER category (see also types)'),
  order: z
    .enum(['oldest', 'newest'])
    .default('oldest')
    .describe('oldest (timeline order, default) or newest first; undated events come last'),
  limit: limitParam(50, 500),
  cursor: cursorParam.optional(),
});

/** GET /api/places: the map, under the viewer's filters (the events' semantics). */
export const placesQuery = z.strictObject({
  ...graphFilters,
  countries: eventsQuery.shape.countries,
  kinds: eventsQuery.shape.kinds,
});

export const statementsQuery = z.strictObject({
  speaker: idParam.optional(),
  about: idParam.optional(),
  since: dateParam.optional(),
  until: dateParam.optional(),
  limit: limitParam(50, 500),
  cursor: cursorParam.optional(),
});

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'q is required').max(200),
  types: listParam(z.enum(['actor', 'event', 'statement']), 3)
    .optional()
    .describe('comma-separated: actor, event, statement (default all)'),
  limit: limitParam(10, 50),
});

export const documentsQuery = z.strictObject({
  limit: limitParam(50, 500),
  cursor: cursorParam.optional(),
});

export const documentQuery = z.strictObject({
  revision: idParam.optional().describe('a revision id (default the current one)'),
});

export const emptyQuery = z.strictObject({});

export const diffQuery = z.strictObject({
  from: idParam.optional().describe('revision id (default the one before `to`)'),
  to: idParam.optional().describe('revision id (default the current one)'),
});

export const exportQuery = z.strictObject({
  format: z.enum(['gexf', 'graphml', 'json']).default('json'),
  ...graphFilters,
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const documentBody = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  title: z.string().max(1000).nullable().optional(),
  publishedAt: day.nullable().optional(),
  source: z.string().max(1000).nullable().optional(),
  url: z.string().max(2000).nullable().optional(),
  text: z.string().min(1, 'text is empty'),
  /** Pasted file content: the name picks the reader (.md front matter, .html, .json, .txt). */
  filename: z.string().min(1).max(255).optional(),
});

/** Form fields that may accompany a file upload. */
export const uploadFields = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  publishedAt: day.optional(),
});

export const cypherBody = z.strictObject({
  query: z.string().min(1, 'query is empty'),
  params: z.record(z.string(), z.unknown()).default({}),
});

export const idPath = z.strictObject({ id: idParam });

export const curationsQuery = z.strictObject({
  target: idParam.optional().describe('curations of one actor, event or statement'),
  op: z
    .enum([
      'merge',
      'edit',
      'reject',
      'set-actors',
      'set-place',
      'set-speaker',
      'confirm',
      'note',
      'undo',
    ])
    .optional(),
  by: z.string().min(1).max(100).optional().describe('one analyst'),
  state: z.enum(['active', 'undone']).optional(),
  orphaned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('only curations whose target no current report supports (or only the others)'),
  limit: limitParam(200, 1000),
});

/** A curation: {op, target, …} (curation/operations.ts lists the operations and their fields). */
export { curationRequest as curationBody } from '../../curation/operations.ts';
export { exportFile as curationsFile } from '../../curation/exchange.ts';

export const undoBody = z.strictObject({ reason: z.string().trim().max(2000).optional() });

/** What a client may send to each list endpoint: the keys the schemas accept, as query values. */
type QueryParams<S extends z.ZodType> = Partial<Record<keyof z.input<S>, string | number>>;
export type NetworkParams = QueryParams<typeof networkQuery>;
export type EventsParams = QueryParams<typeof eventsQuery>;

/** A day or an instant (ISO 8601, UTC), compared with when revisions were ingested. */
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z?)?$/,
    'expected YYYY-MM-DD or an ISO 8601 time such as 2025-12-21T09:30:00Z',
  );

export const changesQuery = z.strictObject({
  since: instant.optional().describe('changes ingested at or after this day or time'),
  until: instant.optional().describe('changes ingested up to this day (all of it) or time'),
  actor: idParam.optional().describe('changes that concern this actor'),
  limit: limitParam(50, 1000),
});

// ---- Saved investigations (server/queries/investigations.ts) ----

/** One actor's place on the drawn network, in graph coordinates. */
const point = z.tuple([z.number().finite(), z.number().finite()]);
const actorIds = z.array(idParam).max(20_000);

/**
 * The view an investigation keeps: the viewer's shareable state as its URL query (filters,
 * selection, play position, window, open tab; parsed defensively by the viewer), the actors
 * drawn with their positions, and the hidden and pinned ones.
 */
export const investigationView = z.strictObject({
  url: z
    .string()
    .max(20_000)
    .regex(/^(\?.*)?$/s, 'expected the query part of a viewer address ("?…" or empty)'),
  positions: z.record(idParam, point).refine((p) => Object.keys(p).length <= 20_000, {
    message: 'at most 20,000 positions',
  }),
  hidden: actorIds,
  pinned: actorIds,
  /** Actors whose neighbours "Expand" added, in order (opening adds them again); absent in
   * investigations saved before it was kept. */
  expanded: actorIds.optional(),
});

const investigationName = z.string().trim().min(1, 'a name is required').max(200);
const investigationNotes = z.string().max(100_000);

export const investigationBody = z.strictObject({
  name: investigationName,
  notes: investigationNotes.default(''),
  view: investigationView,
});

/** A rename, new notes, or the current view saved over the old one: one or more of them. */
export const investigationPatch = z
  .strictObject({
    name: investigationName.optional(),
    notes: investigationNotes.optional(),
    view: investigationView.optional(),
  })
  .refine((p) => p.name !== undefined || p.notes !== undefined || p.view !== undefined, {
    message: 'nothing to change: give a name, notes or a view',
  });

/** What an export writes and an import reads back. */
export const investigationFile = z.strictObject({
  format: z.literal('parley-investigation', {
    error: 'not a Parley investigation (format must be "parley-investigation")',
  }),
  version: z.literal(1, { error: 'unsupported investigation file version (expected 1)' }),
  name: investigationName,
  notes: investigationNotes.default(''),
  view: investigationView,
  exportedAt: z.string().max(100).optional(),
});
