// `dyad dict import --format petrarch`: converts PETRARCH/TABARI verb, actor, agent, issue and discard dictionaries
// into a dyad dictionary folder, and reports every line it could not convert (or converted with a loss). Never drops silently.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';
import { DictionaryError } from '../model/errors.js';
import { readCodeList } from './check.js';
import { BLOCK, parsePatternLine } from './event-patterns.js';
import { defaultDataDir } from './load.js';
import { loadOntology } from './ontology.js';
import { countrySchema } from './schema.js';
import { readYamlList } from './yaml-file.js';

export const PETRARCH_KINDS = ['verbs', 'actors', 'agents', 'issues', 'discards'] as const;
export type PetrarchKind = (typeof PETRARCH_KINDS)[number];

export interface ImportNote {
  file: string;
  line: number;
  /** skipped: nothing was written for the line; partial: written, with the loss described. */
  severity: 'skipped' | 'partial';
  message: string;
}

export interface ImportReport {
  files: { file: string; kind: PetrarchKind }[];
  counts: Record<string, number>;
  skipped: ImportNote[];
}

export interface ImportOptions {
  kind?: PetrarchKind;
  /** dyad's data folder: the CAMEO ontology, the actor code blocks and the ISO countries. */
  dataDir?: string;
}

/** Marks event files whose example sentences were generated from the patterns, not written by an analyst. */
export const GENERATED_EXAMPLES_MARK = 'dyad-import: generated-examples';

interface Line {
  text: string;
  line: number;
}

/** Decides a file's kind by its name, else by its content. */
export function detectKind(file: string, text: string): PetrarchKind {
  const name = basename(file).toLowerCase();
  for (const k of ['verbs', 'agents', 'actors', 'discards'] as const) if (name.includes(k.slice(0, -1))) return k;
  if (name.includes('issue')) return 'issues';
  if (/^---.*---\s*$/m.test(text) && /^-\s/m.test(text)) return 'verbs';
  if (/<ISSUE\b|^[nv]:\S/m.test(text)) return 'issues';
  if (/\[\s*~[A-Z]|\[\s*[A-Z]+~\s*\]/.test(text)) return 'agents';
  if (/\[[A-Za-z0-9]{3,}[^\]]*\]/.test(text)) return 'actors';
  return 'discards';
}

/** The content lines of a PETRARCH file: `<!-- ... -->` blocks, `#` comments and blank lines removed. */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  let inComment = false;
  text.split('\n').forEach((raw, i) => {
    let s = raw.replace(/\r$/, '');
    if (inComment) {
      if (s.includes('-->')) inComment = false;
      return;
    }
    if (/^\s*<!/.test(s)) {
      if (!s.includes('>') || (/<!\s*--/.test(s) && !s.includes('-->'))) inComment = true;
      return;
    }
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    if (!s.trim()) return;
    out.push({ text: s, line: i + 1 });
  });
  return out;
}

interface Ctx {
  notes: ImportNote[];
  file: string;
  cameo: Set<string>;
  blocks: Map<string, Set<'prefix' | 'role'>>;
  isoCountries: Map<string, string>;
  declared: Map<string, { kind: 'prefix' | 'role'; where: string }>;
  /** Event codes outside CAMEO, with no CAMEO parent, that the verb files use: written to events/codes.tsv. */
  eventCodes: Map<string, { name: string; where: string }>;
  /** CAMEO's codes and the declared ones: what a written pattern may use. */
  knownCodes: Set<string>;
}

const skip = (ctx: Ctx, line: number, message: string) => ctx.notes.push({ file: ctx.file, line, severity: 'skipped', message });
const partial = (ctx: Ctx, line: number, message: string) => ctx.notes.push({ file: ctx.file, line, severity: 'partial', message });

