// Formats query result rows as a terminal table, CSV or JSON lines for the question commands.
// Formatting only: rows come in finished, and nothing is printed here.
import type { ResultRow } from './store.js';

export type RowFormat = 'table' | 'csv' | 'json';
export const ROW_FORMATS: RowFormat[] = ['table', 'csv', 'json'];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

function csvCell(v: unknown): string {
  const s = cell(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Column widths fit the values, up to `maxCol`; long text is cut with an ellipsis. */
export function formatRows(rows: ResultRow[], format: RowFormat, maxCol = 40): string {
  if (format === 'json') return rows.map((r) => JSON.stringify(r) + '\n').join('');
  const columns = rows.length ? Object.keys(rows[0]) : [];
  if (format === 'csv') {
    return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
  }
  if (!rows.length) return '(no rows)\n';
  const text = rows.map((r) => columns.map((c) => cell(r[c]).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.min(maxCol, Math.max(c.length, ...text.map((t) => t[i].length))));
  const numeric = columns.map((c) => rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  const fit = (s: string, i: number) => {
    const w = widths[i];
    const cut = s.length > w ? s.slice(0, w - 1) + '…' : s;
    return numeric[i] ? cut.padStart(w) : cut.padEnd(w);
  };
  const lines = [columns.map(fit).join('  '), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map((t) => t.map(fit).join('  '))];
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}
