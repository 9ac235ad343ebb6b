// `parley curate <operation> …`: an analyst's correction, recorded with who, when and why, and
// kept across every re-ingest (curation/). `parley curate log` lists them; `undo` takes one back.
import { userInfo } from 'node:os';
import { closeDriver, configFromEnv, getDriver, verifyNeo4j } from '../../db/connection.ts';
import {
  analystName,
  curate,
  curationLog,
  curationRequest,
  undo,
  type CurationRecord,
  type LogEntry,
} from '../../curation/index.ts';
import { parseFlags, UsageError, wholeNumber } from '../args.ts';

export const summary = 'correct the graph by hand: merge, edit, reject, confirm, note, undo';

const USAGE = `usage: parley curate <operation> … [--reason TEXT] [--by NAME] [--json]
  merge ACTOR --into ACTOR       ACTOR's names, mentions and facts go to the other
  rename ACTOR NAME
  set ID [--kind K] [--country XXX|none] [--sector S|none]     an actor
  set ID [--type CATEGORY] [--mode MODE|none] [--date YYYY[-MM[-DD]]|none]   an event
  reject EVENT|STATEMENT         out of the current view, kept with the reason
  actors EVENT --actors ID,… --recipients ID,…
  place EVENT PLACE|none
  speaker STATEMENT ACTOR
  confirm ID                     verified by an analyst
  note ID TEXT
  undo CURATION                  restore what it changed (recorded as an undo)
  log [--target ID] [--op OP] [--by NAME] [--orphaned] [--limit N]
--by defaults to the OS user.`;

const FLAGS = {
  into: { type: 'string' },
  reason: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean' },
  kind: { type: 'string' },
  country: { type: 'string' },
  sector: { type: 'string' },
  type: { type: 'string' },
  mode: { type: 'string' },
  date: { type: 'string' },
  actors: { type: 'string' },
  recipients: { type: 'string' },
  target: { type: 'string' },
  op: { type: 'string' },
  orphaned: { type: 'boolean' },
  limit: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

const orNull = (v: string | undefined) => (v === undefined ? undefined : v === 'none' ? null : v);
const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The request for an operation, from positionals and flags (validated by curationRequest). */
function request(op: string, args: string[], v: Values): unknown {
  const need = (n: number, what: string) => {
    if (args.length !== n) throw new UsageError(`${op} takes ${what}\n${USAGE}`);
  };
  const reason = v.reason;
  switch (op) {
    case 'merge':
      need(1, 'one actor and --into ACTOR');
      if (!v.into) throw new UsageError(`merge needs --into ACTOR\n${USAGE}`);
      return { op, target: args[0], into: v.into, reason };
    case 'rename':
      need(2, 'an actor and its new name');
      return { op: 'edit', target: args[0], changes: { name: args[1] }, reason };
    case 'set': {
      need(1, 'one id and the fields to set');
      const changes = Object.fromEntries(
        (['kind', 'country', 'sector', 'type', 'mode', 'date'] as const)
          .filter((k) => v[k] !== undefined)
          .map((k) => [k, k === 'kind' || k === 'type' ? v[k] : orNull(v[k])]),
      );
      return { op: 'edit', target: args[0], changes, reason };
    }
    case 'reject':
    case 'confirm':
      need(1, 'one id');
      return { op, target: args[0], reason };
    case 'actors':
      need(1, 'one event, --actors and --recipients');
      return {
        op: 'set-actors',
        target: args[0],
        actors: list(v.actors),
        recipients: list(v.recipients),
        reason,
      };
    case 'place':
      need(2, 'an event and a place id (or none)');
      return { op: 'set-place', target: args[0], place: orNull(args[1]), reason };
    case 'speaker':
      need(2, 'a statement and an actor');
      return { op: 'set-speaker', target: args[0], speaker: args[1], reason };
    case 'note':
      need(2, 'an id and the note');
      return { op, target: args[0], note: args[1], reason };
    default:
      throw new UsageError(`unknown operation '${op}'\n${USAGE}`);
  }
}

export function describeRecord(c: CurationRecord): string {
  const what =
    c.op === 'merge'
      ? `${c.target} → ${String(c.change.into)}`
      : c.op === 'undo'
        ? `${c.target} (${String(c.change.undoes)} of ${String(c.change.of)})`
        : `${c.target} ${c.op === 'edit' || c.op === 'note' ? '' : JSON.stringify(c.change)}`.trim();
  const change =
    c.op === 'edit' ? ` ${JSON.stringify(c.before.props)} → ${JSON.stringify(c.after.props)}` : '';
  const note = c.op === 'note' ? ` "${String(c.change.note)}"` : '';
  return `${c.op} ${what}${change}${note} by ${c.by} at ${c.at}${c.reason ? ` — ${c.reason}` : ''} [${c.id}]`;
}

function logLine(e: LogEntry): string {
  const marks = [e.state === 'undone' ? 'undone' : '', e.orphaned ? 'orphaned' : '']
    .filter(Boolean)
    .join(', ');
  return `${describeRecord(e)}${marks ? ` (${marks})` : ''}`;
}

export function analyst(by: string | undefined): string {
  const r = analystName.safeParse(by ?? userInfo().username);
  if (!r.success) throw new UsageError(`--by: ${r.error.issues[0].message}`);
  return r.data;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS, USAGE);
  const [op, ...args] = positionals;
  if (!op) throw new UsageError(USAGE);
  const by = analyst(values.by);
  let req: ReturnType<typeof curationRequest.parse> | null = null;
  if (op !== 'undo' && op !== 'log') {
    const parsed = curationRequest.safeParse(request(op, args, values));
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      process.stderr.write(`parley curate ${op}: ${i.path.join('.') || 'request'}: ${i.message}\n`);
      return 1;
    }
    req = parsed.data;
  } else if (op === 'undo' && args.length !== 1) {
    throw new UsageError(`undo takes one curation id\n${USAGE}`);
  }
  const limit = wholeNumber('--limit', values.limit, { max: 100_000, usage: USAGE }) ?? 200;
  const cfg = configFromEnv();
  const driver = getDriver(cfg);
  try {
    await verifyNeo4j(driver, cfg.uri);
    if (op === 'log') {
      const entries = await curationLog(
        driver,
        {
          target: values.target,
          op: values.op,
          by: values.by,
          orphaned: values.orphaned ? true : undefined,
          limit,
        },
        cfg.database,
      );
      if (values.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else process.stdout.write(entries.map((e) => `${logLine(e)}\n`).join(''));
      return 0;
    }
    const record =
      op === 'undo'
        ? await undo(driver, args[0], by, { database: cfg.database, reason: values.reason })
        : await curate(driver, req as NonNullable<typeof req>, by, { database: cfg.database });
    process.stdout.write(
      values.json ? `${JSON.stringify(record, null, 2)}\n` : `${describeRecord(record)}\n`,
    );
    return 0;
  } finally {
    await closeDriver();
  }
}
