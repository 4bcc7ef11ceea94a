// Every shipped actor dictionary file parses and fits its schema; countries cover ISO 3166-1.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import countries from 'i18n-iso-countries';
import { countryFile, organisationFile, institutionFile, roleFile, personFile } from './schema.js';

const dataDir = join(import.meta.dirname, '..', '..', 'data', 'actors');
const load = (path: string) => parse(readFileSync(path, 'utf8'));

function check(path: string, schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }) {
  const result = schema.safeParse(load(path));
  if (!result.success) throw new Error(`${path}: ${String(result.error)}`);
}

describe('actor dictionary files', () => {
  it('countries.yaml fits its schema and covers every ISO 3166-1 alpha-3 code', () => {
    const path = join(dataDir, 'countries.yaml');
    check(path, countryFile);
    const codes = new Set((load(path) as { code: string }[]).map((c) => c.code));
    // Kosovo has no ISO code; news coders use XKX where i18n-iso-countries uses XKK.
    const missing = Object.keys(countries.getAlpha3Codes()).map((c) => (c === 'XKK' ? 'XKX' : c)).filter((c) => !codes.has(c));
    expect(missing).toEqual([]);
  });
  for (const [file, schema] of [
    ['organisations.yaml', organisationFile],
    ['institutions.yaml', institutionFile],
    ['roles.yaml', roleFile],
  ] as const) {
    it(`${file} fits its schema`, () => check(join(dataDir, file), schema));
  }
  it('people/*.yaml fit their schema', () => {
    const dir = join(dataDir, 'people');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) check(join(dir, f), personFile);
  });
});