/** Converts `files` and writes the dyad folder `outDir`. */
export function importPetrarch(files: string[], outDir: string, options: ImportOptions = {}): ImportReport {
  const dataDir = options.dataDir ?? defaultDataDir();
  const blocks = new Map<string, Set<'prefix' | 'role'>>();
  readCodeList(join(dataDir, 'ontology', 'actor-roles.tsv'), blocks);
  const isoCountries = new Map<string, string>();
  for (const c of readYamlList(join(dataDir, 'actors', 'countries.yaml'), countrySchema)) isoCountries.set(c.value.code, c.value.iso2);
  const cameo = new Set(loadOntology(join(dataDir, 'ontology', 'cameo.tsv')).keys());
  const base = { cameo, blocks, isoCountries, declared: new Map(), eventCodes: new Map(), knownCodes: new Set(cameo) };
  const notes: ImportNote[] = [];
  const report: ImportReport = { files: [], counts: {}, skipped: notes };
  const actors = new ActorCollector();
  const roleWords: RoleWord[] = [];
  const eventFiles: { name: string; lines: string[] }[] = [];
  const discards: string[] = [];
  const issues: IssueEntry[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'latin1');
    } catch (cause) {
      throw new DictionaryError(`cannot read: ${(cause as Error).message}`, { where: file, cause });
    }
    const kind = options.kind ?? detectKind(file, text);
    report.files.push({ file, kind });
    const ctx: Ctx = { ...base, notes, file };
    const lines = contentLines(text);
    if (kind === 'actors') readActors(ctx, lines, actors);
    else if (kind === 'agents') roleWords.push(...readAgents(ctx, lines));
    else if (kind === 'verbs') eventFiles.push({ name: eventFileName(file), lines: readVerbs(ctx, lines) });
    else if (kind === 'discards') discards.push(...readDiscards(ctx, lines));
    else issues.push(...readIssues(ctx, lines));
  }

  mkdirSync(join(outDir, 'actors', 'people'), { recursive: true });
  mkdirSync(join(outDir, 'events'), { recursive: true });
  const written = actors.write(join(outDir, 'actors'), { ...base, notes, file: '' });
  const roles = writeRoles(join(outDir, 'actors', 'roles.yaml'), roleWords, { ...base, notes, file: '' });
  const header = (from: string) => `# Imported by \`dyad dict import --format petrarch\` from ${from}. Do not edit by hand; re-import.\n`;
  let patterns = 0;
  for (const ef of eventFiles) {
    writeFileSync(join(outDir, 'events', ef.name), `${header(ef.name)}# ${GENERATED_EXAMPLES_MARK}: the example sentences are generated from the patterns.\n${ef.lines.join('\n')}\n`);
    patterns += ef.lines.length;
  }
  writeFileSync(join(outDir, 'events', 'discards.txt'), `${header('PETRARCH discard lists')}${discards.join('\n')}${discards.length ? '\n' : ''}`);
  writeFileSync(join(outDir, 'issues.yaml'), `${header('PETRARCH issue lists')}# Not read by the coder yet: code, the phrases that mark it, and phrases that cancel it.\n${issues.length ? stringify(issues) : '[]\n'}`);
  const declared = [...base.declared.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  writeFileSync(
    join(outDir, 'actors', 'codes.tsv'),
    `# Actor code blocks used by the imported dictionaries that are not in dyad's data/ontology/actor-roles.tsv.\ncode\tkind\tmeaning\n${declared.map(([c, d]) => `${c.split('\t')[0]}\t${d.kind}\tnot a CAMEO code; used at ${d.where}`).join('\n')}${declared.length ? '\n' : ''}`,
  );
  const eventCodes = [...base.eventCodes.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  writeFileSync(
    join(outDir, 'events', 'codes.tsv'),
    `${header('PETRARCH verb dictionaries')}# Event codes the imported patterns use that CAMEO (data/ontology/cameo.tsv) lacks; Goldstein value and quad class unknown.\n` +
      `code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\tdescription\n` +
      eventCodes.map(([c, d]) => `${c}\t${d.name}\t\t\t\t\t\tnot a CAMEO code; first used at ${d.where}\n`).join(''),
  );
  report.counts = {
    ...written,
    'role words': roles,
    'event patterns': patterns,
    discards: discards.length,
    issues: issues.reduce((n, i) => n + ('phrases' in i ? i.phrases.length : 0), 0),
    'codes declared in actors/codes.tsv': declared.length,
    'event codes declared in events/codes.tsv': eventCodes.length,
    'lines not converted': notes.filter((n) => n.severity === 'skipped').length,
    'lines converted with a loss': notes.filter((n) => n.severity === 'partial').length,
  };
  return report;
}

function eventFileName(file: string): string {
  const stem = basename(file).replace(/\.txt$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${stem === 'discards' ? 'discards-verbs' : stem || 'verbs'}.txt`;
}

// ---------------------------------------------------------------------------------------------------------------
// Names and codes

const SMALL_WORDS = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'al', 'von', 'van', 'for', 'on', 'in']);

/** `MINAS_TIRITH` -> `Minas Tirith`; `U.N.` stays; small words in lower case; a leading `the` is dropped. */
export function petrarchName(raw: string): string {
  const words = raw.trim().replace(/_+$/, '').replace(/_/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length > 1 && words[0].toUpperCase() === 'THE') words.shift();
  return words
    .map((w, i) => {
      if (w.includes('.')) return w.toUpperCase();
      if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
      return w
        .toLowerCase()
        .replace(/(^|[-'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
    })
    .join(' ');
}

/** Name variants written to the dictionary: Title Case, `Barad-dur` for hyphens, `Israeli troops` for phrases. */
function nameVariants(name: string, phrase: boolean): string[] {
  const out = [name];
  const hyphen = name.replace(/-(\p{Lu})/gu, (_m, c: string) => `-${c.toLowerCase()}`);
  if (hyphen !== name) out.push(hyphen);
  const words = name.split(' ');
  if (phrase && words.length > 1) {
    const sentence = [words[0], ...words.slice(1).map((w) => (w.includes('.') ? w : w.toLowerCase()))].join(' ');
    if (!out.includes(sentence)) out.push(sentence);
  }
  return out;
}

/** Normalises a PETRARCH actor or agent code; null (with a note) when dyad cannot hold it. */
function actorCode(ctx: Ctx, raw: string, line: number, what: string): string | null {
  let code = raw.trim();
  if (/^(---|\+\+\+|###)$/.test(code)) {
    skip(ctx, line, `${what}: null code [${code}] (PETRARCH's "do not code"); dyad has no null actor code`);
    return null;
  }
  if (code.includes('/')) {
    const first = code.split('/')[0];
    partial(ctx, line, `${what}: several codes [${code}]; a dyad date-bounded role holds one code: kept ${first.toUpperCase()}`);
    code = first;
  }
  if (code !== code.toUpperCase()) {
    partial(ctx, line, `${what}: code [${code}] written in upper case`);
    code = code.toUpperCase();
  }
  if (!/^([A-Z0-9]{3})+$/.test(code)) {
    skip(ctx, line, `${what}: code [${code}] is not made of three-letter blocks`);
    return null;
  }
  return code;
}

/** Declares the code's blocks that dyad does not know (actors/codes.tsv), so `dyad dict check` accepts them. */
function declareBlocks(ctx: Ctx, code: string, line: number, countries: Set<string>, roleOnly = false): void {
  const where = `${basename(ctx.file)}:${line}`;
  const declare = (b: string, kind: 'prefix' | 'role') => {
    if (ctx.blocks.get(b)?.has(kind) || ctx.declared.has(`${b}\t${kind}`)) return;
    ctx.declared.set(`${b}\t${kind}`, { kind, where });
  };
  const first = code.slice(0, 3);
  if (roleOnly) {
    for (let i = 0; i < code.length; i += 3) declare(code.slice(i, i + 3), 'role');
    return;
  }
  if (countries.has(first) || ctx.isoCountries.has(first)) {
    for (let i = 3; i < code.length; i += 3) declare(code.slice(i, i + 3), 'role');
  } else if (!ctx.blocks.get(first)?.has('prefix')) declare(first, 'prefix');
}

/** PETRARCH dates: YYYYMMDD or YYMMDD (two-digit years below 30 are 20xx). */
function petrarchDate(raw: string): string | null {
  const s = raw.trim();
  let y: string, m: string, d: string;
  if (/^\d{8}$/.test(s)) [y, m, d] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)];
  else if (/^\d{6}$/.test(s)) [y, m, d] = [(Number(s.slice(0, 2)) < 30 ? '20' : '19') + s.slice(0, 2), s.slice(2, 4), s.slice(4, 6)];
  else return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return null;
  return `${y}-${m}-${d}`;
}

