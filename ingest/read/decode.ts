// Bytes → text: refuses what is not UTF-8 text, then normalises what is.
import { ReadError } from './errors.ts';
import { MAX_REPORT_BYTES, tooLargeError } from './limits.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** How much of the head of a file is inspected for control bytes. */
const SNIFF_BYTES = 8192;
/** Share of control bytes above which a file is taken for binary rather than damaged text. */
const MAX_CONTROL_SHARE = 0.1;

/** Turns a report's raw bytes into clean text: UTF-8 only, no BOM, LF line ends. */
export function decodeReportBytes(bytes: Uint8Array, label: string): string {
  if (bytes.length > MAX_REPORT_BYTES) throw tooLargeError(label, bytes.length);
  if (bytes.length === 0) throw new ReadError('EMPTY', `${label}: the file is empty`);
  if (hasUtf16Bom(bytes)) {
    throw new ReadError('ENCODING', `${label}: UTF-16 text is not supported; save it as UTF-8`);
  }
  if (looksBinary(bytes)) {
    throw new ReadError('BINARY', `${label}: this looks like a binary file, not a text report`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at]?.toString(16).toUpperCase().padStart(2, '0');
    throw new ReadError(
      'ENCODING',
      `${label}: not valid UTF-8 (byte 0x${byte} at offset ${at}); save the file as UTF-8`,
    );
  }
  return normaliseText(text);
}

/** Strips a BOM and turns CRLF and lone CR into LF, so offsets are the same on every platform. */
export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

// NUL never occurs in text; other C0 controls (besides tab, newlines, form feed, escape) only rarely.
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / head.length > MAX_CONTROL_SHARE;
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates are also invalid; the decoder already rejected the file,
    // so pointing at the lead byte of the sequence is precise enough.
    if (!utf8Accepts(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

function utf8Accepts(sequence: Uint8Array): boolean {
  try {
    utf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}
