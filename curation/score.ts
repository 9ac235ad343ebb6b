// Analysts' corrections as a growing gold set: would the extractor now get each one right?
// Pure: given a curation, where its target was read from (document and sentence) and the plans
// the current extractor makes of those documents, the verdict:
//   agrees     the extractor now yields what the analyst wanted (the curation is redundant;
//              for a confirm: the confirmed fact is still extracted)
//   needed     the extractor still yields what the analyst corrected (the curation still applies)
//   conflicts  neither: the extraction changed in another way (the fact the analyst fixed or
//              confirmed is gone, or has become something else) — worth a look
//   unscored   a note, or no current document holds the target (orphaned)
// Event and statement ids are pure functions of their content (ingest/graph/ids.ts), so "the
// extractor still yields the target" is "the plan has its id".
import type { CurationRecord } from './operations.ts';

export type Verdict = 'agrees' | 'needed' | 'conflicts' | 'unscored';

/** The parts of a revision plan (ingest/graph/plan.ts) the scorer reads. */
export interface PlanFacts {
  document: { id: string };
  actors: {
    id: string;
    name: string;
    kind: string;
    country: string | null;
    sector: string | null;
  }[];
  events: {
    id: string;
    type: string;
    mode: string | null;
    date: string | null;
    reciprocal: boolean;
    actors: string[];
    recipients: string[];
    places: string[];
    evidence: { sentence: number }[];
  }[];
  statements: {
    id: string;
    speaker: string;
    date: string | null;
    evidence: { sentence: number }[];
  }[];
}

/** Where the target is in the current graph: the documents (and sentences) that hold it. */
export interface TargetEvidence {
  documents: { id: string; sentences: number[] }[];
}

export interface Scored {
  curation: string;
  op: string;
  target: string;
  verdict: Verdict;
  why: string;
}

const sortedJoin = (xs: string[]) => [...new Set(xs)].sort().join(',');

/**
 * Scores one active curation. `merges` maps a merged actor to its survivor (chains resolved),
 * so that the extractor's ids compare with the curated graph's.
 */
