// Reads and writes CoNLL-U (UD v2): sentences with comments, multiword-token lines and empty nodes.
// Pure syntax only: it must not normalise or alter field values, so writeConllu(readConllu(x)) round-trips.
import { readFileSync } from 'node:fs';

/** One CoNLL-U line: a word (`7`), a multiword token (`1-2`) or an empty node (`8.1`). All fields kept verbatim. */
export interface ConlluToken {
  id: string;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: string;
  deprel: string;
  deps: string;
  misc: string;
}

export interface ConlluSentence {
  comments: string[]; // without the leading '#', e.g. ' text = ...'
  tokens: ConlluToken[];
}

/** The syntactic words of a sentence (no multiword-token lines, no empty nodes), as parallel arrays. */
export interface WordView {
  form: string[];
  upos: string[];
  xpos: string[];
  /** 1-based head per word, 0 = root, -1 = unannotated ('_'). */
  head: Int32Array;
  deprel: string[];
}

const WORD_ID = /^[1-9][0-9]*$/;
const MWT_ID = /^[1-9][0-9]*-[1-9][0-9]*$/;
const EMPTY_ID = /^[0-9]+\.[1-9][0-9]*$/;
const HEAD = /^(0|[1-9][0-9]*)$/;

export function isWordId(id: string): boolean {
  return WORD_ID.test(id);
}

/** Parses CoNLL-U text. `source` names the input in error messages (file path or '<string>'). */
export function readConllu(text: string, source = '<string>'): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let comments: string[] = [];
  let tokens: ConlluToken[] = [];
  let nextWord = 1;
  let startLine = 1;
  const flush = (lineNo: number): void => {
    if (tokens.length === 0) {
      if (comments.length > 0) throw new Error(`${source}:${lineNo}: sentence has comments but no token lines`);
      return;
    }
    if (nextWord === 1) throw new Error(`${source}:${startLine}: sentence has no word lines`);
    const n = nextWord - 1;
    for (const t of tokens) {
      if (!WORD_ID.test(t.id) || t.head === '_') continue;
      if (Number(t.head) > n) throw new Error(`${source}: sentence starting at line ${startLine}: head ${t.head} of word ${t.id} is beyond the last word ${n}`);
    }
    out.push({ comments, tokens });
    comments = [];
    tokens = [];
    nextWord = 1;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const lineNo = i + 1;
    if (line.trim() === '') {
      flush(lineNo);
      continue;
    }
    if (tokens.length === 0 && comments.length === 0) startLine = lineNo;
    if (line.startsWith('#')) {
      if (tokens.length > 0) throw new Error(`${source}:${lineNo}: comment line after token lines (missing blank line between sentences?)`);
      comments.push(line.slice(1));
      continue;
    }
    const f = line.split('\t');
    if (f.length !== 10) throw new Error(`${source}:${lineNo}: expected 10 tab-separated fields, found ${f.length}`);
    const [id, form, lemma, upos, xpos, feats, head, deprel, deps, misc] = f;
    if (WORD_ID.test(id)) {
      if (Number(id) !== nextWord) throw new Error(`${source}:${lineNo}: word id ${id} out of sequence (expected ${nextWord})`);
      nextWord++;
      if (head !== '_' && !HEAD.test(head)) throw new Error(`${source}:${lineNo}: invalid HEAD '${head}'`);
      if (head === id) throw new Error(`${source}:${lineNo}: word ${id} is its own head`);
    } else if (MWT_ID.test(id)) {
      const [a, b] = id.split('-').map(Number);
      if (a !== nextWord || b <= a) throw new Error(`${source}:${lineNo}: invalid multiword token range ${id}`);
    } else if (!EMPTY_ID.test(id)) {
      throw new Error(`${source}:${lineNo}: invalid ID '${id}'`);
    }
    tokens.push({ id, form, lemma, upos, xpos, feats, head, deprel, deps, misc });
  }
  flush(lines.length);
  return out;
}

export function readConlluFile(path: string): ConlluSentence[] {
  return readConllu(readFileSync(path, 'utf8'), path);
}

/** Serialises sentences; each is followed by a blank line, as the format requires. */
export function writeConllu(sentences: ConlluSentence[]): string {
  const parts: string[] = [];
  for (const s of sentences) {
    for (const c of s.comments) parts.push('#' + c);
    for (const t of s.tokens) {
      parts.push([t.id, t.form, t.lemma, t.upos, t.xpos, t.feats, t.head, t.deprel, t.deps, t.misc].join('\t'));
    }
    parts.push('');
  }
  return parts.length ? parts.join('\n') + '\n' : '';
}

export function sentenceWords(s: ConlluSentence): WordView {
  const words = s.tokens.filter((t) => WORD_ID.test(t.id));
  const head = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) head[i] = words[i].head === '_' ? -1 : Number(words[i].head);
  return {
    form: words.map((w) => w.form),
    upos: words.map((w) => w.upos),
    xpos: words.map((w) => w.xpos),
    head,
    deprel: words.map((w) => w.deprel),
  };
}
