// Loads the CAMEO ontology table (data/ontology/cameo.tsv): names, Goldstein values, quad classes, PLOVER mapping;
// a dictionary folder's own event codes (events/codes.tsv); and the names of PLOVER's contexts (data/ontology/plover.yaml).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DictionaryError } from '../model/errors.js';

export interface CameoEntry {
  code: string;
  name: string;
  /** Null only for a code a dictionary folder declares (events/codes.tsv) without a Goldstein value. */
  goldstein: number | null;
  /** Null only for a declared code without a quad class. */
  quadClass: number | null;
  ploverEvent: string | null;
  ploverMode: string | null;
  ploverContext: string[];
  description: string;
}

export type Ontology = Map<string, CameoEntry>;

export const ONTOLOGY_COLUMNS = ['code', 'name', 'goldstein', 'quad_class', 'plover_event', 'plover_mode', 'plover_context', 'description'];

export interface CodeProblem {
  file: string;
  line: number;
  message: string;
}

/** Reads data/ontology/cameo.tsv: every value is required. */
export function loadOntology(file: string): Ontology {
  return readCodeTable(file, { declared: false });
}

/**
 * Reads a dictionary folder's own event codes (`events/codes.tsv`, the columns of cameo.tsv) and returns `cameo` with
 * them added. Goldstein and quad class may be empty (unknown: null in the records); a code listed twice, a code CAMEO
 * already has, and a bad number are errors, thrown at the first or, with `problems`, each collected and the line skipped.
 */
export function addDeclaredCodes(cameo: Ontology, file: string, problems?: CodeProblem[]): Ontology {
  const out: Ontology = new Map(cameo);
  for (const [code, entry] of readCodeTable(file, { declared: true, cameo, problems })) out.set(code, entry);
  return out;
}

/** Codes of a declared-code file: digits, then letters or digits (PETRARCH's `903`, `0874`, `1041a`). */
const DECLARED_CODE = /^\d{2,}[0-9A-Za-z]*$/;

function readCodeTable(file: string, opts: { declared: boolean; cameo?: Ontology; problems?: CodeProblem[] }): Ontology {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Ontology = new Map();
  const fail = (line: number, message: string) => {
    if (!opts.problems) throw new DictionaryError(message, { where: `${file}:${line}` });
    opts.problems.push({ file, line, message });
  };
  // The header is the first line that is not a `#` comment.
  let h = 0;
  while (h < lines.length - 1 && lines[h].startsWith('#')) h++;
  const header = (lines[h] ?? '').replace(/\r$/, '').trim().split('\t');
  if (ONTOLOGY_COLUMNS.some((c, i) => header[i] !== c)) {
    fail(h + 1, `header must be: ${ONTOLOGY_COLUMNS.join(' | ')}`);
    return out;
  }
  for (let i = h + 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, name, goldstein, quad, event, mode, context, description] = line.split('\t');
    const bad = (message: string) => fail(i + 1, message);
    if (!opts.declared && !/^\d{2,4}$/.test(code ?? '')) { bad(`bad CAMEO code ${JSON.stringify(code)}`); continue; }
    if (opts.declared && !DECLARED_CODE.test(code ?? '')) { bad(`bad event code ${JSON.stringify(code)}: expected digits, then digits or letters (903, 1041a)`); continue; }
    if (out.has(code)) { bad(`${opts.declared ? 'event' : 'CAMEO'} code ${code} listed twice`); continue; }
    if (opts.cameo?.has(code)) { bad(`event code ${code} is already a CAMEO code (data/ontology/cameo.tsv); declare only codes CAMEO lacks`); continue; }
    const empty = (v: string | undefined) => opts.declared && !(v ?? '').trim();
    const g = empty(goldstein) ? null : Number(goldstein);
    const q = empty(quad) ? null : Number(quad);
    if (g !== null && (!(goldstein ?? '').trim() || !Number.isFinite(g) || g < -10 || g > 10)) {
      bad(`Goldstein value must be a number from -10 to 10${opts.declared ? ', or empty' : ''}`);
      continue;
    }
    if (q !== null && ![1, 2, 3, 4].includes(q)) { bad(`quad class must be 1-4${opts.declared ? ', or empty' : ''}`); continue; }
    out.set(code, {
      code,
      name: name ?? '',
      goldstein: g,
      quadClass: q,
      ploverEvent: event?.trim() || null,
      ploverMode: mode?.trim() || null,
      ploverContext: (context ?? '').split(',').map((c) => c.trim()).filter(Boolean),
      description: description ?? '',
    });
  }
  return out;
}

/** The names of PLOVER's contexts (data/ontology/plover.yaml, `contexts:`); an empty set when the file is missing. */
export function loadPloverContexts(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new DictionaryError(`YAML: ${(cause as Error).message.split('\n')[0]}`, { where: file, cause });
  }
  const contexts = (doc as { contexts?: unknown } | null)?.contexts;
  if (!Array.isArray(contexts)) throw new DictionaryError('expected a `contexts:` list', { where: file });
  return new Set(contexts.map((c) => (c as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string'));
}
