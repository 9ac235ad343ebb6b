// Feature hashing: strings and small integers to 32-bit feature ids, never 0 (0 marks an empty
// slot in the weight table). A feature is mix(template, value…): no strings are built per token.
// Hashes are returned as signed 32-bit integers (the same 32 bits as the unsigned id a
// Uint32Array stores): V8 passes those unboxed, where an unsigned value ≥ 2³¹ would be a heap
// number allocated at every call that is not inlined (it doubled the time the parser spent
// computing features).

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Hash of the last n code units of s (a suffix), without slicing. */
export function hashSuffix(s: string, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let i = Math.max(0, s.length - n); i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Hash of the first n code units of s (a prefix). */
export function hashPrefix(s: string, n: number): number {
  let h = 0x811c9dc5 ^ (n << 8);
  const end = Math.min(n, s.length);
  for (let i = 0; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Feature id of a template and up to three values (one multiply per value, one finaliser). */
export function mix(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 0x3c6ef372, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0x27d4eb2f);
  h ^= h >>> 16;
  return h || 1;
}
