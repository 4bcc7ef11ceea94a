// The event table: the API's filters as a form (kept in the URL hash), a page of events, previous/next paging, and a
// link from each event to its article with highlighted spans.
import { api } from '../api';
import { QUAD_NAMES, field, fmt, h, select, status } from '../dom';
import { go, href, type Route } from '../route';

const TEXT_FILTERS: [name: string, label: string, hint: string][] = [
  ['actor', 'Actor', 'code prefix or name: CHNGOV, Zhao'],
  ['country', 'Country', 'ISO3, source or target: KAZ'],
  ['dyad', 'Dyad', 'SOURCE:TARGET, e.g. CHN:KAZ'],
  ['cameo', 'CAMEO', 'code or root: 04, 042'],
  ['plover', 'PLOVER', 'event type: CONSULT'],
  ['place', 'Place', 'name or ISO3'],
  ['text', 'Words', 'in the evidence sentence'],
];
const FILTERS = [...TEXT_FILTERS.map(([n]) => n), 'both', 'quad', 'from', 'to', 'limit'];

export async function eventsView(main: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const limit = p.get('limit') ?? '50';
  const offset = Number(p.get('offset') ?? 0) || 0;

  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const form = h('form', { class: 'filters', 'aria-label': 'Event filters' });
  for (const [name, label, hint] of TEXT_FILTERS) {
    const input = h('input', { name, value: p.get(name) ?? '', placeholder: hint, size: 12 });
    inputs.set(name, input);
    form.append(field(label, input));
  }
  const both = h('input', { type: 'checkbox', name: 'both', id: 'ev-both', checked: p.get('both') === 'true' });
  const quad = select('quad', [['', 'any'], ...[1, 2, 3, 4].map((q): [string, string] => [String(q), `${q} ${QUAD_NAMES[q]}`]), ['1,2', 'cooperation (1,2)'], ['3,4', 'conflict (3,4)']], p.get('quad') ?? '');
  const from = h('input', { type: 'date', name: 'from', value: p.get('from') ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: p.get('to') ?? '' });
  const sizes = ['20', '50', '100', '500'];
  if (!sizes.includes(limit)) sizes.unshift(limit);
  const size = select('limit', sizes.map((n): [string, string] => [n, n]), limit);
  for (const [n, el] of [['quad', quad], ['from', from], ['to', to], ['limit', size]] as const) inputs.set(n, el);
  form.append(
    h('div', { class: 'field check' }, both, h('label', { for: 'ev-both' }, 'dyad: both directions')),
    field('Quad class', quad), field('From', from), field('To', to), field('Rows', size),
    h('button', { type: 'submit' }, 'Filter'), h('button', { type: 'reset' }, 'Clear'),
  );
  const filters = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [n, el] of inputs) if (el.value.trim()) out[n] = el.value.trim();
    if (both.checked) out.both = 'true';
    return out;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(['events'], filters());
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go(['events']);
  });

  const s = status();
  const table = h('table', { class: 'data events', id: 'events-table' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  main.append(h('h2', {}, 'Events'), form, s.el, h('div', { class: 'scroll' }, table), pager);

  const current: Record<string, string> = {};
  for (const n of FILTERS) if (p.get(n)) current[n] = p.get(n)!;
  s.set('Loading…');
  const page = await api.events({ ...current, limit, offset });
  s.set(page.events.length ? `Events ${offset + 1}–${offset + page.events.length}${page.next_offset === null ? ' (last page)' : ''}.` : 'No events match.');

  table.append(
    h('caption', { class: 'visually-hidden' }, 'Events matching the filters'),
    h('thead', {}, h('tr', {}, ...['date', 'source', 'target', 'event', 'quad', 'Goldstein', 'place', 'articles', 'evidence'].map((c) => h('th', { scope: 'col' }, c)))),
  );
  const tbody = h('tbody');
  for (const e of page.events) {
    tbody.append(h('tr', { 'data-event': e.event_id },
      h('td', { class: 'nowrap' }, e.date ?? '–'),
      h('td', {}, h('a', { href: href(['events'], { actor: e.source_code ?? undefined }) }, e.source_code ?? '–'), e.source_name ? h('small', {}, ` ${e.source_name}`) : null),
      h('td', {}, h('a', { href: href(['events'], { actor: e.target_code ?? undefined }) }, e.target_code ?? '–'), e.target_name ? h('small', {}, ` ${e.target_name}`) : null),
      h('td', {}, h('code', {}, e.cameo), ` ${e.cameo_name}`, e.plover_event ? h('small', {}, ` (${e.plover_event})`) : null),
      h('td', { title: e.quad_class === null ? 'unknown' : QUAD_NAMES[e.quad_class] }, e.quad_class ?? '–'),
      h('td', { class: 'num' }, e.goldstein === null ? '–' : fmt(e.goldstein, 1)),
      h('td', {}, [e.location_name, e.location_country].filter(Boolean).join(', ') || '–'),
      h('td', { class: 'num' }, e.num_articles),
      h('td', {}, h('a', { href: href(['article', e.first_article_id], { event: e.event_id }), 'aria-label': `article ${e.first_article_id}: ${e.evidence_text.slice(0, 80)}` }, e.evidence_text)),
    ));
  }
  table.append(tbody);

  const at = (o: number) => href(['events'], { ...current, offset: o ? String(o) : undefined });
  pager.append(
    offset > 0 ? h('a', { href: at(Math.max(0, offset - Number(limit))), rel: 'prev' }, '← previous') : h('span', { class: 'muted' }, '← previous'),
    page.next_offset !== null ? h('a', { href: at(page.next_offset), rel: 'next' }, 'next →') : h('span', { class: 'muted' }, 'next →'),
  );
}
