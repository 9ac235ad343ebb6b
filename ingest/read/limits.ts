import { ReadError } from './errors.ts';

// The largest report accepted, in bytes. A long wire story is ~50 KB; 5 MB leaves room for
// saved web pages while keeping one report's extraction bounded. The HTTP upload limit reuses it.
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;
export const MAX_REPORT_LABEL = '5 MB';

export function tooLargeError(label: string, bytes: number): ReadError {
  const size = `${(bytes / (1024 * 1024)).toFixed(2)} MB (${bytes} bytes)`;
  return new ReadError(
    'TOO_LARGE',
    `${label}: the file is ${size}, over the ${MAX_REPORT_LABEL} limit for a report`,
  );
}
