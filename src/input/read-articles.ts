// Reads articles from files, folders (recursively), JSONL and stdin, checking each input.
// Yields an article or an InputError per input so that one bad file never stops a batch. No NLP here.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article } from '../model/types.js';
import { InputError } from '../model/errors.js';

export interface ReadOptions {
  /** Publication date for plain text files without a date line (YYYY-MM-DD). */
  date?: string | null;
  /** Files larger than this many bytes are refused (default 50 MB). */
  maxBytes?: number;
  /** Reads standard input; injected so tests can feed it. */
  readStdin?: () => Promise<Buffer>;
}

export type ReadItem = { article: Article } | { error: InputError };

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$/;
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

/** Reads every input path in order; folders are walked recursively in name order. */
export async function* readArticles(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(options);
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      yield { error: new InputError('INPUT_UNREADABLE', `cannot read: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { where: path, cause }) };
      continue;
    }
    if (info.isDirectory()) {
      yield* readFolder(path, options);
    } else {
      yield* readFileArticles(path, info.size, options);
    }
  }
}

async function* readFolder(dir: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    yield { error: new InputError('INPUT_UNREADABLE', `cannot list folder: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { where: dir, cause }) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* readFolder(path, options);
    else yield* readArticles([path], options);
  }
}

async function* readFileArticles(path: string, size: number, options: ReadOptions): AsyncGenerator<ReadItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    yield { error: new InputError('INPUT_TOO_LARGE', `file is ${formatMB(size)}, over the limit of ${formatMB(maxBytes)} (--max-size)`, { where: path }) };
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    yield { error: new InputError('INPUT_UNREADABLE', `cannot read: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { where: path, cause }) };
    return;
  }
  const decoded = decodeText(bytes, path);
  if ('error' in decoded) {
    yield decoded;
    return;
  }
  if (JSONL_EXT.has(extname(path).toLowerCase())) {
    yield* parseJsonl(decoded.text, path);
  } else {
    yield { article: parseTextArticle(decoded.text, idFromPath(path), path, options.date ?? null) };
  }
}

async function* readStdin(options: ReadOptions): AsyncGenerator<ReadItem> {
  const read = options.readStdin ?? readProcessStdin;
  const bytes = await read();
  const decoded = decodeText(bytes, '-');
  if ('error' in decoded) {
    yield decoded;
    return;
  }
  if (decoded.text.trimStart().startsWith('{')) yield* parseJsonl(decoded.text, '-');
  else yield { article: parseTextArticle(decoded.text, 'stdin', '-', options.date ?? null) };
}

async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Checks that bytes are non-empty UTF-8 text; strips a byte-order mark. */
export function decodeText(bytes: Buffer, where: string): { text: string } | { error: InputError } {
  if (bytes.length === 0) return { error: new InputError('INPUT_EMPTY', 'file is empty', { where }) };
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (head.includes(0)) return { error: new InputError('INPUT_BINARY', 'binary file (NUL bytes), not text', { where }) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    return { error: new InputError('INPUT_ENCODING', `not valid UTF-8 (first bad byte at offset ${at})`, { where, cause }) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { error: new InputError('INPUT_EMPTY', 'file holds only white space', { where }) };
  return { text };
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

/** A text article: a first line `date YYYY-MM-DD <title>` gives date and title; offsets stay into the whole text. */
export function parseTextArticle(text: string, id: string, origin: string, fallbackDate: string | null): Article {
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  const m = DATE_LINE.exec(firstLine);
  if (m) {
    return { id, origin, date: validDate(m[1]) ? m[1] : fallbackDate, title: m[2].trim() || null, url: null, text };
  }
  return { id, origin, date: fallbackDate, title: null, url: null, text };
}

function* parseJsonl(text: string, path: string): Generator<ReadItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      yield { error: new InputError('INPUT_FORMAT', `not JSON: ${(cause as Error).message}`, { where, cause }) };
      continue;
    }
    const result = articleFromJson(value, where);
    yield result;
  }
}

function articleFromJson(value: unknown, where: string): ReadItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: new InputError('INPUT_FORMAT', 'expected an object {id, date, title, text, url}', { where }) };
  }
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string' || v.text.trim() === '') {
    return { error: new InputError('INPUT_EMPTY', 'missing or empty "text"', { where }) };
  }
  if (v.id === undefined || v.id === null || (typeof v.id !== 'string' && typeof v.id !== 'number')) {
    return { error: new InputError('INPUT_FORMAT', 'missing "id" (a string or number)', { where }) };
  }
  let date: string | null = null;
  if (typeof v.date === 'string' && v.date.trim() !== '') {
    const d = v.date.trim().slice(0, 10);
    if (!validDate(d)) return { error: new InputError('INPUT_FORMAT', `"date" is not YYYY-MM-DD: ${JSON.stringify(v.date)}`, { where }) };
    date = d;
  }
  return {
    article: {
      id: String(v.id),
      origin: where,
      date,
      title: typeof v.title === 'string' && v.title.trim() ? v.title : null,
      url: typeof v.url === 'string' ? v.url : null,
      text: v.text,
    },
  };
}

export function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function idFromPath(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
