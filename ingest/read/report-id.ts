// A report's identity: which document a report is a revision of. An id given in the file, the
// form or on the command line wins. Without one, the id is derived from what identifies the
// report, most specific first, so that two different reports never share a document by accident
// (two pages both saved as "index.html", "x.md" and "x.txt", two briefings titled alike):
//   1. its web address (a news page updated in place stays one document, even if its headline changes);
//   2. its title with its source and publication date;
//   3. its file name, extension included (the same file re-ingested after an edit is a revision);
//   4. its text, when nothing else names it.
// A derived id is a readable slug and a hash of what identified the report.
import { createHash } from 'node:crypto';
import type { DocumentIdSource } from '../../domain/index.ts';

const MAX_ID_LENGTH = 200;
const MAX_READABLE = 80;

/** A name as an id: lower case, accents dropped, runs of other characters as one dash. */
export function slugify(name: string, max = MAX_ID_LENGTH): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
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

/** Which document a report belongs to, how that was decided, and what matched (for messages). */
export interface ReportIdentity {
  id: string;
  from: DocumentIdSource;
  /** What identified it, in words: "the id 'x'", "the address https://…", "the file name 'x.md'". */
  by: string;
}

/** What the read stage knows about a report when it names it. */
export interface IdentityInput {
  id?: string | null;
  url?: string | null;
  title?: string | null;
  source?: string | null;
  publishedAt?: string | null;
  /** As given by the caller (an upload's name may carry a client's path: only the base counts). */
  fileName?: string | null;
  text: string;
}

export function reportIdentity(r: IdentityInput): ReportIdentity {
  if (r.id) return { id: r.id, from: 'id', by: `the id '${r.id}'` };
  if (r.url) {
    return derived('url', r.title ?? r.url, [r.url], `the address ${r.url}`);
  }
  if (r.title) {
    const by = [`the title "${r.title}"`];
    if (r.source) by.push(`source "${r.source}"`);
    by.push(r.publishedAt ? `date ${r.publishedAt}` : 'no date');
    return derived(
      'title',
      r.title,
      [r.title, r.source ?? null, r.publishedAt ?? null],
      by.join(', '),
    );
  }
  const base = r.fileName ? baseName(r.fileName) : '';
  if (base) {
    // The whole base name, slugged: "x.md" and "x.txt" are two files, "X.md" and "x.md" one.
    return { id: slugify(base), from: 'file-name', by: `the file name '${base}'` };
  }
  return derived('text', 'report', [r.text], 'the same text');
}

function derived(
  from: DocumentIdSource,
  readable: string,
  key: (string | null)[],
  by: string,
): ReportIdentity {
  const hash = createHash('sha256')
    .update(JSON.stringify([from, ...key]))
    .digest('hex')
    .slice(0, 12);
  return { id: `${slugify(readable, MAX_READABLE)}-${hash}`, from, by };
}

/** The last segment of a path written with / or \ (an upload's name is the client's to choose). */
function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').trim();
}
