// Parses and compiles the event pattern files (data/events/*.txt): `CODE | PATTERN | EXAMPLE` a line.
// Compiling indexes patterns by their trigger word so matching tries only the patterns a token can start.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError } from '../model/errors.js';

/** The code of a blocking pattern: it wins its place like any pattern and then codes nothing. */
export const BLOCK = '---';

export type PatternElement =
  /** `adjacent`: written joined to the word before by `_` (`new_economic_relations`): it must follow it directly. */
  | { kind: 'word'; alts: string[]; optional: boolean; adjacent?: boolean }
  | { kind: 'slot'; slot: 'target' | 'source' | 'pair' };

export interface EventPattern {
  /** `file:line`, the rule id written into every event it codes. */
  id: string;
  code: string;
  /** `032:033`: the code of the act the target does to the source by the same words (a visit is also hosted). */
  reverse: string | null;
  text: string;
  elements: PatternElement[];
  example: string;
  /** Number of word elements: longer patterns win over shorter ones at the same place. */
  words: number;
  hasTarget: boolean;
  hasSource: boolean;
  hasPair: boolean;
  /**
   * `{pair} agree`: a leading `{pair}` (not among `elements`) asks for a compound subject (`A and B agree`) whose
   * members act on each other: A to B and B to A. With any other subject the pattern codes nothing.
   */
  pairSubject: boolean;
  /** `{target+place}`: the target may be a place (`fired at Seoul`); a plain `{target}` takes a place only after `in`/`at`. */
  placeTarget: boolean;
}

export interface EventPatterns {
  all: EventPattern[];
  /** Patterns by each alternative of their first (trigger) word. */
  byTrigger: Map<string, EventPattern[]>;
}

export interface PatternProblem {
  file: string;
  line: number;
  message: string;
}

/** A pattern the coder's own rules stand behind (`rule:reported-accusation`): one word, a target, no file line. */
export function rulePattern(id: string, code: string, text: string, word: string): EventPattern {
  return {
    id,
    code,
    reverse: null,
    placeTarget: false,
    text,
    elements: [{ kind: 'word', alts: [word], optional: false }],
    example: '',
    words: 1,
    hasTarget: true,
    hasSource: false,
    hasPair: false,
    pairSubject: false,
  };
}

/** Reads every `*.txt` in `dir` except discards.txt. */
export function loadEventPatterns(dir: string, knownCodes: Set<string>, problems?: PatternProblem[]): EventPatterns {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== 'discards.txt').sort();
  const all: EventPattern[] = [];
  for (const f of files) all.push(...parsePatternFile(join(dir, f), knownCodes, problems));
  return compilePatterns(all);
}

export function compilePatterns(all: EventPattern[]): EventPatterns {
  const byTrigger = new Map<string, EventPattern[]>();
  for (const p of all) {
    const first = p.elements[0];
    if (first.kind !== 'word') continue;
    for (const alt of first.alts) {
      let list = byTrigger.get(alt);
      if (!list) byTrigger.set(alt, (list = []));
      list.push(p);
    }
  }
  for (const list of byTrigger.values()) list.sort((a, b) => b.words - a.words || b.code.length - a.code.length);
  return { all, byTrigger };
}

export function parsePatternFile(file: string, knownCodes: Set<string>, problems?: PatternProblem[]): EventPattern[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: EventPattern[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const id = `${file.split('/').slice(-2).join('/')}:${i + 1}`;
    try {
      out.push(parsePatternLine(line, id, knownCodes));
    } catch (e) {
      if (!problems) throw new DictionaryError((e as Error).message, { where: `${file}:${i + 1}` });
      problems.push({ file, line: i + 1, message: (e as Error).message });
    }
  });
  return out;
}

/** One line: `CODE | PATTERN | EXAMPLE`. Throws a plain Error with the reason. */
export function parsePatternLine(line: string, id: string, knownCodes: Set<string>): EventPattern {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length !== 3) throw new Error(`expected CODE | PATTERN | EXAMPLE, found ${cells.length} cell(s)`);
  const [codes, text, example] = cells;
  // `CODE:REVERSE` also codes the reverse act, target to source (`032:033`: X visits Y, Y hosts X).
  const [code, reverse = null, extra] = codes.split(':').map((c) => c.trim());
  if (extra !== undefined || reverse === '') throw new Error(`expected CODE or CODE:REVERSE, found ${JSON.stringify(codes)}`);
  // `---` marks a blocking pattern: a phrasing that matches but codes nothing (`contribute money` is no aid).
  if (code !== BLOCK && !knownCodes.has(code)) throw new Error(`unknown CAMEO code ${JSON.stringify(code)}`);
  if (reverse !== null && (code === BLOCK || !knownCodes.has(reverse))) throw new Error(`unknown reverse CAMEO code ${JSON.stringify(reverse)}`);
  if (!text) throw new Error('empty pattern');
  const pairSubject = /^\{pair\}\s/i.test(text);
  const elements = parsePattern(pairSubject ? text.replace(/^\{pair\}\s+/i, '') : text);
  if (pairSubject && elements.some((e) => e.kind === 'slot')) throw new Error('a pattern that starts with {pair} (a compound subject) takes no other slot');
  return {
    id,
    code,
    reverse,
    text,
    elements,
    example,
    words: elements.filter((e) => e.kind === 'word').length,
    hasTarget: elements.some((e) => e.kind === 'slot' && e.slot === 'target'),
    hasSource: elements.some((e) => e.kind === 'slot' && e.slot === 'source'),
    hasPair: elements.some((e) => e.kind === 'slot' && e.slot === 'pair'),
    pairSubject,
    placeTarget: /\{target\+place\}/i.test(text),
  };
}

export function parsePattern(text: string): PatternElement[] {
  const elements: PatternElement[] = [];
  for (const part of text.split(/\s+/).filter(Boolean)) {
    const slot = /^\{(target|source|pair|T|S)(?:\+place)?\}$/i.exec(part);
    if (slot) {
      const name = slot[1].toLowerCase();
      if (/\+place/i.test(part) && name !== 'target' && name !== 't') throw new Error(`only a target slot may take places: ${JSON.stringify(part)}`);
      elements.push({ kind: 'slot', slot: name === 't' ? 'target' : name === 's' ? 'source' : (name as 'target' | 'source' | 'pair') });
      continue;
    }
    const optional = part.startsWith('(') && part.endsWith(')');
    const body = optional ? part.slice(1, -1) : part;
    if (/[{}()|]/.test(body)) throw new Error(`cannot read pattern element ${JSON.stringify(part)}`);
    // `new_economic_relations`: words joined by `_` stand next to each other, with nothing between.
    const joined = body.split('_');
    if (joined.length > 1 && (optional || joined.some((w) => !w))) throw new Error(`cannot read joined words ${JSON.stringify(part)}`);
    joined.forEach((w, i) => {
      const alts = w.split('/').map((a) => a.toLowerCase()).filter(Boolean);
      if (!alts.length) throw new Error(`empty pattern element in ${JSON.stringify(text)}`);
      elements.push(i > 0 ? { kind: 'word', alts, optional, adjacent: true } : { kind: 'word', alts, optional });
    });
  }
  const first = elements[0];
  if (!first || first.kind !== 'word' || first.optional) throw new Error('a pattern must start with a (non-optional) trigger word');
  const slots = elements.filter((e) => e.kind === 'slot') as { slot: string }[];
  if (new Set(slots.map((s) => s.slot)).size !== slots.length) throw new Error('a slot appears twice');
  return elements;
}
