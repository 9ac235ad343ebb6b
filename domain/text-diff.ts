// A sentence-level diff of two revisions' texts: what the fact diff cannot show (a figure that
// changed inside a sentence whose facts stayed the same, "$105 billion" → "$90 billion").
export interface TextChange {
  op: 'removed' | 'added';
  sentence: string;
}

/** Sentences as a reader sees them: split after . ! ? (and closing quotes) and at line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?][”"’')\]]?)\s+(?=[A-Z“"‘'(\d$€£])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Above this many sentence pairs the middle is shown as replaced whole rather than aligned. */
const MAX_CELLS = 4_000_000;

/** The removed and added sentences, in reading order (a removal before its replacement). */
export function sentenceDiff(before: string, after: string): TextChange[] {
  const a = splitSentences(before);
  const b = splitSentences(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length * y.length > MAX_CELLS) {
    return [
      ...x.map((sentence) => ({ op: 'removed' as const, sentence })),
      ...y.map((sentence) => ({ op: 'added' as const, sentence })),
    ];
  }
  // Longest common subsequence table, from the end, then one walk from the start.
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        x[i] === y[j]
          ? lcs[(i + 1) * w + j + 1] + 1
          : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  const out: TextChange[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j >= y.length || (i < x.length && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
      out.push({ op: 'removed', sentence: x[i++] });
    } else {
      out.push({ op: 'added', sentence: y[j++] });
    }
  }
  return out;
}

/** A figure an update changed: "$105 billion" → "$90 billion", with both sentences. */
export interface FigureChange {
  before: string;
  after: string;
  /** The sentence as it stood, and as it stands now. */
  was: string;
  now: string;
}

// Amounts as reports write them: a currency sign, digits with separators, a scale or a unit.
const FIGURE =
  /[$€£]?\d[\d,.]*(?:\s?(?:%|per ?cent|percent|trillion|billion|million|thousand|bn|m|km|kilometres|kilometers|miles|people|troops|soldiers|tonnes|tons|dollars|euros))?/giu;

function figures(sentence: string): string[] {
  return [...sentence.matchAll(FIGURE)].map((m) => m.at(0)!.replace(/[.,]$/, ''));
}

/** Of the words, the share the two sentences have in common (0–1). */
function likeness(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().split(/\W+/u).filter(Boolean));
  const wb = new Set(b.toLowerCase().split(/\W+/u).filter(Boolean));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(1, Math.max(wa.size, wb.size));
}

/**
 * The figures that changed between two texts: a removed sentence and the added sentence most
 * like it (at least half the words in common) whose figures differ, position by position.
 */
export function figureChanges(before: string, after: string): FigureChange[] {
  const changes = sentenceDiff(before, after);
  const removed = changes.filter((c) => c.op === 'removed').map((c) => c.sentence);
  const added = changes.filter((c) => c.op === 'added').map((c) => c.sentence);
  const out: FigureChange[] = [];
  for (const was of removed) {
    let best: string | null = null;
    let score = 0.5;
    for (const now of added) {
      const l = likeness(was, now);
      if (l >= score) [best, score] = [now, l];
    }
    if (!best) continue;
    const a = figures(was);
    const b = figures(best);
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) out.push({ before: a[i], after: b[i], was, now: best });
  }
  return out;
}
