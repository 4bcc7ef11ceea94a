// Layout: title, byline, caption, dateline, body and editor lines of wire copy.
import { describe, expect, it } from 'vitest';
import { findLayout, resolveMonthDay } from './layout.js';

const text = [
  ' date 2024-04-26 China\'s top legislator holds talks',
  '',
  'Xinhua) 08:41, April 26, 2024',
  '',
  'Zhao Leji holds talks with Yerlan Koshanov in Beijing, April 25, 2024. (Xinhua/Li Tao)',
  '',
  'BEIJING, April 25 (Xinhua) -- China\'s top legislator Zhao Leji held talks.',
  '',
  'Zhao said more.',
  '',
  'Editor: Someone',
].join('\n');

describe('findLayout', () => {
  const article = { id: 'x', origin: 'x', date: '2024-04-26', title: null, url: null, text };
  const layout = findLayout(article);
  it('labels each part of the article', () => {
    expect(layout.segments.map((s) => s.kind)).toEqual(['title', 'byline', 'caption', 'dateline', 'body', 'body', 'editor']);
    const title = layout.segments[0];
    expect(text.slice(title.start, title.end)).toBe("China's top legislator holds talks");
  });
  it('reads the dateline place, date and agency', () => {
    expect(layout.dateline).toMatchObject({ date: '2024-04-25', agency: 'Xinhua', place: { text: 'BEIJING' } });
    const body = layout.segments[4];
    expect(text.slice(body.start, body.end)).toBe("China's top legislator Zhao Leji held talks.");
  });
  it('reads datelines without a date', () => {
    const a = { ...article, text: 'WASHINGTON (Reuters) - The U.S. said so.' };
    expect(findLayout(a).dateline).toMatchObject({ date: null, agency: 'Reuters', place: { text: 'WASHINGTON' } });
  });
});

describe('resolveMonthDay', () => {
  it('puts a late-December dateline in the year before a January paper', () => {
    expect(resolveMonthDay(12, 30, '2024-01-02')).toBe('2023-12-30');
    expect(resolveMonthDay(4, 25, '2024-04-26')).toBe('2024-04-25');
    expect(resolveMonthDay(2, 30, '2024-03-01')).toBeNull();
  });
});
