// Title-case headlines ("President Trump Brokers Another Historic Peace Deal") capitalise every
// word, so there a capital says nothing of a name, and the recognizer, which leans on capitals,
// reads the whole line as one. The report's body tells which of those words are names: before
// the recognizer sees a title-case sentence, a capitalised word keeps its capital only when the
// body writes it with one inside a sentence, or a known name (the lexicon) starts there; the
// others are lower-cased ("President Trump brokers another historic peace deal"). Offsets and
// the text are untouched: only the words the recognizer reads change.

/** Short words title case leaves in lower case ("Talks on the Future of …"). */
const MINOR: ReadonlySet<string> = new Set(
  ['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'for', 'to', 'in', 'on', 'at', 'by'].concat([
    'with',
    'as',
    'from',
    'into',
    'onto',
    'via',
    'vs',
    'per',
    'over',
    'amid',
    'after',
    'up',
  ]),
);

const hasLetter = (w: string): boolean => /\p{L}/u.test(w);
/** A clitic the tokenizer split off its word ("Kenya’s" → "’s", "Doesn't" → "n't"). */
const clitic = (w: string): boolean => /^['’]|^n['’]t$/i.test(w);
const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
/** "NATO", "U.S.", "G7": written so in any sentence, not capitalised for the headline. */
const shouted = (w: string): boolean => w.length > 1 && w === w.toUpperCase();

/** Whether every word with a letter is capitalised but title case's short words, three or more. */
export function isTitleCase(words: readonly string[]): boolean {
  let capitals = 0;
  for (const w of words) {
    if (!hasLetter(w) || clitic(w)) continue;
    if (capitalised(w)) capitals++;
    else if (!MINOR.has(w)) return false;
  }
  return capitals >= 3;
}

/**
 * The words of each sentence as the recognizer should read them: title-case sentences with the
 * capitals the body does not confirm lower-cased. `knownAt(words, i)` is the number of words a
 * known name starting at word i spans (0: none). Without a body (every sentence in title case,
 * or no other sentence) nothing changes: there is nothing to tell names from words.
 */
export function casedForNames(
  sentences: readonly (readonly string[])[],
  knownAt: (words: readonly string[], i: number) => number,
): (readonly string[])[] {
  const headline = sentences.map(isTitleCase);
  if (!headline.includes(true) || headline.every(Boolean)) return [...sentences];
  // Words the body writes capitalised after a sentence's first word.
  const named = new Set<string>();
  sentences.forEach((words, k) => {
    if (headline[k]) return;
    for (let i = 1; i < words.length; i++) if (capitalised(words[i])) named.add(words[i]);
  });
  return sentences.map((words, k) => {
    if (!headline[k]) return words;
    const out = [...words];
    for (let i = 0; i < words.length; i++) {
      const known = knownAt(words, i);
      if (known > 0) {
        i += known - 1;
        continue;
      }
      const w = words[i];
      // The first word is capitalised in any sentence: the model knows that capital.
      if (i > 0 && capitalised(w) && !shouted(w) && !named.has(w)) out[i] = w.toLowerCase();
    }
    return out;
  });
}
