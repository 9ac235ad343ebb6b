// `parley db start|stop|status`: the embedded Neo4j by hand (npm start does this by itself).
import { relative } from 'node:path';
import {
  EmbeddedError,
  REPO_ROOT,
  embeddedOptionsFromEnv,
  logFile,
  startEmbedded,
  statusEmbedded,
  stopEmbedded,
} from '../../db/embedded.ts';
import { parseFlags, UsageError } from '../args.ts';

export const summary = 'start, stop or check the embedded Neo4j';

const USAGE = `usage: parley db start|stop|status

  start    build the launcher on first use, start Neo4j in the background, wait until it answers
  stop     stop it gracefully and wait until it has closed its store
  status   exit 0 when it answers, 1 when it does not

Environment: PARLEY_NEO4J_HOST, PARLEY_NEO4J_PORT, PARLEY_NEO4J_DATA, PARLEY_NEO4J_HEAP,
PARLEY_NEO4J_PAGECACHE, PARLEY_NEO4J_TX_MEMORY, PARLEY_NEO4J_TX_TIMEOUT_SECONDS,
PARLEY_NEO4J_START_TIMEOUT_MS, PARLEY_NEO4J_JIT (quick or full), NEO4J_PASSWORD.`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const shown = (p: string) => (p.startsWith(REPO_ROOT + '/') ? relative(REPO_ROOT, p) : p);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [sub, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'\n${USAGE}`);
  const say = (s: string) => process.stdout.write(`${s}\n`);
  try {
    const o = embeddedOptionsFromEnv();
    switch (sub) {
      case 'start': {
        const r = await startEmbedded(o, say);
        if (r.status === 'already-running') {
          say(`Neo4j is already running at ${r.uri} (pid ${r.pid}).`);
        } else {
          say(`Neo4j started at ${r.uri} (pid ${r.pid}) in ${seconds(r.ms)}.`);
          say(`Data: ${shown(o.dataDir)}   log: ${shown(logFile(o))}`);
        }
        const uri = process.env.NEO4J_URI;
        if (uri && uri !== r.uri) {
          say(
            `Note: NEO4J_URI is set to ${uri}, so the other parley commands use that, not this one.`,
          );
        }
        return 0;
      }
      case 'stop': {
        const r = await stopEmbedded(o);
        say(
          r.status === 'stopped' ? `Neo4j stopped in ${seconds(r.ms)}.` : 'Neo4j is not running.',
        );
        return 0;
      }
      case 'status': {
        const s = await statusEmbedded(o);
        if (s.answering) {
          say(`Neo4j is running at ${s.uri} (pid ${s.pid}) and answers.`);
          return 0;
        }
        say(
          s.running
            ? `Neo4j (pid ${s.pid}) is running but does not answer at ${s.uri}; see ${shown(logFile(o))}.`
            : `Neo4j is not running (expected at ${s.uri}).`,
        );
        return 1;
      }
      case undefined:
        throw new UsageError(`missing subcommand\n${USAGE}`);
      default:
        throw new UsageError(`unknown subcommand '${sub}'\n${USAGE}`);
    }
  } catch (e) {
    if (!(e instanceof EmbeddedError)) throw e;
    process.stderr.write(`parley db ${sub}: ${e.message}\n`);
    return e.exitCode;
  }
}
