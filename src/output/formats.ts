// Writes event records as JSONL (the contract in ../shared/eval/FORMAT.md), CSV, or a terminal table.
// Formatting only: records come in finished.
import type { EventRecord } from '../model/types.js';

export type Format = 'jsonl' | 'csv' | 'table';
export const FORMATS: Format[] = ['jsonl', 'csv', 'table'];

export interface Writer {
  header(): string;
  record(r: EventRecord, explain: boolean): string;
}

export const CSV_COLUMNS = [
  'article_id', 'event_id', 'date', 'source_code', 'source_name', 'source_text', 'target_code', 'target_name', 'target_text',
  'cameo', 'cameo_name', 'plover_event', 'plover_mode', 'goldstein', 'quad_class', 'location_name', 'location_country',
  'lat', 'lon', 'sentence', 'evidence_start', 'evidence_end', 'evidence_text', 'confidence', 'mentions', 'pattern', 'dict_version',
  'plover_context', 'topics',
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(r: EventRecord): string[] {
  return [
    r.article_id, r.event_id, r.date, r.source?.code, r.source?.name, r.source?.text, r.target?.code, r.target?.name, r.target?.text,
    r.cameo, r.cameo_name, r.plover.event, r.plover.mode, r.goldstein, r.quad_class, r.location?.name, r.location?.country,
    r.location?.lat, r.location?.lon, r.sentence, r.evidence.start, r.evidence.end, r.evidence.text, r.confidence, r.mentions,
    r.why.pattern, r.dict_version, r.plover.context.join(';'), r.topics.map((t) => t.id).join(';'),
  ].map(csvCell);
}

const jsonl: Writer = {
  header: () => '',
  record: (r) => JSON.stringify(r) + '\n',
};

const csv: Writer = {
  header: () => CSV_COLUMNS.join(',') + '\n',
  record: (r) => csvRow(r).join(',') + '\n',
};

function pad(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n);
}

/** A table for terminals: date, source, event, target, place, then the evidence sentence indented below. */
function table(width: number): Writer {
  return {
    header: () => `${pad('date', 11)}${pad('source', 14)}${pad('event', 34)}${pad('target', 14)}${pad('place', 18)}\n`,
    record: (r, explain) => {
      const event = `${r.cameo} ${r.cameo_name}`;
      const place = r.location ? `${r.location.name}${r.location.country ? ` (${r.location.country})` : ''}` : '-';
      let out = `${pad(r.date ?? '-', 11)}${pad(r.source?.code ?? '-', 14)}${pad(event, 34)}${pad(r.target?.code ?? '-', 14)}${pad(place, 18)}\n`;
      const evidence = r.evidence.text.replace(/\s+/g, ' ');
      out += `  ${r.article_id} · "${evidence.length > width - 8 ? evidence.slice(0, width - 9) + '…' : evidence}"\n`;
      if (r.topics.length && !explain) out += `  topics ${r.topics.map((t) => t.id).join(', ')}\n`;
      if (explain) {
        out += `    pattern  ${r.why.pattern}\n`;
        out += `    source   ${r.source?.text} -> ${r.source?.code}: ${r.why.source.map((w) => w.entry ? `${w.rule} (${w.entry})` : w.rule).join(', ')}\n`;
        if (r.target) out += `    target   ${r.target.text} -> ${r.target.code}: ${r.why.target.map((w) => w.entry ? `${w.rule} (${w.entry})` : w.rule).join(', ')}\n`;
        out += `    date     ${r.date ?? '-'}: ${r.why.date.rule}${r.why.date.span ? ` "${r.why.date.span.text.trim()}"` : ''}\n`;
        if (r.why.location) out += `    place    ${r.location?.name}: ${r.why.location.rule}${r.why.location.entry ? ` (${r.why.location.entry})` : ''}\n`;
        const context = r.plover.context.length ? ` · context ${r.plover.context.join(', ')}` : '';
        out += `    plover   ${r.plover.event ?? '-'}${context} · goldstein ${r.goldstein ?? '-'} · quad ${r.quad_class ?? '-'} · confidence ${r.confidence}\n`;
        if (r.topics.length) out += `    topics   ${r.topics.map((t) => `${t.id} "${t.text}" (${t.rule.split(' ')[0]})`).join(', ')}\n`;
      }
      return out;
    },
  };
}

export function createWriter(format: Format, width = 120): Writer {
  if (format === 'jsonl') return jsonl;
  if (format === 'csv') return csv;
  return table(width);
}
