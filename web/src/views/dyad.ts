// The dyad time line: events between two actors or countries per period, stacked by quad class, with the mean
// Goldstein score as a line; a table under the chart holds the same numbers (for screen readers and tests).
import { api, type AggregateRow } from '../api';
import { mountChart } from '../charts';
import { QUAD_COLORS, QUAD_NAMES, field, fmt, h, select, status } from '../dom';
import { go, href, type Route } from '../route';

interface PeriodRow {
  period: string;
  events: number;
  byQuad: number[];
  goldstein: number | null;
}

export async function dyadView(main: HTMLElement, route: Route): Promise<() => void> {
  const a = (route.parts[1] ?? 'CHN').toUpperCase();
  const b = (route.parts[2] ?? 'KAZ').toUpperCase();
  const period = route.params.get('period') ?? 'month';
  const oneWay = route.params.get('both') === '0';

  const inA = h('input', { name: 'a', value: a, required: true, pattern: '[A-Za-z]{3,}', autocomplete: 'off', list: 'actor-codes', size: 10 });
  const inB = h('input', { name: 'b', value: b, required: true, pattern: '[A-Za-z]{3,}', autocomplete: 'off', list: 'actor-codes', size: 10 });
  const inPeriod = select('period', [['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year']], period);
  const inBoth = h('input', { type: 'checkbox', name: 'both', checked: !oneWay });
  const codes = h('datalist', { id: 'actor-codes' });
  const form = h('form', { class: 'filters', 'aria-label': 'Dyad' },
    field('Actor or country A', inA, 'a code: CHN, KAZGOV, USA'),
    field('Actor or country B', inB),
    field('Period', inPeriod),
    h('div', { class: 'field check' }, inBoth, h('label', { for: (inBoth.id = 'dyad-both') }, 'both directions')),
    h('button', { type: 'submit' }, 'Show'),
    codes,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(['dyad', inA.value.trim().toUpperCase(), inB.value.trim().toUpperCase()], { period: inPeriod.value, both: inBoth.checked ? undefined : '0' });
  });
  const s = status();
  const chartBox = h('div', { class: 'chart', role: 'img', 'aria-label': `Events between ${a} and ${b} per ${period}, by quad class, with mean Goldstein` });
  const table = h('table', { class: 'data', id: 'dyad-table' });
  main.append(h('h2', {}, `Dyad time line: ${a} ${oneWay ? '→' : '↔'} ${b}`), form, s.el, chartBox,
    h('details', { open: true }, h('summary', {}, 'Numbers per period'), table));

  void api.actors({ limit: 200 }).then(({ actors }) => {
    const seen = new Set<string>();
    for (const r of actors) for (const c of [r.country, r.code]) if (typeof c === 'string' && !seen.has(c)) seen.add(c) && codes.append(h('option', { value: c }));
  }).catch(() => {});

  s.set('Loading…');
  const { rows } = await api.aggregate({ period, group: 'quad', dyad: `${a}:${b}`, both: oneWay ? undefined : 'true' });
  const periods = byPeriod(rows, period);
  const total = periods.reduce((n, p) => n + p.events, 0);
  s.set(total ? `${total} events in ${plural(periods.filter((p) => p.events).length, period)}.` : `No events between ${a} and ${b}.`);
  chartBox.dataset.total = String(total);

  table.append(h('caption', {}, `Events between ${a} and ${b} per ${period}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, period), h('th', { scope: 'col' }, 'events'),
      ...QUAD_NAMES.slice(1).map((q) => h('th', { scope: 'col' }, q)), h('th', { scope: 'col' }, 'mean Goldstein'))));
  const tbody = h('tbody');
  for (const p of periods.filter((x) => x.events)) {
    const dates = periodDates(p.period, period);
    tbody.append(h('tr', { 'data-period': p.period, 'data-events': p.events },
      h('th', { scope: 'row' }, dates ? h('a', { href: href(['events'], { dyad: `${a}:${b}`, both: oneWay ? undefined : 'true', ...dates }) }, p.period) : p.period),
      h('td', {}, p.events), ...p.byQuad.slice(1).map((n) => h('td', {}, n)), h('td', {}, p.goldstein === null ? '–' : fmt(p.goldstein))));
  }
  table.append(tbody);

  const { chart, dispose } = mountChart(chartBox);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: periods.map((p) => p.period) },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...[1, 2, 3, 4].map((q) => ({
        name: QUAD_NAMES[q], type: 'bar' as const, stack: 'quad', barMaxWidth: 48, itemStyle: { color: QUAD_COLORS[q] }, data: periods.map((p) => p.byQuad[q]),
      })),
      { name: 'mean Goldstein', type: 'line' as const, yAxisIndex: 1, connectNulls: false, symbolSize: 8, itemStyle: { color: '#333' }, data: periods.map((p) => p.goldstein) },
    ],
  });
  chart.on('click', (e) => {
    const dates = periodDates(String(e.name), period);
    if (dates) go(['events'], { dyad: `${a}:${b}`, both: oneWay ? undefined : 'true', ...dates });
  });
  return dispose;
}

/** One row per period, months and years without events filled in so the axis is time-true. */
function byPeriod(rows: AggregateRow[], period: string): PeriodRow[] {
  const map = new Map<string, PeriodRow & { gSum: number }>();
  for (const r of rows) {
    const p = map.get(r.period) ?? { period: r.period, events: 0, byQuad: [0, 0, 0, 0, 0], goldstein: null, gSum: 0 };
    const q = Number(r.quad);
    p.events += r.events;
    if (q >= 1 && q <= 4) p.byQuad[q] += r.events;
    p.gSum += r.mean_goldstein * r.events;
    map.set(r.period, p);
  }
  const keys = [...map.keys()].sort();
  const all = keys.length > 1 && (period === 'month' || period === 'year') ? fill(keys[0], keys[keys.length - 1], period) : keys;
  return all.map((k) => {
    const p = map.get(k);
    return p ? { period: k, events: p.events, byQuad: p.byQuad, goldstein: p.events ? p.gSum / p.events : null } : { period: k, events: 0, byQuad: [0, 0, 0, 0, 0], goldstein: null };
  });
}

function fill(first: string, last: string, period: string): string[] {
  const out: string[] = [];
  if (period === 'year') {
    for (let y = Number(first); y <= Number(last) && out.length < 500; y++) out.push(String(y));
    return out;
  }
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** from/to dates of a month, year or day label (weeks are left alone). */
function periodDates(label: string, period: string): { from: string; to: string } | null {
  if (period === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(label)) return { from: label, to: label };
  if (period === 'year' && /^\d{4}$/.test(label)) return { from: `${label}-01-01`, to: `${label}-12-31` };
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (period === 'month' && m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { from: `${label}-01`, to: `${label}-${String(last).padStart(2, '0')}` };
  }
  return null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
