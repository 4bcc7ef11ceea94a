// The API's one error format, `{"error": {"code", "message"}}`, and the one handler that turns any thrown error into
// it with its status. Internal errors keep their detail out of the body (no stack, no cause); `log` gets it.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DyadError, type ErrorCode } from '../model/errors.js';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  USAGE: 400,
  BAD_REQUEST: 400,
  INPUT_FORMAT: 400,
  INPUT_EMPTY: 400,
  INPUT_ENCODING: 400,
  INPUT_BINARY: 400,
  INPUT_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  DISABLED: 405,
  QUERY_TIMEOUT: 503,
  STORE_LOCKED: 503,
};

const CODE_OF_STATUS: Record<number, string> = { 400: 'BAD_REQUEST', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'DISABLED', 413: 'PAYLOAD_TOO_LARGE', 503: 'UNAVAILABLE' };

export interface ErrorReply {
  status: ContentfulStatusCode;
  body: { error: { code: string; message: string } };
}

/** What the client is told about `err`. */
export function errorReply(err: unknown): ErrorReply {
  if (err instanceof DyadError) {
    const status = STATUS[err.code];
    if (status) return { status, body: { error: { code: err.code === 'USAGE' ? 'BAD_REQUEST' : err.code, message: err.message } } };
  } else if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    return { status, body: { error: { code: CODE_OF_STATUS[status] ?? 'BAD_REQUEST', message: err.message || 'bad request' } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; the server log has the detail' } } };
}

export function errorHandler(log: (message: string) => void) {
  return (err: Error, c: Context) => {
    const reply = errorReply(err);
    if (reply.status >= 500) log(`${c.req.method} ${c.req.path}: ${err instanceof DyadError ? err.code + ': ' : ''}${err.stack ?? err.message}`);
    const res = c.json(reply.body, reply.status);
    // POST /api/articles is the only route that says DISABLED, and no other method is served there.
    if (reply.status === 405) res.headers.set('Allow', '');
    return res;
  };
}
