// Reads the small rule tables of data/ontology/ (intent.tsv, threat.tsv, implied-targets.tsv, source-*.tsv): one
// rule a line, tab-separated columns, `#` comments and blank lines skipped; a missing file is an empty table.
import { existsSync, readFileSync } from 'node:fs';

export interface RuleRow {
  cols: string[];
  /** `file:line`, for error messages. */
  where: string;
}

export function readRuleTable(file: string): RuleRow[] {
  if (!existsSync(file)) return [];
  const rows: RuleRow[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line && !line.startsWith('#')) rows.push({ cols: line.split('\t'), where: `${file}:${i + 1}` });
  });
  return rows;
}

/** Rules by code prefix, the longest prefix first (the first that matches a code is the most specific). */
export function longestPrefixFirst<T extends [string, ...unknown[]]>(rules: T[]): T[] {
  return rules.sort((a, b) => b[0].length - a[0].length);
}
