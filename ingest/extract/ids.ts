// Canonical, stable identifiers.

/** Lower-case ASCII slug: "Kirill Dmitriev" → "kirill-dmitriev". */
const slugs = new Map<string, string>();

export function slug(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) {
    out = makeSlug(s);
    // A bounded cache: names repeat across reports, arbitrary text should not pile up.
    if (slugs.size > 50_000) slugs.clear();
    slugs.set(s, out);
  }
  return out;
}

function makeSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Short deterministic hash (FNV-1a, 32 bit, base 36) for event and statement ids. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