const DAY = 86400000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------------
// Actors

interface Restriction {
  code: string | null;
  from: string | null;
  to: string | null;
  line: number;
}

interface ActorRecord {
  file: string;
  line: number;
  names: Line[];
  code: string | null;
  /** `[ELR/GAL]`: a name for several actors, written as a group (a compound actor). */
  group: string[] | null;
  codeLine: number;
  hasCode: boolean;
  restrictions: Restriction[];
}

const NON_STATE_KIND: Record<string, 'IGO' | 'NGO' | 'MNC' | 'REB' | 'OTHER'> = { IGO: 'IGO', NGO: 'NGO', NGM: 'NGO', MNC: 'MNC' };
const ADJECTIVE = /(an|ese|ish|ch|i|ic)$/i;

class ActorCollector {
  records: { record: ActorRecord; ctx: Ctx }[] = [];

  add(record: ActorRecord, ctx: Ctx) {
    this.records.push({ record, ctx });
  }

  write(dir: string, baseCtx: Ctx): Record<string, number> {
    const countries = new Map<string, { names: string[]; adjectives: string[]; demonyms: string[]; where: string }>();
    const organisations: object[] = [];
    const institutions: object[] = [];
    const people: object[] = [];
    const groups: object[] = [];
    // Bare three-letter codes are countries (PETRARCH's convention); collect them first so blocks can be checked.
    const bare = new Set<string>();
    for (const { record } of this.records) {
      if (!record.restrictions.some((r) => r.from || r.to) && record.code && /^[A-Z]{3}$/.test(record.code) && !NON_STATE_KIND[record.code] && !baseCtx.blocks.get(record.code)?.has('prefix')) bare.add(record.code);
    }
    for (const { record, ctx } of this.records) {
      const names = record.names.map((n) => petrarchName(n.text)).filter(Boolean);
      const dated = record.restrictions.filter((r) => r.from || r.to);
      const undated = record.restrictions.filter((r) => !r.from && !r.to);
      let code = record.code;
      if (undated.length) {
        if (code && undated.some((u) => u.code !== code)) partial(ctx, undated[0].line, `a second default code [${undated[0].code}] after [${code}]; kept the first`);
        code = code ?? undated[0].code;
      }
      if (record.group) {
        if (record.restrictions.length) partial(ctx, record.line, `${names[0]}: several codes [${record.group.join('/')}] and date restrictions; the restrictions are dropped`);
        for (const c of record.group) declareBlocks(ctx, c, record.codeLine, bare);
        groups.push({ name: names[0], aliases: [...new Set(names.flatMap((n) => nameVariants(n, true)))].filter((n) => n !== names[0]), codes: record.group });
        continue;
      }
      if (dated.length) {
        const roles = partition(dated, code);
        if (dated.some((r) => r.code === null)) {
          partial(ctx, record.line, `${names[0]}: a null code for a date range cannot be expressed; dyad gives the nearest role's code there`);
        }
        for (const r of roles) declareBlocks(ctx, r.code, record.line, bare);
        if (!roles.length) {
          skip(ctx, record.line, `${names[0]}: no usable code in any date restriction`);
          continue;
        }
        people.push({ name: names[0], aliases: names.slice(1), roles: roles.map((r) => ({ code: r.code, ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) })) });
        continue;
      }
      if (!code) {
        if (!record.hasCode) skip(ctx, record.line, `${names[0] ?? 'entry'}: no code`);
        continue;
      }
      declareBlocks(ctx, code, record.codeLine, bare);
      if (bare.has(code)) {
        let c = countries.get(code);
        if (!c) countries.set(code, (c = { names: [], adjectives: [], demonyms: [], where: `${basename(ctx.file)}:${record.line}` }));
        for (const n of names) {
          if (c.names.includes(n) || c.adjectives.includes(n) || c.demonyms.includes(n)) continue;
          if (c.names.length && c.names.some((x) => n === `${x}s`)) c.demonyms.push(n);
          else if (c.names.length && ADJECTIVE.test(n) && !n.includes(' ')) c.adjectives.push(n);
          else c.names.push(n);
        }
      } else if (NON_STATE_KIND[code.slice(0, 3)] || baseCtx.blocks.get(code.slice(0, 3))?.has('prefix')) {
        const variants = names.flatMap((n) => nameVariants(n, true));
        organisations.push({ code, name: variants[0], aliases: [...new Set(variants.slice(1))], kind: NON_STATE_KIND[code.slice(0, 3)] ?? 'OTHER', country: null });
      } else {
        institutions.push({ code, names: [...new Set(names.flatMap((n) => nameVariants(n, true)))] });
      }
    }
    const used2 = new Set<string>([...baseCtx.isoCountries.values()]);
    const spare = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((l) => `X${l}`).concat([...'MNOPQRSTUVWXYZ'].map((l) => `Q${l}`), ['AA', 'ZZ']);
    const taken = new Set<string>();
    const countryList = [...countries.entries()].map(([code, c]) => {
      let iso2 = baseCtx.isoCountries.get(code);
      if (!iso2) {
        iso2 = !used2.has(code.slice(0, 2)) && !taken.has(code.slice(0, 2)) ? code.slice(0, 2) : (spare.find((s) => !taken.has(s)) ?? code.slice(0, 2));
      }
      taken.add(iso2);
      const [name, ...aliases] = c.names.length ? c.names : [...c.adjectives.splice(0, 1)];
      return { code, iso2, name, aliases, adjectives: c.adjectives, demonyms: c.demonyms };
    });
    const head = '# Imported by `dyad dict import --format petrarch`. Do not edit by hand; re-import.\n';
    const write = (file: string, note: string, list: object[]) => writeFileSync(join(dir, file), `${head}${note}${list.length ? stringify(list) : '[]\n'}`);
    write('countries.yaml', '# PETRARCH bare three-letter codes. iso2: the real ISO code for ISO countries; otherwise the first two\n# letters of the code, or a user-assigned code (X?, Q?) where those are taken: a placeholder, not a fact.\n', countryList);
    write('organisations.yaml', '', organisations);
    write('institutions.yaml', '# PETRARCH actors with a country+role code and no dates.\n', institutions);
    write(join('people', 'imported.yaml'), '# PETRARCH actors with date restrictions (whatever they name): one role per date range.\n', people);
    write('groups.yaml', '# PETRARCH actors with several codes ([A/B]): each name stands for all of them, one event per code.\n', groups);
    return { countries: countryList.length, organisations: organisations.length, institutions: institutions.length, 'people (dated actors)': people.length, 'groups (several codes)': groups.length };
  }
}

