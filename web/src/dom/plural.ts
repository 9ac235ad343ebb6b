/** "1 event", "3 events", "2 places": a count with its noun. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;
