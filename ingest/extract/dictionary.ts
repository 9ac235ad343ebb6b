// Word-keyed lookup tables (lexicons, gazetteers) as objects without a prototype: looked up with
// a token's text, a plain object literal answers "constructor" or "toString" with
// Object.prototype's members, which made a report with such a word fail or find a group in it.

/** The entries as a table whose only keys are its own. */
export function dictionary<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
