import { describe, expect, it } from 'vitest';
import { decodeReportBytes, normaliseText } from './decode.ts';
import { ReadError } from './errors.ts';
import { MAX_REPORT_BYTES } from './limits.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function failure(input: Uint8Array): ReadError {
  try {
    decodeReportBytes(input, 'r.txt');
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}

describe('decodeReportBytes', () => {
  it('strips a BOM and turns CRLF and lone CR into LF', () => {
    const input = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...bytes('Kyiv agreed.\r\nMoscow refused.\rEnd'),
    ]);
    expect(decodeReportBytes(input, 'r.txt')).toBe('Kyiv agreed.\nMoscow refused.\nEnd');
  });

  it('keeps non-English text intact', () => {
    const text = 'Лавров встретился с Фиданом. 外交部长会见了特使。 وزير الخارجية';
    expect(decodeReportBytes(bytes(text), 'r.txt')).toBe(text);
  });

  it('refuses an empty file', () => {
    expect(failure(new Uint8Array())).toMatchObject({
      code: 'EMPTY',
      message: 'r.txt: the file is empty',
    });
  });

  it('refuses bytes with NUL as binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(failure(png).code).toBe('BINARY');
  });

  it('refuses mostly-control bytes as binary even without NUL', () => {
    const noise = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(failure(noise).code).toBe('BINARY');
  });

  it('refuses Latin-1 text, naming the byte and its offset', () => {
    const latin1 = new Uint8Array([
      ...bytes('Caf'),
      0xe9,
      ...bytes(' talks in Gen'),
      0xe8,
      ...bytes('ve'),
    ]);
    const error = failure(latin1);
    expect(error.code).toBe('ENCODING');
    expect(error.message).toBe(
      'r.txt: not valid UTF-8 (byte 0xE9 at offset 3); save the file as UTF-8',
    );
  });

  it('refuses UTF-16 with a message that says so', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]);
    expect(failure(utf16)).toMatchObject({ code: 'ENCODING' });
    expect(failure(utf16).message).toMatch(/UTF-16/);
  });

  it('accepts a report of exactly the limit and refuses one byte more, naming 5 MB', () => {
    const atLimit = new Uint8Array(MAX_REPORT_BYTES).fill(0x61);
    expect(decodeReportBytes(atLimit, 'r.txt')).toHaveLength(MAX_REPORT_BYTES);
    const over = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    const error = failure(over);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/over the 5 MB limit/);
    expect(error.message).toMatch(/6\.00 MB/);
  });
});

describe('normaliseText', () => {
  it('leaves LF text alone', () => {
    expect(normaliseText('a\nb\n')).toBe('a\nb\n');
  });
});