/**
 * PETRARCH date restrictions, first listed first served, become disjoint dyad roles; the default code fills the gaps.
 * (dyad prefers the role that started last where roles overlap, so disjoint ranges keep PETRARCH's meaning.)
 */
function partition(dated: Restriction[], fallback: string | null): { code: string; from: string | null; to: string | null }[] {
  const MIN = '0000-01-01';
  const MAX = '9999-12-31';
  const claimed: [string, string][] = [];
  const out: { code: string; from: string; to: string }[] = [];
  const free = (from: string, to: string): [string, string][] => {
    let pieces: [string, string][] = [[from, to]];
    for (const [a, b] of claimed) {
      pieces = pieces.flatMap(([x, y]): [string, string][] => {
        if (b < x || a > y) return [[x, y]];
        const res: [string, string][] = [];
        if (x < a) res.push([x, shift(a, -1)]);
        if (b < y) res.push([shift(b, 1), y]);
        return res;
      });
    }
    return pieces;
  };
  for (const r of dated) {
    const from = r.from ?? MIN;
    const to = r.to ?? MAX;
    if (r.code) for (const [a, b] of free(from, to)) out.push({ code: r.code, from: a, to: b });
    claimed.push([from, to]);
  }
  if (fallback) for (const [a, b] of free(MIN, MAX)) out.push({ code: fallback, from: a, to: b });
  out.sort((a, b) => (a.from < b.from ? -1 : 1));
  return out.map((r) => ({ code: r.code, from: r.from === MIN ? null : r.from, to: r.to === MAX ? null : r.to }));
}

