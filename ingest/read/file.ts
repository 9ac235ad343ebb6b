// The read stage's only disk access: load a report file, refusing oversized files before
// reading them, then hand the bytes to readReport.
import { open } from 'node:fs/promises';
import { ReadError } from './errors.ts';
import { reportFormat } from './format.ts';
import { readReport, type ReadOverrides, type ReadReport } from './index.ts';
import { MAX_REPORT_BYTES, tooLargeError } from './limits.ts';

export async function readReportFile(
  path: string,
  overrides: ReadOverrides = {},
): Promise<ReadReport> {
  reportFormat(path); // an unsupported type is refused before its bytes are read
  return readReport(await readFileBytes(path), path, overrides);
}

/** The file's bytes; a file over the limit is refused from its size, before it is read. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ReadError('UNREADABLE', `${path}: not a regular file`);
    if (stat.size > MAX_REPORT_BYTES) throw tooLargeError(path, stat.size);
    const length = stat.size;
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } catch (e) {
    throw e instanceof ReadError ? e : fileError(path, e);
  } finally {
    await handle.close();
  }
}

function fileError(path: string, e: unknown): ReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ReadError('NOT_FOUND', `${path}: no such file`);
  if (code === 'EISDIR') return new ReadError('UNREADABLE', `${path}: is a directory, not a file`);
  if (code === 'EACCES') return new ReadError('UNREADABLE', `${path}: permission denied`);
  return new ReadError('UNREADABLE', `${path}: cannot be read (${(e as Error).message})`);
}
