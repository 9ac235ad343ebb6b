// A report's identity: the id given in the file or on the command line, else its file name.

const MAX_ID_LENGTH = 200;

/** A file name stem as an id: lower case, accents dropped, runs of other characters as one dash. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  return slug || 'report';
}

/**
 * Checks an id given explicitly (front matter, JSON, --id). It is kept as written, because
 * outside systems match on it (the PLOVER scorer does); only blank, over-long or
 * control-character ids are refused. Returns the problem, or null when the id is fine.
 */
export function idProblem(id: string): string | null {
  if (id.trim().length === 0) return 'the id is blank';
  if (id.length > MAX_ID_LENGTH) return `the id is longer than ${MAX_ID_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'the id contains control characters';
  return null;
}
