// Reading pane: the document text cut into runs at every fact boundary, each run knowing which
// facts (actor mentions, event sentences, statements) cover it. Offsets out of range are clamped.

export type MarkKind = 'mention' | 'event' | 'statement';

export interface Mark {
  kind: MarkKind;
  id: string; // actor id for mentions, event or statement id otherwise
  start: number;
  end: number;
  label?: string;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

export function runs(text: string, marks: Mark[]): Run[] {
  const len = text.length;
  const valid = marks
    .map((m) => ({
      ...m,
      start: Math.max(0, Math.min(len, Math.floor(m.start))),
      end: Math.max(0, Math.min(len, Math.floor(m.end))),
    }))
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start);
  const cuts = new Set<number>([0, len]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    if (e <= s) continue;
    out.push({
      start: s,
      end: e,
      text: text.slice(s, e),
      marks: valid.filter((m) => m.start <= s && m.end >= e),
    });
  }
  return out;
}

/** The innermost mark of a run wins a click: a mention inside an event sentence selects the actor. */
export function primaryMark(run: Run): Mark | null {
  if (!run.marks.length) return null;
  return [...run.marks].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}
