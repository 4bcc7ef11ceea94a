// Finds the layout of an article: title, byline, photo caption, dateline, body, editor and related lines.
// Works on character offsets only; it must not tokenise or code anything.
import type { Article, Dateline, Segment, SegmentKind } from '../model/types.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// `BEIJING, April 25 (Xinhua) --`, `HAVANA, March 21 (Reuters) -`, `WASHINGTON (AP) —`, `KYIV, Ukraine, Feb 3 (AFP) -`
const DATELINE =
  /^([A-Z][A-Z.'’ -]{1,40}[A-Z.])((?:,\s*[A-Z][A-Za-z.'’ -]{1,30})*?)(?:,?\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2}))?,?\s*(?:\(([^)]{1,40})\))?\s*(?:--|—|–|-)\s+/;
const BYLINE = /^(?:[A-Za-z][\w .&-]{0,40}\)\s*\d{1,2}:\d{2}\b|By\s+[A-Za-z][^\n]{0,60}$)/;
const EDITOR = /^(?:\(?\s*(?:Editor|Editors|Editing by|Edited by|Reporting by|Writing by|Additional reporting|Compiled by)\b)/i;
const RELATED = /^(?:Related(?: news| stories| articles)?\s*:|Read more\b|See also\b|More\s*:|Also read\b)/i;
const PHOTO_CREDIT = /\((?:[A-Z][\w.]*\/[^)]{1,60}|(?:AP|AFP|Reuters|Xinhua|EPA|Getty Images) Photo[^)]{0,60}|Photo:[^)]{1,60})\)\s*$/;
const TITLE_LINE = /^(\s*date\s+\d{4}-\d{2}-\d{2}\s+)(.*)$/;

export interface Layout {
  segments: Segment[];
  dateline: Dateline | null;
}

/** Splits the article text into segments with their kinds, and reads the dateline. */
export function findLayout(article: Article): Layout {
  const { text } = article;
  const segments: Segment[] = [];
  let offset = 0;
  const titleMatch = TITLE_LINE.exec(text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')));
  if (titleMatch) {
    const start = titleMatch[1].length;
    const end = titleMatch[0].length;
    if (titleMatch[2].trim()) segments.push({ kind: 'title', start, end: trimEnd(text, start, end) });
    offset = end;
  }
  const paragraphs = splitParagraphs(text, offset);
  let datelineIndex = -1;
  let dateline: Dateline | null = null;
  for (let i = 0; i < paragraphs.length && datelineIndex < 0; i++) {
    const [start, end] = paragraphs[i];
    const m = DATELINE.exec(text.slice(start, end));
    if (m && (m[3] || m[5])) {
      datelineIndex = i;
      const placeEnd = start + m[1].length;
      const month = m[3] ? MONTHS[m[3].slice(0, 3).toLowerCase()] : undefined;
      dateline = {
        span: { start, end: start + m[0].length, text: m[0] },
        place: { start, end: placeEnd, text: text.slice(start, placeEnd) },
        date: month && m[4] ? resolveMonthDay(month, Number(m[4]), article.date) : null,
        agency: m[5] ?? null,
      };
    }
  }
  paragraphs.forEach(([start, end], i) => {
    const para = text.slice(start, end);
    let kind: SegmentKind = 'body';
    if (BYLINE.test(para) && para.length < 80) kind = 'byline';
    else if (EDITOR.test(para)) kind = 'editor';
    else if (RELATED.test(para)) kind = 'related';
    else if (i === datelineIndex && dateline) {
      segments.push({ kind: 'dateline', start, end: dateline.span.end });
      if (dateline.span.end < end) segments.push({ kind: 'body', start: dateline.span.end, end });
      return;
    } else if ((datelineIndex >= 0 && i < datelineIndex) || PHOTO_CREDIT.test(para)) kind = 'caption';
    segments.push({ kind, start, end });
  });
  return { segments, dateline };
}

/** Paragraphs are separated by blank lines; offsets exclude surrounding white space. */
function splitParagraphs(text: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n[ \t]*\n|\n(?=[ \t]*\S)/g;
  // Split on blank lines; a single newline also ends a paragraph in wire copy laid out one per line.
  let start = from;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    pushTrimmed(text, start, m.index, out);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: [number, number][]): void {
  while (start < end && /\s/.test(text[start])) start++;
  end = trimEnd(text, start, end);
  if (end > start) out.push([start, end]);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** A month and day from a dateline, in the year that puts it on or just before the publication date. */
export function resolveMonthDay(month: number, day: number, published: string | null): string | null {
  if (!published) return null;
  const pub = new Date(`${published}T00:00:00Z`);
  let year = pub.getUTCFullYear();
  let candidate = Date.UTC(year, month - 1, day);
  // A dateline more than a week after publication belongs to the previous year (Dec 30 in a Jan 2 paper).
  if (candidate - pub.getTime() > 7 * 86400000) candidate = Date.UTC(--year, month - 1, day);
  const d = new Date(candidate);
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}
