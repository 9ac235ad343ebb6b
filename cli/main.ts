// `parley <command>`: each command is a module in ./commands exporting run(argv) → exit code.
import { loadEnvFile } from '../db/connection.ts';
import { UsageError } from './args.ts';
import { processIO, type CliIO } from './io.ts';

type Command = { run(argv: string[], io: CliIO): Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  start: () => import('./commands/start.ts'),
  db: () => import('./commands/db.ts'),
  extract: () => import('./commands/extract.ts'),
  ingest: () => import('./commands/ingest.ts'),
  serve: () => import('./commands/serve.ts'),
  query: () => import('./commands/query.ts'),
  export: () => import('./commands/export.ts'),
  curate: () => import('./commands/curate.ts'),
  curations: () => import('./commands/curations.ts'),
  eval: () => import('./commands/eval.ts'),
};

export const USAGE = `Usage: parley <command> [options]

Commands:
  start                          Neo4j (embedded unless NEO4J_URI is set), the server, and the samples
  db start|stop|status           control the embedded Neo4j
  extract FILE… [--published-at YYYY-MM-DD] [--id ID] [--format json|jsonl]
  ingest [FILE|DIR…] [--jsonl FILE|-] [--workers N] [--json] [--published-at …] [--id …] [--dry-run]
  serve [--port 3000] [--host 127.0.0.1]
  query 'CYPHER'                 read-only Cypher, printed as a table
  export --format gexf|graphml|json
  curate merge|rename|set|reject|actors|place|speaker|confirm|note|undo|log …   analyst curation
  curations export [--out FILE] | import FILE   share curations between instances
  eval --curations [--json]      score the current extractor against the analysts' corrections
`;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`parley: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    // Before any command reads its settings, so that `db start` and `ingest` see the same .env.
    loadEnvFile();
    const command = await load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`parley ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`parley ${name}: ${(e as Error).message}\n`);
    return 1;
  }
}
