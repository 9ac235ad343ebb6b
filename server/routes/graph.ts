// Read endpoints over the graph: network, actors, events, statements, search.
import { Router } from 'express';
import type { ActorKind, PloverCategory } from '../../domain/index.ts';
import {
  actorCardQuery,
  emptyQuery,
  eventsQuery,
  idPath,
  neighborsQuery,
  networkQuery,
  searchQuery,
  statementsQuery,
} from '../api/schemas.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { actorCard, neighbors } from '../queries/actors.ts';
import { eventById, listEvents } from '../queries/events.ts';
import { networkGzip, networkJson } from '../queries/network.ts';
import { search, type SearchType } from '../queries/search.ts';
import { listStatements, statementById } from '../queries/statements.ts';
import { parseQuery } from '../validate.ts';

export function graphRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/network', async (req, res) => {
    const q = parseQuery(networkQuery, req.query);
    const filter = {
      ...q,
      types: q.types as PloverCategory[] | undefined,
      kinds: q.kinds as ActorKind[] | undefined,
    };
    const gzip = req.acceptsEncodings('gzip') === 'gzip';
    // Headers only once the body exists: a failure must reach the error handler as plain JSON.
    const body = gzip ? await networkGzip(ctx, filter) : await networkJson(ctx, filter);
    res.type('application/json');
    res.vary('Accept-Encoding');
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.send(body);
  });

  router.get('/actors/:id', async (req, res) => {
    const { id } = parseQuery(idPath, req.params);
    const { limit } = parseQuery(actorCardQuery, req.query);
    const card = await actorCard(ctx, id, limit);
    if (!card) throw notFound(`no actor with id '${id}'`);
    res.json(card);
  });

  router.get('/actors/:id/neighbors', async (req, res) => {
    const { id } = parseQuery(idPath, req.params);
    const { limit } = parseQuery(neighborsQuery, req.query);
    const net = await neighbors(ctx, id, limit);
    if (!net) throw notFound(`no actor with id '${id}'`);
    res.json(net);
  });

  router.get('/events', async (req, res) => {
    const q = parseQuery(eventsQuery, req.query);
    if (q.counterpart !== undefined && q.actor === undefined) {
      throw new ApiError(
        400,
        'INVALID_PARAMETER',
        'counterpart needs actor: the events between the two',
      );
    }
    res.json(
      await listEvents(ctx, {
        ...q,
        types: q.types as PloverCategory[] | undefined,
        kinds: q.kinds as ActorKind[] | undefined,
      }),
    );
  });

  router.get('/events/:id', async (req, res) => {
    const { id } = parseQuery(idPath, req.params);
    parseQuery(emptyQuery, req.query);
    const event = await eventById(ctx, id);
    if (!event) throw notFound(`no event with id '${id}'`);
    res.json(event);
  });

  router.get('/statements', async (req, res) => {
    res.json(await listStatements(ctx, parseQuery(statementsQuery, req.query)));
  });

  router.get('/statements/:id', async (req, res) => {
    const { id } = parseQuery(idPath, req.params);
    parseQuery(emptyQuery, req.query);
    const statement = await statementById(ctx, id);
    if (!statement) throw notFound(`no statement with id '${id}'`);
    res.json(statement);
  });

  router.get('/search', async (req, res) => {
    const q = parseQuery(searchQuery, req.query);
    const types = (q.types ?? ['actor', 'event', 'statement']) as SearchType[];
    res.json({ items: await search(ctx, q.q, types, q.limit) });
  });

  return router;
}
