// Export, ontology and the OpenAPI description.
import { Router } from 'express';
import { ONTOLOGY, PLOVER_CATEGORIES, QUADS, scoreColor } from '../../domain/index.ts';
import type { Ontology } from '../api/types.ts';
import type { ActorKind, PloverCategory } from '../../domain/index.ts';
import { emptyQuery, exportQuery } from '../api/schemas.ts';
import { openApiDocument } from '../api/openapi.ts';
import type { ServerContext } from '../context.ts';
import { CONTENT_TYPES, exportNetwork } from '../export/graph-export.ts';
import { parseQuery } from '../validate.ts';

export function ontology(): Ontology {
  return {
    quads: QUADS,
    categories: PLOVER_CATEGORIES.map((t) => ({
      type: t,
      quad: ONTOLOGY[t].quad,
      score: ONTOLOGY[t].score,
      modes: ONTOLOGY[t].modes,
      color: scoreColor(ONTOLOGY[t].score),
    })),
  };
}

export function metaRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/ontology', (req, res) => {
    parseQuery(emptyQuery, req.query);
    res.json(ontology());
  });

  router.get('/openapi.json', (req, res) => {
    parseQuery(emptyQuery, req.query);
    res.json(openApiDocument());
  });

  router.get('/export', async (req, res) => {
    const { format, ...filter } = parseQuery(exportQuery, req.query);
    const body = await exportNetwork(ctx, format, {
      ...filter,
      types: filter.types as PloverCategory[] | undefined,
      kinds: filter.kinds as ActorKind[] | undefined,
    });
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="parley-network.${format}"`);
    res.send(body);
  });

  return router;
}
