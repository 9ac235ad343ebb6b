// Why a report could not be read. The code is stable (CLI output, HTTP error bodies, tests);
// the message is one line meant for a person.

export type ReadErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'ENCODING'
  | 'TOO_LARGE'
  | 'FRONT_MATTER'
  | 'FORMAT'
  | 'UNSUPPORTED_TYPE'
  | 'INVALID_OPTION'
  | 'NOT_FOUND'
  | 'UNREADABLE';

/** The plain shape sent over the wire: `{error: {code, message}}` in the API and JSONL output. */
export interface ReadErrorInfo {
  code: ReadErrorCode;
  message: string;
}

export class ReadError extends Error {
  readonly code: ReadErrorCode;

  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
  }

  toJSON(): ReadErrorInfo {
    return { code: this.code, message: this.message };
  }
}
