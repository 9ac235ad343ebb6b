// Export, ontology and the OpenAPI description.
import { ONTOLOGY, PLOVER_CATEGORIES, QUADS, scoreColor } from '../../domain/index.ts';
import type { Ontology } from '../api/types.ts';
import type { ActorKind, PloverCategory } from '../../domain/index.ts';
import { openApiDocument } from '../api/openapi.ts';
import type { ServerContext } from '../context.ts';
import { CONTENT_TYPES, exportNetwork } from '../export/graph-export.ts';
import { SENT, type Handlers } from './handler.ts';

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

export function metaHandlers(ctx: ServerContext): Handlers<'ontology' | 'openapi' | 'export'> {
  return {
    ontology: async () => ontology(),
    openapi: async () => openApiDocument(),
    export: async ({ query: { format, ...filter } }, _req, res) => {
      const body = await exportNetwork(ctx, format, {
        ...filter,
        types: filter.types as PloverCategory[] | undefined,
        kinds: filter.kinds as ActorKind[] | undefined,
      });
      res.setHeader('Content-Type', CONTENT_TYPES[format]);
      res.setHeader('Content-Disposition', `attachment; filename="parley-network.${format}"`);
      res.send(body);
      return SENT;
    },
  };
}
