// Reads a YAML list file and validates each entry against a schema, with file and line in every error.
// Returns entries with their line numbers; never reads files it was not given.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isSeq } from 'yaml';
import type { z } from 'zod';
import { DictionaryError } from '../model/errors.js';

export interface Located<T> {
  value: T;
  file: string;
  line: number;
}

export interface YamlProblem {
  file: string;
  line: number;
  message: string;
}

/** Parses `file` as a YAML sequence; invalid entries go to `problems` (or throw when none is given). */
export function readYamlList<S extends z.ZodType>(file: string, schema: S, problems?: YamlProblem[]): Located<z.infer<S>>[] {
  const report = (line: number, message: string) => {
    if (problems) problems.push({ file, line, message });
    else throw new DictionaryError(message, { where: `${file}:${line}` });
  };
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new DictionaryError(`cannot read: ${(cause as Error).message}`, { where: file, cause });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) report(lineCounter.linePos(e.pos[0]).line, `YAML: ${e.message.split('\n')[0]}`);
    return [];
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    report(1, 'expected a list of entries (lines starting with "- ")');
    return [];
  }
  const out: Located<z.infer<S>>[] = [];
  doc.contents.items.forEach((item, i) => {
    const range = (item as { range?: [number, number, number] }).range;
    const line = range ? lineCounter.linePos(range[0]).line : i + 1;
    const result = schema.safeParse((item as { toJSON: () => unknown }).toJSON());
    if (result.success) out.push({ value: result.data, file, line });
    else for (const issue of result.error.issues) report(line, `${issue.path.join('.') || 'entry'}: ${issue.message}`);
  });
  return out;
}
