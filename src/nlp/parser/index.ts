// Public entry point of the POS tagger + dependency parser: loads the shipped model once per path.
// Must not train; keep this the only module the pipeline imports.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from './model-io.js';
import type { DependencyParser, ParseResult } from './parser.js';

export type { DependencyParser, ParseResult };
export { readConllu, writeConllu, readConlluFile, sentenceWords } from './conllu.js';

export const MODEL_FILE = 'model.bin.gz';

/** Repository root: the nearest ancestor of this module holding package.json (works from src/ and dist/src/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('parser/index.ts: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function defaultModelDir(): string {
  return join(repoRoot(), 'data', 'models', 'parser');
}

const cache = new Map<string, DependencyParser>();

/** Loads the shipped model from data/models/parser/ (or `modelDir`); cached per directory. */
export function loadParser(modelDir?: string): DependencyParser {
  const dir = resolve(modelDir ?? defaultModelDir());
  let p = cache.get(dir);
  if (!p) {
    p = loadModel(join(dir, MODEL_FILE));
    cache.set(dir, p);
  }
  return p;
}
