// What an analyst can ask for: the curation operations, validated once (zod) for the API, the
// CLI and `curations import`. A request names its target by id; the target's kind (actor, event,
// statement) follows from the id's prefix, which the graph's ids carry by design (ingest/graph/ids.ts).
import { z } from 'zod';
import { PLOVER_CATEGORIES } from '../domain/index.ts';

export type TargetKind = 'actor' | 'event' | 'statement';

export function targetKind(id: string): TargetKind {
  if (id.startsWith('event:')) return 'event';
  if (id.startsWith('statement:')) return 'statement';
  return 'actor';
}

export const TARGET_LABEL: Record<TargetKind, string> = {
  actor: 'Actor',
  event: 'Event',
  statement: 'Statement',
};

const id = z.string().trim().min(1).max(500);
const reason = z.string().trim().max(2000).optional();
const date = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  );

/** Fields an edit may set. Which apply depends on the target's kind (see EDITABLE). */
export const editChanges = z
  .strictObject({
    name: z.string().trim().min(1).max(300).optional(),
    kind: z.enum(['person', 'state', 'organization', 'group']).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code')
      .nullable()
      .optional(),
    sector: z.string().trim().min(1).max(20).nullable().optional(),
    type: z.enum(PLOVER_CATEGORIES).optional(),
    mode: z.string().trim().min(1).max(40).nullable().optional(),
    date: date.nullable().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'an edit needs at least one field');

export type EditChanges = z.infer<typeof editChanges>;
export type EditField = keyof EditChanges;

export const EDITABLE: Record<TargetKind, EditField[]> = {
  actor: ['name', 'kind', 'country', 'sector'],
  event: ['type', 'mode', 'date'],
  statement: ['date'],
};

export const curationRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('merge'), target: id, into: id, reason }),
  z.strictObject({ op: z.literal('edit'), target: id, changes: editChanges, reason }),
  z.strictObject({ op: z.literal('reject'), target: id, reason }),
  z.strictObject({
    op: z.literal('set-actors'),
    target: id,
    actors: z.array(id).max(50),
    recipients: z.array(id).max(50),
    reason,
  }),
  z.strictObject({ op: z.literal('set-place'), target: id, place: id.nullable(), reason }),
  z.strictObject({ op: z.literal('set-speaker'), target: id, speaker: id, reason }),
  z.strictObject({ op: z.literal('confirm'), target: id, reason }),
  z.strictObject({
    op: z.literal('note'),
    target: id,
    note: z.string().trim().min(1).max(4000),
    reason,
  }),
]);

export type CurationRequest = z.infer<typeof curationRequest>;
export type CurationOp = CurationRequest['op'] | 'undo';

/** Which kinds of target each operation accepts. */
export const TARGETS: Record<CurationRequest['op'], TargetKind[]> = {
  merge: ['actor'],
  edit: ['actor', 'event', 'statement'],
  reject: ['event', 'statement'],
  'set-actors': ['event'],
  'set-place': ['event'],
  'set-speaker': ['statement'],
  confirm: ['actor', 'event', 'statement'],
  note: ['actor', 'event', 'statement'],
};

/** The analyst's name as recorded: a header or --by; printable, bounded. */
export const analystName = z
  .string()
  .trim()
  .min(1, 'the analyst name is empty')
  .max(100, 'the analyst name is over 100 characters')
  .regex(/^[^\p{Cc}]+$/u, 'the analyst name has control characters');

/** A curation as stored (node :Curation) and as the API, the CLI and exports show it. */
export interface CurationRecord {
  id: string;
  op: CurationOp;
  target: string;
  targetKind: TargetKind | 'curation';
  by: string;
  /** ISO time with milliseconds; records apply in (at, id) order. */
  at: string;
  reason: string | null;
  /** The request's own fields (into, changes, actors, …); what re-application replays. */
  change: Record<string, unknown>;
  /** The target's state before, as the undo restores it. */
  before: Record<string, unknown>;
  /** What the apply set (derived values included: an event type's quad and score). */
  after: Record<string, unknown>;
  state: 'active' | 'undone';
  /** For an undone curation: the undo record's id. */
  undoneBy: string | null;
}

/** The request fields of a curation that are its change (everything but op, target, reason). */
export function changeOf(req: CurationRequest): Record<string, unknown> {
  const { op: _op, target: _target, reason: _reason, ...change } = req;
  return change;
}
