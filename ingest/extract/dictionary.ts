// Word-keyed lookup tables (lexicons, gazetteers) as Maps. A plain object looked up with a
// token's text answers "constructor" or "toString" with Object.prototype's members (which made a
// report with such a word fail or find a group in it), and one without a prototype is a slow
// dictionary-mode object: every lookup with a token's string (never an interned one) cost
// several times a Map's, and extraction makes dozens per word.

/** The entries as a table whose only keys are its own. */
export function dictionary<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}
