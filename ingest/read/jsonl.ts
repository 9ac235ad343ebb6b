// Reports as JSON Lines, one `{id, title?, publishedAt?, source?, url?, text}` per line, read as
// a stream (`parley extract --format jsonl`, `parley ingest --jsonl FILE|-`). Each line is decoded
// and checked on its own: a bad line is a record with its line number and error, never the end.
import type { ReportMeta } from '../extract/types.ts';
import { decodeReportBytes } from './decode.ts';
import { ReadError } from './errors.ts';
import { jsonReport, parseJsonObject } from './json-report.ts';
import { MAX_REPORT_BYTES, tooLargeError } from './limits.ts';

/** One line of the stream: its report, or why it is not one. */
export interface JsonlRecord {
  line: number;
  /** "stdin line 7", "feed.jsonl line 7": names the line in messages. */
  label: string;
  /** The line's "id" when it had one, also on an error (so a reply can name it). */
  id: string | null;
  report?: { text: string; meta: ReportMeta };
  error?: ReadError;
  /** Bytes of the stream read up to the end of this line (progress through a file). */
  offset: number;
}

interface ByteLine {
  number: number;
  bytes: Uint8Array;
  size: number;
  blank: boolean;
  /** Over the report limit: its bytes were dropped as they came rather than held. */
  tooLarge: boolean;
  offset: number;
}

/** Splits a byte stream on LF without decoding it, so each line's encoding is checked on its own. */
async function* byteLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  let number = 0;
  let offset = 0;
  const finish = (): ByteLine => {
    const bytes = Buffer.concat(parts);
    const blank = !tooLarge && bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
    const line = { number: ++number, bytes, size, blank, tooLarge, offset };
    parts = [];
    size = 0;
    tooLarge = false;
    return line;
  };
  const add = (piece: Buffer) => {
    size += piece.length;
    if (size > MAX_REPORT_BYTES) {
      tooLarge = true;
      parts = [];
    } else if (piece.length > 0) parts.push(piece);
  };
  for await (const chunk of input) {
    let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    let newline = buffer.indexOf(0x0a);
    while (newline >= 0) {
      add(buffer.subarray(0, newline));
      offset += newline + 1;
      yield finish();
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(0x0a);
    }
    offset += buffer.length;
    add(buffer);
  }
  if (size > 0 || tooLarge) yield finish();
}

/**
 * The records of a JSON Lines stream, blank lines skipped. `name` labels the lines ("stdin",
 * a file name); `publishedAt` wins over each record's own date.
 */
export async function* jsonlRecords(
  input: AsyncIterable<Buffer | string>,
  name: string,
  publishedAt?: string,
): AsyncGenerator<JsonlRecord> {
  for await (const line of byteLines(input)) {
    if (line.blank) continue;
    const label = `${name} line ${line.number}`;
    const base = { line: line.number, label, offset: line.offset };
    let id: string | null = null;
    try {
      if (line.tooLarge) throw tooLargeError(label, line.size);
      const value = parseJsonObject(decodeReportBytes(line.bytes, label), label);
      id = typeof value.id === 'string' ? value.id : null;
      const record = jsonReport(value, label);
      if (record.id === null) throw new ReadError('FORMAT', `${label}: missing "id"`);
      const meta: ReportMeta = {
        id: record.id,
        title: record.title,
        publishedAt: publishedAt ?? record.publishedAt,
        source: record.source,
        url: record.url,
      };
      yield { ...base, id, report: { text: record.text, meta } };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      yield { ...base, id, error: e };
    }
  }
}