function readActors(ctx: Ctx, lines: Line[], out: ActorCollector): void {
  let cur: ActorRecord | null = null;
  const flush = () => {
    if (cur) out.add(cur, ctx);
    cur = null;
  };
  for (const { text, line } of lines) {
    const body = text.replace(/;.*$/, '');
    if (/^\s+\[/.test(body) || (/^\s*\[/.test(body) && cur)) {
      if (!cur) {
        skip(ctx, line, 'a date restriction with no actor before it');
        continue;
      }
      const m = /^\s*\[\s*([^\s\]<>]+)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*\]/.exec(body);
      if (!m) {
        skip(ctx, line, `cannot read the date restriction ${JSON.stringify(body.trim())}`);
        continue;
      }
      const rawCode = m[1];
      if (/^\d/.test(rawCode)) {
        skip(ctx, line, `date restriction without a code: ${body.trim()}`);
        continue;
      }
      const isNull = rawCode === '---';
      const code = isNull ? null : actorCode(ctx, rawCode, line, petrarchName(cur.names[0]?.text ?? ''));
      if (!isNull && !code) continue;
      let from: string | null = null;
      let to: string | null = null;
      if (m[2]) {
        const d = petrarchDate(m[3]);
        if (!d) {
          skip(ctx, line, `bad date ${m[3]}`);
          continue;
        }
        if (m[2] === '<') to = d;
        else from = d;
      } else if (m[4]) {
        from = petrarchDate(m[4]);
        to = petrarchDate(m[5]);
        if (!from || !to) {
          skip(ctx, line, `bad date range ${m[4]}-${m[5]}`);
          continue;
        }
      }
      if (!from && !to && isNull) {
        skip(ctx, line, 'null default code [---]');
        continue;
      }
      cur.restrictions.push({ code, from, to, line });
      cur.hasCode = true;
      continue;
    }
    const syn = /^\+\s*(.+)$/.exec(body.trim());
    if (syn && !/^\s/.test(text)) {
      if (!cur) {
        skip(ctx, line, 'a synonym with no actor before it');
        continue;
      }
      const name = syn[1].replace(/\[.*$/, '').trim();
      if (name) cur.names.push({ text: name, line });
      if (/\[/.test(syn[1])) partial(ctx, line, 'a code on a synonym line is ignored; the primary phrase gives the code');
      continue;
    }
    flush();
    const m = /^\s*([^[\]]+?)\s*(?:\[([^\]]*)\])?\s*$/.exec(body);
    if (!m) {
      skip(ctx, line, `cannot read the actor line ${JSON.stringify(body.trim())}`);
      continue;
    }
    const rec: ActorRecord = { file: ctx.file, line, names: [{ text: m[1], line }], code: null, group: null, codeLine: line, hasCode: false, restrictions: [] };
    if (m[2] !== undefined) {
      rec.hasCode = true;
      // `LORIEN [ELR/GAL]`: the name stands for each of its codes (a group in dyad: one event per code).
      const parts = m[2].split('/').map((c) => c.trim()).filter(Boolean);
      if (parts.length > 1) {
        const codes = [...new Set(parts.map((c) => actorCode(ctx, c, line, petrarchName(m[1]))).filter((c): c is string => c !== null))];
        if (codes.length > 1) rec.group = codes;
        else rec.code = codes[0] ?? null;
      } else rec.code = actorCode(ctx, m[2], line, petrarchName(m[1]));
    }
    cur = rec;
  }
  flush();
}

// ---------------------------------------------------------------------------------------------------------------
// Agents -> roles.yaml

interface RoleWord {
  word: string;
  code: string;
  /** `[NGO~]`: the code goes before the actor's. */
  prefix: boolean;
  /** A regular plural the importer formed, as PETRARCH does: dropped without a note where the word is taken. */
  generated?: boolean;
  file: string;
  line: number;
  ctx: Ctx;
}

function readAgents(ctx: Ctx, lines: Line[]): RoleWord[] {
  const subs = new Map<string, string[]>();
  const out: RoleWord[] = [];
  for (const { text, line } of lines) {
    const sub = /^\s*!(\w+)!\s*=\s*(.+)$/.exec(text);
    if (sub) {
      subs.set(sub[1].toUpperCase(), sub[2].split(',').map((s) => s.trim()).filter(Boolean));
      continue;
    }
    const m = /^\s*([^{[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*?)\s*\][^[]*$/.exec(text);
    if (!m) {
      skip(ctx, line, `cannot read the agent line ${JSON.stringify(text.trim())}`);
      continue;
    }
    const [, phraseRaw, plural, codeRaw] = m;
    let code: string;
    const suffix = /^~([A-Za-z0-9]+)$/.exec(codeRaw);
    const prefix = /^([A-Za-z0-9]+)~$/.exec(codeRaw);
    if (suffix) code = suffix[1].toUpperCase();
    else if (prefix) code = prefix[1].toUpperCase();
    else {
      skip(ctx, line, `agent code [${codeRaw}] has no ~`);
      continue;
    }
    if (!/^([A-Z0-9]{3})+$/.test(code) || /\d/.test(code)) {
      skip(ctx, line, `agent code ${code} is not made of three-letter blocks`);
      continue;
    }
    if (/\s/.test(phraseRaw.trim())) partial(ctx, line, `"${phraseRaw.trim()}": PETRARCH allows other words between blank-separated words; dyad role phrases are consecutive words`);
    let phrases = [phraseRaw.trim()];
    const marker = /!(\w+)!/.exec(phraseRaw);
    if (marker) {
      const list = subs.get(marker[1].toUpperCase());
      if (!list) {
        skip(ctx, line, `undefined substitution marker !${marker[1]}!`);
        continue;
      }
      phrases = list.map((s) => phraseRaw.trim().replace(marker[0], s));
    }
    const words = phrases.map((p) => p.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase().replace(/\s+/g, ' ').trim());
    if (plural && plural.trim()) words.push(...plural.trim().split(/\s+/).map((p) => p.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase()));
    for (const w of words) out.push({ word: w, code, prefix: Boolean(prefix), file: ctx.file, line, ctx });
    // PETRARCH forms regular plurals itself unless `{...}` gives the plural (`{}`: none) or the phrase ends in `_`.
    // dyad matches inflections through the tagger's lemmas, which miss capitalised plurals (`Lawmakers in ...`).
    if (plural === undefined && !/_\s*$/.test(phraseRaw.trim())) {
      for (const w of words) out.push({ word: regularPlural(w), code, prefix: Boolean(prefix), file: ctx.file, line, ctx, generated: true });
    }
  }
  return out;
}

/** PETRARCH's regular plural of a phrase's last word: +S, Y -> IES, SS -> SSES. */
function regularPlural(phrase: string): string {
  if (/ss$/.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}

function writeRoles(file: string, words: RoleWord[], baseCtx: Ctx): number {
  const byCode = new Map<string, string[]>();
  const seen = new Map<string, RoleWord>();
  let n = 0;
  for (const w of words) {
    const key = w.word.replace(/-/g, ' ');
    const first = seen.get(key);
    if (first) {
      if (w.generated) continue;
      if (first.code !== w.code || first.prefix !== w.prefix) skip(w.ctx, w.line, `role word "${w.word}" is already ${first.code}${first.prefix ? ' (prefix)' : ''} at ${basename(first.file)}:${first.line}; a word has one code in dyad`);
      continue;
    }
    seen.set(key, w);
    // A prefix agent's blocks may be non-state prefixes (NGO) or roles; unknown ones are declared as prefixes.
    if (w.prefix) {
      for (let i = 0; i < w.code.length; i += 3) {
        const b = w.code.slice(i, i + 3);
        if (!w.ctx.blocks.get(b)?.size && !w.ctx.declared.has(`${b}\tprefix`)) w.ctx.declared.set(`${b}\tprefix`, { kind: 'prefix', where: `${basename(w.ctx.file)}:${w.line}` });
      }
    } else declareBlocks(w.ctx, w.code, w.line, new Set(), true);
    const codeKey = `${w.code}${w.prefix ? '~' : ''}`;
    let list = byCode.get(codeKey);
    if (!list) byCode.set(codeKey, (list = []));
    list.push(w.word);
    n++;
  }
  void baseCtx;
  const entries = [...byCode.entries()].map(([key, ws]) => (key.endsWith('~') ? { code: key.slice(0, -1), prefix: true, words: ws } : { code: key, words: ws }));
  writeFileSync(file, `# Imported by \`dyad dict import --format petrarch\` from PETRARCH agents. Do not edit by hand; re-import.\n${entries.length ? stringify(entries) : '[]\n'}`);
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Verbs -> events/*.txt

interface Verb {
  /** The words of the verb phrase; `forms` are alternatives for the word at `head`. */
  words: string[];
  head: number;
  forms: string[];
  code: string | null;
  line: number;
}

const NEGATION = new Set(['not', "n't", 'never', 'neither', 'nor', 'no', "don't", 'cannot']);
/** Words before the verb that cannot start a dyad pattern (the trigger must be a verb, noun or adjective). */
const FUNCTION_WORDS = new Set([
  'in', 'to', 'so', 'on', 'at', 'by', 'of', 'for', 'from', 'with', 'if', 'now', 'recently', 'heavily', 'unjustly', 'unexpectedly',
  'most', 'certainly', 'ever', 'really', 'forcibly', 'despite', 'and', 'or', 'the', 'a', 'an', 'its', 'their', 'out', 'up', 'down',
  'anti-', 'inching', 'also', 'just', 'only', 'again', 'back', 'about', 'over', 'into', 'than', 'then', 'when', 'while', 'whether',
]);

/** A pattern element before slots are placed: a word with alternatives, or a PETRARCH actor marker. */
/** `joined`: written after `_` (`NEW_&TIETYPES`): PETRARCH reads it as the next word, with nothing between. */
type Piece = { kind: 'words'; alts: string[][]; joined?: boolean } | { kind: 'mark'; mark: '+' | '$' | '%' | '^' } | { kind: 'verb' };

function readVerbs(ctx: Ctx, lines: Line[]): string[] {
  const synsets = new Map<string, string[][]>();
  const out: string[] = [];
  const keys = new Map<string, { code: string; line: number }>();
  let verbs: Verb[] = [];
  let blockCode: string | null = null;
  let blockName = '';
  let mode: 'none' | 'synset' | 'block' = 'none';
  let synName = '';
  const emit = (code: string, text: string, line: number, note?: string) => {
    // PETRARCH codes an event only with both a source and a target: a pattern with no slot gets a target slot at its
    // end. PETRARCH takes the target from the verb phrase whether or not it names a place (`fired at Seoul`,
    // `arrived in Gondor`): `{target+place}`.
    const pattern = /\{(target|source|pair)(\+place)?\}/.test(text) ? text : `${text} {target+place}`;
    let parsed;
    try {
      parsed = parsePatternLine(`${code} | ${pattern} | x`, 'import', ctx.knownCodes);
    } catch (e) {
      skip(ctx, line, `${pattern}: ${(e as Error).message}`);
      return;
    }
    const key = (parsed.pairSubject ? '{pair} ' : '') + parsed.elements.map((e) => (e.kind === 'slot' ? `{${e.slot}}` : `${e.adjacent ? '_' : ''}${e.optional ? '?' : ''}${[...e.alts].sort().join('/')}`)).join(' ');
    const first = keys.get(key);
    if (first) {
      if (first.code !== code) skip(ctx, line, `"${pattern}" [${code}] is the same dyad pattern as line ${first.line} [${first.code}]; kept the first`);
      else skip(ctx, line, `"${pattern}" [${code}] repeats line ${first.line} once converted`);
      return;
    }
    keys.set(key, { code, line });
    if (note) partial(ctx, line, note);
    out.push(`${code} | ${pattern} | ${exampleFor(parsed.elements, parsed.pairSubject)}`);
  };
  /**
   * A verb's or pattern's code in dyad's form. A code outside CAMEO whose first three digits are a CAMEO code becomes
   * that code (`1717` -> 171); any other code of digits (then letters) is the dictionary's own and is declared in
   * events/codes.tsv (`903`, `223`), so its phrasing codes it. Codes of other shapes (`+++`, `###`, `xxy`) are skipped.
   */
  const codeOf = (raw: string, line: number, what: string): string | null => {
    const codes = raw.split(':').map((c) => c.trim());
    if (codes[0] === '---') return null;
    const code = oneCode(codes[0], line, what);
    if (!code) {
      skip(ctx, line, `${what}: code ${codes[0]} is neither a CAMEO code in data/ontology/cameo.tsv nor a code of digits`);
      return null;
    }
    if (code !== codes[0]) partial(ctx, line, `${what}: code ${codes[0]} is not a CAMEO code; coded ${code}`);
    // `[032:033]`: the second code is the reverse event (the target acting on the source), written `032:033` in dyad.
    if (codes.length > 1 && codes[1] && codes[1] !== '---') {
      const reverse = oneCode(codes[1], line, what);
      if (reverse) return `${code}:${reverse}`;
      partial(ctx, line, `${what}: the reverse code ${codes[1]} is neither a CAMEO code nor a code of digits; dropped`);
    }
    return code;
  };
  /** The CAMEO code, the CAMEO code its first three digits make (`174K` -> 174), else a declared code; null for none. */
  const oneCode = (raw: string, line: number, what: string): string | null => {
    if (ctx.cameo.has(raw)) return raw;
    const three = /^(\d{3})[0-9A-Za-z]+$/.exec(raw)?.[1];
    if (three && ctx.cameo.has(three)) return three;
    if (!/^\d{2,}[0-9A-Za-z]*$/.test(raw)) return null;
    if (!ctx.eventCodes.has(raw)) {
      ctx.eventCodes.set(raw, { name: blockName && raw === blockCode ? `${blockName} (PETRARCH verb block)` : `PETRARCH code ${raw}`, where: `${basename(ctx.file)}:${line} (${what})` });
      ctx.knownCodes.add(raw);
    }
    return raw;
  };
  const expandSyn = (name: string, line: number, depth = 0): string[][] | null => {
    const list = synsets.get(name.toUpperCase().replace(/_$/, ''));
    if (!list || depth > 5) return null;
    const out2: string[][] = [];
    for (const phrase of list) {
      if (phrase.length === 1 && phrase[0].startsWith('&')) {
        const inner = expandSyn(phrase[0].slice(1), line, depth + 1);
        if (inner) out2.push(...inner);
      } else out2.push(phrase);
    }
    return out2;
  };

  for (const { text, line } of lines) {
    const t = text.trim();
    const header = /^---\s*(.*?)\s*---\s*$/.exec(t) ?? /^---\s*(.*)$/.exec(t);
    if (header) {
      mode = 'block';
      verbs = [];
      const code = /\[([^\]]*)\]/.exec(header[1]);
      blockCode = code ? code[1].trim() : '---';
      blockName = header[1].replace(/\[[^\]]*\]/, '').trim().replace(/_/g, ' ').toLowerCase();
      continue;
    }
    if (t.startsWith('&')) {
      mode = 'synset';
      synName = t.slice(1).split(/\s+/)[0].replace(/_$/, '').toUpperCase();
      synsets.set(synName, []);
      continue;
    }
    if (t.startsWith('+') && mode === 'synset') {
      const phrase = t.slice(1).trim().replace(/_+$/, '');
      synsets.get(synName)!.push(phrase.split(/[\s_]+/).filter(Boolean).map((w) => (w.startsWith('&') ? w.toUpperCase() : w.toLowerCase())));
      continue;
    }
    if (t.startsWith('~')) {
      skip(ctx, line, 'transformation (~ ...): dyad has no verb-verb transformations; the coder combines events itself');
      continue;
    }
    if (mode !== 'block') {
      if (mode === 'synset') mode = 'none';
      skip(ctx, line, `cannot read ${JSON.stringify(t)} outside a verb block`);
      continue;
    }
    if (t.startsWith('-')) {
      convertPattern(t.slice(1).trim(), line);
      continue;
    }
    // A verb (or multi-word verb) of the block, with optional {forms} and [code].
    const m = /^\+?\s*([^{[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(t);
    if (!m) {
      skip(ctx, line, `cannot read the verb line ${JSON.stringify(t)}`);
      continue;
    }
    const parts = m[1].replace(/_+$/, '').split(/[\s_]+/).filter(Boolean);
    let head = parts.findIndex((p) => p.startsWith('+'));
    if (head < 0) head = 0;
    const words = parts.map((p) => p.replace(/^\+/, '').toLowerCase());
    const forms = [words[head]];
    for (const f of (m[2] ?? '').split(/\s+/).filter(Boolean)) {
      const fp = f.split('_');
      const h = fp.findIndex((p) => p.startsWith('+'));
      const form = (h >= 0 ? fp[h].slice(1) : fp[Math.min(head, fp.length - 1)]).toLowerCase();
      if (form && !forms.includes(form)) forms.push(form);
    }
    const own = m[3] !== undefined ? m[3].trim() : blockCode;
    const verb: Verb = { words, head, forms, code: null, line };
    verbs.push(verb);
    if (own && own !== '---') {
      const code = codeOf(own, line, `verb ${words.join(' ')}`);
      if (code) {
        verb.code = code;
        emit(code, verbElements(verb).join(' '), line);
        // PETRARCH reads passives from the parse (`X was criticized by Y`: Y is the source); dyad needs the pattern.
        emit(code, `be ${verbElements(verb).join(' ')} by {source}`, line);
      }
    }
  }

  function verbElements(v: Verb): string[] {
    return v.words.map((w, i) => (i === v.head ? v.forms.join('/') : w));
  }

  function convertPattern(body: string, line: number): void {
    const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(body);
    if (!m) {
      skip(ctx, line, 'pattern without a [code]');
      return;
    }
    const what = `pattern "- ${m[1]}"`;
    // A null code [---] stops the verb's own code for this phrasing: a dyad blocking pattern.
    const code = m[2].trim() === BLOCK ? BLOCK : codeOf(m[2].trim(), line, what);
    if (!code) return;
    if (!verbs.length) {
      skip(ctx, line, `${what}: no verb in this block`);
      return;
    }
    // Tokens: words (joined by _, which makes them consecutive, or blanks), synsets, *, and the actor markers + $ % ^.
    const tokens = m[1].replace(/[{}()]/g, ' ').split(/\s+/).filter(Boolean)
      .flatMap((chunk) => chunk.split('_').filter(Boolean).map((tok, i) => ({ tok, joined: i > 0 })));
    const pieces: Piece[] = [];
    for (const { tok, joined } of tokens) {
      if (tok === '*') pieces.push({ kind: 'verb' });
      else if (tok === '+' || tok === '$' || tok === '%' || tok === '^') pieces.push({ kind: 'mark', mark: tok });
      else if (tok.startsWith('&')) {
        const alts = expandSyn(tok.slice(1), line);
        if (!alts) {
          skip(ctx, line, `${what}: synset ${tok} is not defined before it is used`);
          return;
        }
        pieces.push({ kind: 'words', alts, joined });
      } else pieces.push({ kind: 'words', alts: [[tok.toLowerCase()]], joined });
    }
    const verbAt = pieces.findIndex((p) => p.kind === 'verb');
    if (verbAt < 0) {
      skip(ctx, line, `${what}: no * (verb) in the pattern`);
      return;
    }
    const words = (p: Piece) => (p.kind === 'words' ? p.alts.flat() : []);
    if (pieces.some((p) => words(p).some((w) => NEGATION.has(w)))) {
      skip(ctx, line, `${what}: negation is left to dyad's coder (a negated event is not coded), not written in patterns`);
      return;
    }
    const notes: string[] = [];
    // Before the verb: leading actor markers say who the subject is; function words cannot start a dyad pattern.
    let pre = pieces.slice(0, verbAt);
    const post = pieces.slice(verbAt + 1);
    let subjectIsTarget = false;
    let compoundSubject = false;
    while (pre.length && (pre[0].kind === 'mark' || (pre[0].kind === 'words' && pre[0].alts.every((a) => FUNCTION_WORDS.has(a[0]))))) {
      const p = pre.shift()!;
      if (p.kind === 'mark') {
        if (p.mark === '+') subjectIsTarget = true;
        if (p.mark === '%') compoundSubject = true;
      } else if (p.kind === 'words') notes.push(`words before the verb dropped (dyad patterns start at their trigger): ${p.alts.map((a) => a.join(' ')).join('/')}`);
    }
    const hasSourceMark = [...pre, ...post].some((p) => p.kind === 'mark' && p.mark === '$');
    // `- % * [030]`: the subject is a compound whose members act on each other, dyad's leading `{pair}`; where the
    // pattern names another actor too, the compound is left to the coder.
    const pairSubject = compoundSubject && !subjectIsTarget && ![...pre, ...post].some((p) => p.kind === 'mark' && p.mark !== '^');
    if (compoundSubject && !pairSubject) notes.push('compound subject (%) with another actor marker left to the coder (A and B ... codes A-B for reciprocal codes)');
    if (subjectIsTarget && !hasSourceMark) {
      skip(ctx, line, `${what}: the subject is the target (+ before the verb) and no $ names the source; dyad would make the subject the source`);
      return;
    }
    // Elements: pre words, the verb, post words; + -> {target+place}, $ -> {source}, ^ dropped. A % after the verb is a
    // compound in the object: after `between`/`among` its members are the two sides ({pair}: `fighting between A and
    // B`); elsewhere it is the target, each member in turn (`agrees with A and B`: the subject with A and with B).
    const seq: Piece[] = [...pre, { kind: 'verb' }, ...post];
    const slotted: Slotted[] = [];
    for (const p of seq) {
      if (p.kind === 'mark') {
        if (p.mark === '^') continue;
        if (!slotted.length) continue;
        const last = slotted[slotted.length - 1].e;
        const sides = Array.isArray(last) && last.some((a) => a.length === 1 && (a[0] === 'between' || a[0] === 'among'));
        const slot = p.mark === '+' || (p.mark === '%' && !sides) ? '{target+place}' : p.mark === '$' ? '{source}' : '{pair}';
        if (slotted.some((s) => s.e === slot)) {
          notes.push(`a second ${p.mark} dropped`);
          continue;
        }
        slotted.push({ e: slot, joined: false });
      } else if (p.kind === 'verb') slotted.push({ e: [['*']], joined: false });
      else slotted.push({ e: p.alts, joined: p.joined ?? false });
    }
    for (const v of verbs) {
      const variants = expandElements(slotted, verbElements(v));
      if (variants.length > 64) {
        skip(ctx, line, `${what}: expands to ${variants.length} patterns (synsets of phrases); not written`);
        return;
      }
      for (const pattern of variants) emit(code, pairSubject ? `{pair} ${pattern}` : pattern, line, notes.length ? `${what}: ${notes.join('; ')}` : undefined);
      notes.length = 0;
    }
  }
  return out;
}

/** A pattern element before expansion: a slot, the verb (`[['*']]`) or word alternatives, joined by `_` or not. */
type Slotted = { e: string | string[][]; joined: boolean };

/**
 * Joins elements into dyad pattern texts: single-word alternatives as `a/b/c`, phrase alternatives as separate lines.
 * Words PETRARCH reads as consecutive (joined by `_`, and the words of a synset phrase) are joined by `_` in dyad too.
 */
function expandElements(elements: Slotted[], verb: string[]): string[] {
  // A word joined to the one before is held as `_word` until the final join.
  const glue = (o: string[], w: string, joined: boolean) => (joined && o.length && !o[o.length - 1].endsWith('}') ? `_${w}` : w);
  let outs: string[][] = [[]];
  for (const { e, joined } of elements) {
    if (typeof e === 'string') {
      outs = outs.map((o) => [...o, e]);
    } else if (e.length === 1 && e[0].length === 1 && e[0][0] === '*') {
      outs = outs.map((o) => [...o, ...verb]);
    } else if (e.every((a) => a.length === 1)) {
      const alt = [...new Set(e.map((a) => a[0]))].join('/');
      outs = outs.map((o) => [...o, glue(o, alt, joined)]);
    } else {
      outs = outs.flatMap((o) => e.map((a) => [...o, glue(o, a[0], joined), ...a.slice(1).map((w) => `_${w}`)]));
    }
  }
  return outs.map((o) => o.join(' ').replace(/ _/g, '_'));
}

function exampleFor(elements: ReturnType<typeof parsePatternLine>['elements'], pairSubject = false): string {
  const parts = [pairSubject ? 'Arnor and Gondor' : 'Arnor'];
  for (const e of elements) {
    if (e.kind === 'slot') parts.push(e.slot === 'source' ? 'Gondor' : e.slot === 'pair' ? 'Gondor and Rohan' : 'Gondor');
    else if (!e.optional) parts.push(e.alts[0]);
  }
  if (!pairSubject && !elements.some((e) => e.kind === 'slot')) parts.push('Gondor');
  return `${parts.join(' ')}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Discards and issues

function readDiscards(ctx: Ctx, lines: Line[]): string[] {
  const out: string[] = [];
  for (const { text, line } of lines) {
    let t = text.trim().replace(/\s*;.*$/, '');
    const article = t.startsWith('+');
    if (article) t = t.slice(1).trim();
    const phrase = t.replace(/_+$/, '').replace(/_/g, ' ').replace(/[|]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    if (!phrase) {
      skip(ctx, line, 'empty discard phrase');
      continue;
    }
    if (!/_$/.test(t) && !/\s/.test(phrase) && phrase.length < 4) partial(ctx, line, `"${phrase}": PETRARCH matches a stem; dyad matches whole words`);
    // PETRARCH's `+` discards the story wherever the phrase is found once: dyad's `story` scope.
    out.push(`${article ? 'story' : 'sentence'} | ${phrase}`);
  }
  return out;
}

type IssueEntry = { code: string; category: string | null; phrases: string[] } | { ignore: string[]; category: string | null };

function readIssues(ctx: Ctx, lines: Line[]): IssueEntry[] {
  const byCode = new Map<string, { code: string; category: string | null; phrases: string[] }>();
  const ignore = new Map<string, string[]>();
  let category: string | null = null;
  for (const { text, line } of lines) {
    const t = text.trim();
    const open = /^<ISSUE\s+CATEGORY="([^"]+)"/i.exec(t);
    if (open) {
      category = open[1];
      continue;
    }
    if (/^<\/ISSUE>/i.test(t)) {
      category = null;
      continue;
    }
    if (t.startsWith('~')) {
      const key = category ?? '';
      if (!ignore.has(key)) ignore.set(key, []);
      ignore.get(key)!.push(t.replace(/^~+/, '').trim().toLowerCase());
      continue;
    }
    const m = /^(.+?)\s*\[([^\]]+)\]\s*$/.exec(t);
    if (!m) {
      skip(ctx, line, `cannot read the issue line ${JSON.stringify(t)}`);
      continue;
    }
    const code = m[2].trim();
    let entry = byCode.get(code);
    if (!entry) byCode.set(code, (entry = { code, category, phrases: [] }));
    for (const p of expandIssue(m[1])) if (!entry.phrases.includes(p)) entry.phrases.push(p);
  }
  const out: IssueEntry[] = [...byCode.values()];
  for (const [category, phrases] of ignore) out.push({ ignore: phrases, category: category || null });
  return out;
}

/** `n:crime against humanity` -> crime/crimes ...; `v:purge` -> purge/purges/purged/purging; `pre+n:school` -> `pre school`, `pre-school`. */
export function expandIssue(phrase: string): string[] {
  let outs: string[] = [''];
  for (const token of phrase.trim().split(/\s+/)) {
    const parts = token.split('+');
    let variants: string[] = [''];
    parts.forEach((part, i) => {
      const forms = wordForms(part);
      const joins = i === 0 ? [''] : [' ', '-'];
      variants = variants.flatMap((v) => joins.flatMap((j) => forms.map((f) => v + j + f)));
    });
    outs = outs.flatMap((o) => variants.map((v) => (o ? `${o} ${v}` : v)));
  }
  return outs.map((o) => o.toLowerCase());
}

function wordForms(part: string): string[] {
  const m = /^([nv]):(.+)$/.exec(part);
  if (!m) return [part];
  const w = m[2];
  if (m[1] === 'n') return [w, /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`];
  const stem = w.endsWith('e') ? w.slice(0, -1) : w;
  return [w, /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : `${w}s`, `${stem}ed`, `${stem}ing`];
}

/** Exported for tests: is there anything at `dir` that looks like an earlier import? */
export function hasImport(dir: string): boolean {
  return existsSync(join(dir, 'actors', 'codes.tsv'));
}
