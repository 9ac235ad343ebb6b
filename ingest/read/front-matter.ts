// YAML front matter at the top of a Markdown report: `---` on the first line, `---` (or `...`) to close.
import { parseDocument } from 'yaml';
import { publicationDay } from './dates.ts';
import { ReadError } from './errors.ts';
import { idProblem } from './report-id.ts';
import { isWebAddress } from './web-address.ts';

export interface FrontMatter {
  id?: string;
  title?: string;
  publishedAt?: string;
  source?: string;
  url?: string;
}

export interface SplitMarkdown {
  frontMatter: FrontMatter;
  body: string;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;

/** Separates and checks the front matter. `text` is already LF-normalised. */
export function splitFrontMatter(text: string, label: string): SplitMarkdown {
  const lines = text.split('\n');
  if (!OPENING.test(lines[0] ?? '')) return { frontMatter: {}, body: text };
  const close = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (close < 0) {
    throw new ReadError(
      'FRONT_MATTER',
      `${label}: front matter opened on line 1 is never closed with '---'`,
    );
  }
  const yamlText = lines.slice(1, close).join('\n');
  return {
    frontMatter: parseFrontMatter(yamlText, label),
    body: lines.slice(close + 1).join('\n'),
  };
}

function parseFrontMatter(yamlText: string, label: string): FrontMatter {
  // Line numbers in messages are the file's: the YAML starts on line 2, after the opening `---`.
  const fail = (line: number, problem: string): never => {
    throw new ReadError('FRONT_MATTER', `${label}: front matter line ${line}: ${problem}`);
  };
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = yamlText.slice(0, error.pos[0]).split('\n').length + 1;
    fail(line, error.message.split('\n')[0]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    // yaml refuses alias bombs (billion laughs) with a ReferenceError.
    fail(2, `the front matter could not be read: ${(e as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    fail(2, 'expected key: value pairs');
  }
  const fields = data as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const at = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return at < 0 ? 2 : at + 2;
  };
  const text = (key: string): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') fail(lineOf(key), `'${key}' must be text`);
    return (value as string).trim() || undefined;
  };

  const matter: FrontMatter = {};
  // A blank id is refused rather than silently replaced by the file name.
  const id = typeof fields.id === 'string' ? fields.id.trim() : text('id');
  if (id !== undefined) {
    const problem = idProblem(id);
    if (problem) fail(lineOf('id'), problem);
    matter.id = id;
  }
  const title = text('title');
  if (title) matter.title = title;
  const source = text('source');
  if (source) matter.source = source;
  const url = text('url');
  if (url) {
    if (!isWebAddress(url)) fail(lineOf('url'), `'url' must be an http(s) address`);
    matter.url = url;
  }

  // `published` is the documented key; `date` is what static-site generators write.
  for (const key of ['published', 'publishedAt', 'date']) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    const day = publicationDay(value);
    if (!day) fail(lineOf(key), `'${key}' is not a date (expected YYYY-MM-DD)`);
    matter.publishedAt = day as string;
    break;
  }
  return matter;
}
