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
