// A report given as JSON: `{id?, title?, publishedAt?, text}` — one .json file or one stdin line.
import { publicationDay } from './dates.ts';
import { ReadError } from './errors.ts';
import { normaliseText, isBlank } from './decode.ts';
import { idProblem } from './report-id.ts';
import { isWebAddress } from './web-address.ts';

export interface JsonReport {
  id: string | null;
  title: string | null;
  publishedAt: string | null;
  source: string | null;
  url: string | null;
  text: string;
}

const OPTIONAL_TEXT_FIELDS = ['id', 'title', 'publishedAt', 'source', 'url'] as const;

/** Parses and checks JSON text. `label` names the file or line in messages. */
export function parseJsonReport(json: string, label: string): JsonReport {
  return jsonReport(parseJsonObject(json, label), label);
}

/** JSON text that must hold one object (a report record). */
export function parseJsonObject(json: string, label: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new ReadError('FORMAT', `${label}: not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(value))
    failFormat(label, 'expected a JSON object {id?, title?, publishedAt?, text}');
  return value;
}

export function jsonReport(value: unknown, label: string): JsonReport {
  const fail = (message: string): never => failFormat(label, message);
  if (!isObject(value)) fail('expected a JSON object {id?, title?, publishedAt?, text}');
  const record = value as Record<string, unknown>;
  if (!('text' in record)) fail('missing "text"');
  if (typeof record.text !== 'string') fail('"text" must be a string');
  for (const key of OPTIONAL_TEXT_FIELDS) {
    const field = record[key];
    if (field !== undefined && field !== null && typeof field !== 'string') {
      fail(`"${key}" must be a string`);
    }
  }
  const optional = (key: (typeof OPTIONAL_TEXT_FIELDS)[number]): string | null => {
    const field = record[key];
    return typeof field === 'string' && field.trim() ? field.trim() : null;
  };

  const id = typeof record.id === 'string' ? record.id : null;
  if (id !== null) {
    const problem = idProblem(id);
    if (problem) fail(`"id": ${problem}`);
  }
  const publishedRaw = optional('publishedAt');
  const publishedAt = publishedRaw === null ? null : publicationDay(publishedRaw);
  if (publishedRaw !== null && publishedAt === null) {
    fail(`"publishedAt" '${publishedRaw}' is not a date (expected YYYY-MM-DD)`);
  }
  const url = optional('url');
  if (url !== null && !isWebAddress(url)) fail('"url" must be an http(s) address');

  const text = normaliseText(record.text as string);
  if (isBlank(text)) throw new ReadError('EMPTY', `${label}: "text" is empty`);
  return { id, title: optional('title'), publishedAt, source: optional('source'), url, text };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failFormat(label: string, message: string): never {
  throw new ReadError('FORMAT', `${label}: ${message}`);
}
