// Turns DuckDB's errors into StoreErrors with stable codes and the database file's name: a held lock, a file that
// is not a DuckDB database, a full disk. Classification only: nothing is retried or printed here.
import { StoreError } from '../model/errors.js';
import type { ErrorCode } from '../model/errors.js';

export function classifyDuckDbError(e: unknown, path: string, action: string): StoreError {
  if (e instanceof StoreError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const [code, text] = classify(message, action);
  return new StoreError(code, text, { where: path, cause: e });
}

function classify(message: string, action: string): [ErrorCode, string] {
  const lock = /Could not set lock on file[^:]*: Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
  if (lock || /Could not set lock/i.test(message)) {
    const who = lock ? ` (${lock[1]}, PID ${lock[2]})` : '';
    return ['STORE_LOCKED', `the database is in use by another process${who}; wait for it to finish, or use another --db`];
  }
  if (/not a valid DuckDB database file|Corrupt database file|checksum|database file.*(truncated|corrupt)|INTERNAL Error.*(block|checkpoint)/i.test(message)) {
    return ['STORE_CORRUPT', `not a readable DuckDB database (${firstLine(message)}); move it aside or use another --db`];
  }
  if (/No space left on device|disk is full|ENOSPC|Disk quota exceeded/i.test(message)) {
    return ['STORE_FULL', `the disk is full while trying to ${action}; the batch was rolled back and everything committed before it is kept. Free some space and run the same command again`];
  }
  // A file size limit (ulimit -f, EFBIG) stops writes the same way a full disk does.
  if (/File too large|EFBIG/i.test(message)) {
    return ['STORE_FULL', `the database file reached the file size limit while trying to ${action}; the batch was rolled back and everything committed before it is kept. Raise the limit (ulimit -f) or use another --db, and run the same command again`];
  }
  if (/Permission denied|Read-only file system|EACCES|EROFS/i.test(message)) {
    return [action === 'open' ? 'STORE_OPEN' : 'STORE_WRITE', `cannot ${action}: ${firstLine(message)}`];
  }
  return [action === 'open' ? 'STORE_OPEN' : 'STORE_WRITE', `${action} failed: ${firstLine(message)}`];
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/^(IO|Invalid Input|Binder|Catalog|Constraint|Conversion|Parser) Error: /, '');
}