export function scoreCuration(
  c: CurationRecord,
  evidence: TargetEvidence,
  plans: Map<string, PlanFacts>,
  merges: Map<string, string>,
): Scored {
  const out = (verdict: Verdict, why: string): Scored => ({
    curation: c.id,
    op: c.op,
    target: c.target,
    verdict,
    why,
  });
  if (c.op === 'note') return out('unscored', 'a note is not a correction');
  const docs = evidence.documents.filter((d) => plans.has(d.id));
  if (!docs.length) return out('unscored', 'orphaned: no current report holds the target');
  const ofDocs = docs.map((d) => ({ plan: plans.get(d.id)!, sentences: new Set(d.sentences) }));
  const near = <T extends { evidence: { sentence: number }[] }>(pick: (p: PlanFacts) => T[]) =>
    ofDocs.flatMap(({ plan, sentences }) =>
      pick(plan).filter((x) => x.evidence.some((e) => sentences.has(e.sentence))),
    );
  const mapped = (id: string) => merges.get(id) ?? id;
  // A reject and a confirm ask only whether the fact is still extracted.
  const byPresence = (present: boolean) => {
    if (c.op === 'reject') {
      return present
        ? out('needed', 'the extractor still yields it')
        : out('agrees', 'the extractor no longer yields it');
    }
    return present ? out('agrees', 'still extracted') : out('conflicts', 'no longer extracted');
  };
  const after = c.after;
  const before = c.before;

  if (c.targetKind === 'actor') {
    const found = ofDocs.flatMap(({ plan }) => plan.actors.filter((a) => a.id === c.target));
    if (c.op === 'merge') {
      const into = String(c.change.into);
      if (found.length) return out('needed', `the extractor still yields '${c.target}' apart`);
      const survivor = ofDocs.some(({ plan }) => plan.actors.some((a) => mapped(a.id) === into));
      return survivor
        ? out('agrees', `the extractor now yields '${into}' there`)
        : out('conflicts', `neither '${c.target}' nor '${into}' is extracted any more`);
    }
    if (!found.length) return out('conflicts', `'${c.target}' is no longer extracted`);
    if (c.op === 'confirm') return out('agrees', 'still extracted');
    // An actor's edit: name, kind, country, sector.
    const props = (after.props ?? {}) as Record<string, unknown>;
    const was = (before.props ?? {}) as Record<string, unknown>;
    const a = found[0] as unknown as Record<string, unknown>;
    const keys = Object.keys(props);
    if (keys.every((k) => (a[k] ?? null) === props[k])) return out('agrees', 'extracted as edited');
    if (keys.every((k) => (a[k] ?? null) === (was[k] ?? null)))
      return out('needed', 'still extracted as before the edit');
    return out('conflicts', `extracted with other ${keys.join(', ')}`);
  }

  if (c.targetKind === 'statement') {
    const present = ofDocs.some(({ plan }) => plan.statements.some((s) => s.id === c.target));
    const candidates = near((p) => p.statements);
    if (c.op === 'reject' || c.op === 'confirm') return byPresence(present);
    const wantedSpeaker = c.op === 'set-speaker' ? String(c.change.speaker) : null;
    const wantedDate = c.op === 'edit' ? (after.props as { date?: string | null }).date : undefined;
    const right = candidates.some(
      (s) =>
        (wantedSpeaker === null || mapped(s.speaker) === wantedSpeaker) &&
        (wantedDate === undefined || s.date === wantedDate),
    );
    if (right) return out('agrees', 'the extractor now yields the corrected statement');
    if (present) return out('needed', 'the extractor still yields the statement as it was');
    return out('conflicts', 'the sentence now yields another statement or none');
  }

  // Events.
  const present = ofDocs.some(({ plan }) => plan.events.some((e) => e.id === c.target));
  if (c.op === 'reject' || c.op === 'confirm') return byPresence(present);
  const candidates = near((p) => p.events);
  let right: (e: PlanFacts['events'][number]) => boolean;
  if (c.op === 'edit') {
    const props = (after.props ?? {}) as Record<string, unknown>;
    const keys = Object.keys(props).filter((k) => k === 'type' || k === 'mode' || k === 'date');
    right = (e) => keys.every((k) => (e[k as 'type'] ?? null) === props[k]);
  } else if (c.op === 'set-actors') {
    const actors = sortedJoin(after.actors as string[]);
    const recipients = sortedJoin(after.recipients as string[]);
    const both = sortedJoin([...(after.actors as string[]), ...(after.recipients as string[])]);
    right = (e) =>
      e.reciprocal
        ? sortedJoin([...e.actors, ...e.recipients].map(mapped)) === both
        : sortedJoin(e.actors.map(mapped)) === actors &&
          sortedJoin(e.recipients.map(mapped)) === recipients;
  } else if (c.op === 'set-place') {
    const place = after.place as string | null;
    right = (e) => (place === null ? e.places.length === 0 : e.places.includes(place));
  } else {
    return out('unscored', `${c.op} is not scored`);
  }
  if (candidates.some(right)) return out('agrees', 'the extractor now yields the corrected event');
  if (present) return out('needed', 'the extractor still yields the event as it was');
  return out('conflicts', 'the sentence now yields another event or none');
}

export interface ScoreSummary {
  scored: number;
  agrees: number;
  needed: number;
  conflicts: number;
  unscored: number;
  /** agrees / scored (0 when nothing is scored). */
  score: number;
  byOp: Record<string, { agrees: number; needed: number; conflicts: number; unscored: number }>;
}

export function summarise(results: Scored[]): ScoreSummary {
  const s: ScoreSummary = {
    scored: 0,
    agrees: 0,
    needed: 0,
    conflicts: 0,
    unscored: 0,
    score: 0,
    byOp: {},
  };
  for (const r of results) {
    s[r.verdict]++;
    if (r.verdict !== 'unscored') s.scored++;
    const op = (s.byOp[r.op] ??= { agrees: 0, needed: 0, conflicts: 0, unscored: 0 });
    op[r.verdict]++;
  }
  s.score = s.scored ? Math.round((s.agrees / s.scored) * 1000) / 1000 : 0;
  return s;
}
