// Compact binary model format (gzip of: magic, JSON header, sparse int16-quantised weight rows) for
// the tagger and parser. Must not train or evaluate; it only serialises and restores.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readClusters, CLUSTER_FILE } from './clusters.js';
import { SparseModel } from './perceptron.js';
import { Tagger } from './tagger.js';
import { ArcEagerParser } from './parser.js';

const MAGIC = 'DYADPAR1';

interface BlockHeader {
  name: string;
  nClasses: number;
  nRows: number;
  nnz: number;
  scale: number;
}

interface Header {
  format: 1;
  tagClasses: string[];
  labels: string[];
  lexiconSize: number;
  fixedSize: number;
  blocks: BlockHeader[];
  /** 'nonmono' for the non-monotonic arc-eager variant; absent = classic arc-eager. */
  system?: string;
  /** True when Right-Arc labels are chosen again at Reduce. */
  relabel?: boolean;
  /** The labeller reads only the first this many action features (absent = all). */
  labelFeats?: number;
  /** Decoding beam width and margin (null = no margin); absent = greedy. */
  beam?: { width: number; margin: number | null };
  /** Word-cluster file beside the model (clusters.ts) and its number of words; absent = no cluster features. */
  clusters?: { file: string; words: number };
  /** True when the tagger reads wink-nlp's UPOS as features. */
  hinted?: boolean;
  meta: Record<string, unknown>;
}

interface Block {
  head: BlockHeader;
  parts: Uint8Array[];
}

function encode(name: string, p: SparseModel): Block {
  const parts = [new Uint8Array(p.rowKeys.slice().buffer), p.counts.slice(), p.cls.slice(), new Uint8Array(p.q.slice().buffer)];
  return { head: { name, nClasses: p.nClasses, nRows: p.nRows, nnz: p.q.length, scale: p.scale }, parts };
}

export interface SaveOptions {
  meta?: Record<string, unknown>;
}

export function saveModel(path: string, parser: ArcEagerParser, opts: SaveOptions = {}): number {
  const t = parser.tagger;
  const models: [string, SparseModel][] = [['tagger1', t.pass1]];
  if (t.pass2) models.push(['tagger2', t.pass2]);
  models.push(['actions', parser.actions], ['labels', parser.labeller]);
  const blocks = models.map(([name, p]) => encode(name, p));
  const header: Header = {
    format: 1,
    tagClasses: t.classes,
    labels: parser.labels,
    lexiconSize: t.lexicon.size,
    fixedSize: t.fixed.size,
    blocks: blocks.map((b) => b.head),
    ...(parser.nonMono ? { system: 'nonmono' } : {}),
    ...(parser.relabel ? { relabel: true } : {}),
    ...(parser.labelFeats ? { labelFeats: parser.labelFeats } : {}),
    ...(t.hinted ? { hinted: true } : {}),
    ...(t.clusters ? { clusters: { file: CLUSTER_FILE, words: t.clusters.size } } : {}),
    ...(parser.beamWidth > 1 ? { beam: { width: parser.beamWidth, margin: Number.isFinite(parser.beamMargin) ? parser.beamMargin : null } } : {}),
    meta: opts.meta ?? {},
  };
  const hjson = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hjson.length, 0);
  const chunks: Uint8Array[] = [Buffer.from(MAGIC, 'latin1'), len, hjson];
  chunks.push(new Uint8Array(Int32Array.from(t.lexicon.keys()).buffer), new Uint8Array(Int32Array.from(t.lexicon.values()).buffer));
  chunks.push(new Uint8Array(Int32Array.from(t.fixed.keys()).buffer), new Uint8Array(Int32Array.from(t.fixed.values()).buffer));
  for (const b of blocks) chunks.push(...b.parts);
  const gz = gzipSync(Buffer.concat(chunks), { level: 9 });
  writeFileSync(path, gz);
  return gz.length;
}

export function loadModel(path: string): ArcEagerParser {
  let raw: Buffer;
  try {
    raw = gunzipSync(readFileSync(path));
  } catch (e) {
    throw new Error(`model-io.ts: cannot read parser model ${path}: ${(e as Error).message}`);
  }
  if (raw.toString('latin1', 0, 8) !== MAGIC) throw new Error(`model-io.ts: ${path} is not a dyad parser model`);
  const hlen = raw.readUInt32LE(8);
  const header = JSON.parse(raw.toString('utf8', 12, 12 + hlen)) as Header;
  if (header.format !== 1) throw new Error(`model-io.ts: unsupported model format ${header.format} in ${path}`);
  let off = 12 + hlen;
  const take = (bytes: number): Uint8Array => {
    if (off + bytes > raw.length) throw new Error(`model-io.ts: ${path} is truncated`);
    // Copy so typed-array views are aligned regardless of offset.
    const u = new Uint8Array(bytes);
    u.set(raw.subarray(off, off + bytes));
    off += bytes;
    return u;
  };
  const lexKeys = new Int32Array(take(header.lexiconSize * 4).buffer);
  const lexVals = new Int32Array(take(header.lexiconSize * 4).buffer);
  const lexicon = new Map<number, number>();
  for (let i = 0; i < lexKeys.length; i++) lexicon.set(lexKeys[i], lexVals[i]);
  const fixKeys = new Int32Array(take((header.fixedSize ?? 0) * 4).buffer);
  const fixVals = new Int32Array(take((header.fixedSize ?? 0) * 4).buffer);
  const fixed = new Map<number, number>();
  for (let i = 0; i < fixKeys.length; i++) fixed.set(fixKeys[i], fixVals[i]);
  const models = new Map<string, SparseModel>();
  for (const b of header.blocks) {
    const keys = new Int32Array(take(b.nRows * 4).buffer);
    const counts = take(b.nRows);
    const cls = take(b.nnz);
    const vals = new Int16Array(take(b.nnz * 2).buffer);
    models.set(b.name, new SparseModel(b.nClasses, keys, counts, cls, vals, b.scale));
  }
  const need = (name: string): SparseModel => {
    const m = models.get(name);
    if (!m) throw new Error(`model-io.ts: ${path} lacks block ${name}`);
    return m;
  };
  let clusters = null;
  if (header.clusters) {
    clusters = readClusters(join(dirname(path), header.clusters.file));
    if (clusters.size !== header.clusters.words) throw new Error(`model-io.ts: ${path} was trained with ${header.clusters.words} clustered words, ${header.clusters.file} beside it has ${clusters.size}`);
  }
  const tagger = new Tagger(header.tagClasses, need('tagger1'), models.get('tagger2') ?? null, lexicon, fixed, clusters, header.hinted === true);
  const parser = new ArcEagerParser(tagger, header.labels, need('actions'), need('labels'), header.system === 'nonmono', header.relabel === true, header.labelFeats ?? 0);
  if (header.beam) {
    parser.beamWidth = header.beam.width;
    parser.beamMargin = header.beam.margin ?? Infinity;
  }
  return parser;
}
