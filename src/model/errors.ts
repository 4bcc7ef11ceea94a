// One error hierarchy for dyad: every error has a stable code, a message naming what and where, and a cause.
// The library throws these; only the CLI prints them and picks exit codes.

export type ErrorCode =
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_ENCODING'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_FORMAT'
  | 'DICT_INVALID'
  | 'DICT_MISSING'
  | 'USAGE'
  | 'STORE_OPEN'
  | 'STORE_LOCKED'
  | 'STORE_CORRUPT'
  | 'STORE_FOREIGN'
  | 'STORE_VERSION'
  | 'STORE_FULL'
  | 'STORE_WRITE'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'DISABLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'QUERY_TIMEOUT'
  | 'INTERNAL';

export class DyadError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or name the error is about, when there is one. */
  readonly where?: string;

  constructor(code: ErrorCode, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(options.where ? `${options.where}: ${message}` : message, { cause: options.cause });
    this.name = 'DyadError';
    this.code = code;
    this.where = options.where;
  }
}

/** Errors about one input article: the batch reports them and goes on. */
export class InputError extends DyadError {
  constructor(code: ErrorCode, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'InputError';
  }
}

/** Errors in a dictionary or data file: file and line in the message. */
export class DictionaryError extends DyadError {
  constructor(message: string, options: { where?: string; cause?: unknown } = {}) {
    super('DICT_INVALID', message, options);
    this.name = 'DictionaryError';
  }
}

export class UsageError extends DyadError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

/** Errors of the corpus store (src/store/): the database file is named in the message. */
export class StoreError extends DyadError {
  constructor(code: ErrorCode, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'StoreError';
  }
}
