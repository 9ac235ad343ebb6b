// POST /api/cypher: the read-only console. Queries run in worker threads (../cypher/console-pool.ts)
// so that none can stall the server; the answer arrives as JSON bytes and is sent as it is.
import type { ServerContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { assertNeo4jUp } from '../neo4j-watch.ts';
import { SENT, type Handlers } from './handler.ts';

export function cypherHandlers(ctx: ServerContext): Handlers<'cypher'> {
  return {
    cypher: async ({ body: { query, params } }, req, res) => {
      if (!ctx.console)
        throw new ApiError(503, 'CONSOLE_UNAVAILABLE', 'the console is not running');
      assertNeo4jUp(ctx.watch); // the workers' drivers would wait through their timeouts
      // A client that goes away frees its slot and stops its query.
      const gone = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const json = await ctx.console.run(client, query, params, gone.signal);
      res.type('application/json').send(json);
      return SENT;
    },
  };
}
