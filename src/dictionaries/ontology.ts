// Loads the CAMEO ontology table (data/ontology/cameo.tsv): names, Goldstein values, quad classes, PLOVER mapping;
// and the names of PLOVER's contexts (data/ontology/plover.yaml).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DictionaryError } from '../model/errors.js';

export interface CameoEntry {
  code: string;
  name: string;
  goldstein: number;
  quadClass: number;
  ploverEvent: string | null;
  ploverMode: string | null;
  ploverContext: string[];
  description: string;
}

export type Ontology = Map<string, CameoEntry>;

const COLUMNS = ['code', 'name', 'goldstein', 'quad_class', 'plover_event', 'plover_mode', 'plover_context', 'description'];

export function loadOntology(file: string): Ontology {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0].trim().split('\t');
  if (COLUMNS.some((c, i) => header[i] !== c)) {
    throw new DictionaryError(`header must be: ${COLUMNS.join(' | ')}`, { where: `${file}:1` });
  }
  const out: Ontology = new Map();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t');
    const where = `${file}:${i + 1}`;
    const [code, name, goldstein, quad, event, mode, context, description] = cells;
    if (!/^\d{2,4}$/.test(code ?? '')) throw new DictionaryError(`bad CAMEO code ${JSON.stringify(code)}`, { where });
    if (out.has(code)) throw new DictionaryError(`CAMEO code ${code} listed twice`, { where });
    const g = Number(goldstein);
    const q = Number(quad);
    if (!Number.isFinite(g) || g < -10 || g > 10) throw new DictionaryError(`Goldstein value must be a number from -10 to 10`, { where });
    if (![1, 2, 3, 4].includes(q)) throw new DictionaryError(`quad class must be 1-4`, { where });
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
