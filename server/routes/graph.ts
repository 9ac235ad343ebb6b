// Read endpoints over the graph: network, actors, events, statements, search.
import type { ActorKind, PloverCategory } from '../../domain/index.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { actorCard, neighbors } from '../queries/actors.ts';
import { eventById, listEvents } from '../queries/events.ts';
import { networkGzip, networkJson } from '../queries/network-answer.ts';
import { placesJson } from '../queries/places.ts';
import { timelineJson } from '../queries/timeline.ts';
import { search, type SearchType } from '../queries/search.ts';
import { listStatements, statementById } from '../queries/statements.ts';
import { SENT, type Handlers } from './handler.ts';

type GraphRoutes =
  | 'network'
  | 'places'
  | 'timeline'
  | 'actor'
  | 'neighbors'
  | 'events'
  | 'event'
  | 'statements'
  | 'statement'
  | 'search';

/** The viewer's filters as the queries take them: the schemas have checked the names already. */
export function graphFilter<Q extends { types?: string[]; kinds?: string[] }>(q: Q) {
  return {
    ...q,
    types: q.types as PloverCategory[] | undefined,
    kinds: q.kinds as ActorKind[] | undefined,
  };
}

/** The filters of a network answer (the network itself, or the patch a curation answers with). */
export function networkFilter<
  Q extends { types?: string[]; kinds?: string[]; fold?: string; open?: string[] },
>(q: Q) {
  if (q.open && !q.fold)
    throw new ApiError(400, 'INVALID_PARAMETER', 'open needs fold=country: it opens folds');
  return graphFilter(q);
}

export function graphHandlers(ctx: ServerContext): Handlers<GraphRoutes> {
  return {
    network: async ({ query: q }, req, res) => {
      const filter = networkFilter(q);
      const gzip = req.acceptsEncodings('gzip') === 'gzip';
      // Headers only once the body exists: a failure must reach the error handler as plain JSON.
      const body = gzip ? await networkGzip(ctx, filter) : await networkJson(ctx, filter);
      res.type('application/json');
      res.vary('Accept-Encoding');
      if (gzip) res.setHeader('Content-Encoding', 'gzip');
      res.send(body);
      return SENT;
    },

    places: async ({ query: q }, _req, res) => {
      // Memoised as JSON text per filter and graph version, like the network.
      const body = await placesJson(ctx, graphFilter(q));
      res.type('application/json').send(body);
      return SENT;
    },

    timeline: async ({ query: q }, _req, res) => {
      const body = await timelineJson(ctx, graphFilter(q));
      res.type('application/json').send(body);
      return SENT;
    },

    actor: async ({ params: { id }, query: { limit } }) => {
      const card = await actorCard(ctx, id, limit);
      if (!card) throw notFound(`no actor with id '${id}'`);
      return card;
    },

    neighbors: async ({ params: { id }, query: { limit } }) => {
      const net = await neighbors(ctx, id, limit);
      if (!net) throw notFound(`no actor with id '${id}'`);
      return net;
    },

    events: async ({ query: q }) => {
      if (q.counterpart !== undefined && q.actor === undefined) {
        throw new ApiError(
          400,
          'INVALID_PARAMETER',
          'counterpart needs actor: the events between the two',
        );
      }
      return listEvents(ctx, graphFilter(q));
    },

    event: async ({ params: { id } }) => {
      const event = await eventById(ctx, id);
      if (!event) throw notFound(`no event with id '${id}'`);
      return event;
    },

    statements: async ({ query }) => listStatements(ctx, query),

    statement: async ({ params: { id } }) => {
      const statement = await statementById(ctx, id);
      if (!statement) throw notFound(`no statement with id '${id}'`);
      return statement;
    },

    search: async ({ query: q }) => {
      const types = (q.types ?? ['actor', 'event', 'statement']) as SearchType[];
      return { items: await search(ctx, q.q, types, q.limit) };
    },
  };
}
