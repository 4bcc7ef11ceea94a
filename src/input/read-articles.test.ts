// Reading inputs: the seed format, plain text, JSONL, folders, stdin, and every kind of bad input.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticles, parseTextArticle, decodeText, type ReadItem } from './read-articles.js';

async function collect(paths: string[], options = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readArticles(paths, options)) out.push(item);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-read-'));
  writeFileSync(join(dir, 'a.txt'), ' date 2024-04-26 A title here\n\nBEIJING, April 25 (Xinhua) -- Text.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
  writeFileSync(join(dir, 'articles.jsonl'), [
    JSON.stringify({ id: 'j1', date: '2020-01-02', title: 'T', text: 'Some text.', url: 'http://x' }),
    '{not json',
    JSON.stringify({ id: 'j3', text: '' }),
    JSON.stringify({ id: 'j4', date: '2020-13-45', text: 'x' }),
    JSON.stringify({ id: 5, text: 'Numeric id.' }),
  ].join('\n'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.txt'), 'Plain text without a date line.');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readArticles', () => {
  it('reads a folder recursively, in name order, with one error per bad input', async () => {
    const items = await collect([dir], { date: '2021-05-05' });
    const articles = items.filter((i): i is { article: never } => 'article' in i).map((i) => (i as { article: { id: string } }).article.id);
    const errors = items.filter((i) => 'error' in i).map((i) => ('error' in i ? `${i.error.code} ${i.error.where?.split('/').pop()}` : ''));
    expect(articles).toEqual(['a', 'j1', '5', 'b']);
    expect(errors).toEqual([
      'INPUT_FORMAT articles.jsonl:2',
      'INPUT_EMPTY articles.jsonl:3',
      'INPUT_FORMAT articles.jsonl:4',
      'INPUT_BINARY binary.bin',
      'INPUT_EMPTY blank.txt',
      'INPUT_EMPTY empty.txt',
      'INPUT_ENCODING latin1.txt',
    ]);
  });

  it('gives plain text the --date and no title', async () => {
    const [item] = await collect([join(dir, 'sub', 'b.txt')], { date: '2021-05-05' });
    expect('article' in item && item.article).toMatchObject({ id: 'b', date: '2021-05-05', title: null });
  });

  it('refuses files over the size limit without reading them', async () => {
    const [item] = await collect([join(dir, 'a.txt')], { maxBytes: 10 });
    expect('error' in item && item.error.code).toBe('INPUT_TOO_LARGE');
    expect('error' in item && item.error.message).toMatch(/a\.txt: file is .* over the limit/);
  });

  it('reports a path that does not exist and goes on', async () => {
    const items = await collect([join(dir, 'nope.txt'), join(dir, 'a.txt')]);
    expect('error' in items[0] && items[0].error.code).toBe('INPUT_UNREADABLE');
    expect('article' in items[1]).toBe(true);
  });

  it('reads stdin as text or as JSONL', async () => {
    const text = await collect(['-'], { readStdin: async () => Buffer.from('date 2020-02-02 Hi\n\nBody.') });
    expect('article' in text[0] && text[0].article).toMatchObject({ id: 'stdin', date: '2020-02-02', title: 'Hi' });
    const jsonl = await collect(['-'], { readStdin: async () => Buffer.from('{"id":"s1","text":"x"}\n') });
    expect('article' in jsonl[0] && jsonl[0].article.id).toBe('s1');
  });
});

describe('parseTextArticle', () => {
  it('takes date and title from the first line and keeps offsets into the whole text', () => {
    const text = ' date 2024-04-26 China holds talks\n\nBody.';
    const a = parseTextArticle(text, 'x', 'x', null);
    expect(a).toMatchObject({ date: '2024-04-26', title: 'China holds talks' });
    expect(a.text).toBe(text);
  });
});

describe('decodeText', () => {
  it('names the offset of the first invalid byte', () => {
    const r = decodeText(Buffer.from([0x61, 0x62, 0xff, 0x63]), 'f.txt');
    expect('error' in r && r.error.message).toBe('f.txt: not valid UTF-8 (first bad byte at offset 2)');
  });
  it('strips a byte-order mark', () => {
    const r = decodeText(Buffer.from('\ufeffhello', 'utf8'), 'f.txt');
    expect('text' in r && r.text).toBe('hello');
  });
});
