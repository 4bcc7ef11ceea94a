// The actor network of a period: countries (from the API's dyad aggregate) or actor codes (from up to 1,000 events)
// as nodes, directed edges weighted by event counts and coloured by mean Goldstein or the main quad class (Cytoscape).
import cytoscape from 'cytoscape';
import { api } from '../api';
import { QUAD_COLORS, QUAD_NAMES, field, fmt, goldsteinColor, h, select, status } from '../dom';
import { go, href, type Route } from '../route';

interface Edge {
  source: string;
  target: string;
  events: number;
  gSum: number;
  /** Events with a Goldstein value (codes outside CAMEO may have none). */
  gN: number;
  quads: number[];
}

const EVENT_CAP = 1000;

export async function networkView(main: HTMLElement, route: Route): Promise<() => void> {
  const p = route.params;
  const level = p.get('level') === 'actor' ? 'actor' : 'country';
  const colour = p.get('colour') === 'quad' ? 'quad' : 'goldstein';
  const from = h('input', { type: 'date', name: 'from', value: p.get('from') ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: p.get('to') ?? '' });
  const lvl = select('level', [['country', 'countries'], ['actor', 'actor codes']], level);
  const col = select('colour', [['goldstein', 'mean Goldstein'], ['quad', 'main quad class']], colour);
  const form = h('form', { class: 'filters', 'aria-label': 'Network period' },
    field('From', from), field('To', to), field('Nodes', lvl), field('Edge colour', col), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(['network'], { from: from.value, to: to.value, level: lvl.value, colour: col.value });
  });
  const s = status();
  const box = h('div', { class: 'graph', id: 'network-graph', role: 'img', 'aria-label': 'Network of actors; the table below lists the same edges' });
  const table = h('table', { class: 'data', id: 'network-table' });
  main.append(h('h2', {}, 'Actor network'), form, s.el, box, h('details', {}, h('summary', {}, 'Edges as a table'), table));

  s.set('Loading…');
  const filters = { from: p.get('from') ?? undefined, to: p.get('to') ?? undefined };
  const edges = new Map<string, Edge>();
  const add = (src: string, tgt: string, events: number, goldstein: number | null, quadShares: number[]) => {
    const key = `${src}\u0000${tgt}`;
    const e = edges.get(key) ?? { source: src, target: tgt, events: 0, gSum: 0, gN: 0, quads: [0, 0, 0, 0, 0] };
    e.events += events;
    if (goldstein !== null) {
      e.gSum += goldstein * events;
      e.gN += events;
    }
    quadShares.forEach((share, i) => (e.quads[i + 1] += share * events));
    edges.set(key, e);
  };
  let note = '';
  if (level === 'country') {
    const { rows, truncated } = await api.aggregate({ ...filters, period: 'year', group: 'dyad' });
    for (const r of rows) {
      const [src, tgt] = String(r.dyad ?? '').split(':');
      if (src && tgt) add(src, tgt, r.events, r.mean_goldstein, [r.quad1_share, r.quad2_share, r.quad3_share, r.quad4_share]);
    }
    if (truncated) note = ' (aggregate truncated at 10,000 rows)';
  } else {
    let offset: number | null = 0;
    let seen = 0;
    while (offset !== null && seen < EVENT_CAP) {
      const page = await api.events({ ...filters, limit: 500, offset });
      for (const e of page.events) if (e.source_code && e.target_code) add(e.source_code, e.target_code, 1, e.goldstein, [1, 2, 3, 4].map((q) => (q === e.quad_class ? 1 : 0)));
      seen += page.events.length;
      offset = page.next_offset;
    }
    if (offset !== null) note = ` (from the first ${EVENT_CAP} events)`;
  }
  const list = [...edges.values()].sort((a, b) => b.events - a.events);
  const nodes = new Map<string, number>();
  for (const e of list) for (const n of [e.source, e.target]) nodes.set(n, (nodes.get(n) ?? 0) + e.events);
  s.set(list.length ? `${nodes.size} ${level === 'country' ? 'countries' : 'actors'}, ${list.length} edges${note}.` : 'No events in this period.');

  const mainQuad = (e: Edge) => e.quads.indexOf(Math.max(...e.quads.slice(1)), 1);
  const edgeColour = (e: Edge) => (colour === 'quad' ? QUAD_COLORS[mainQuad(e)] : goldsteinColor(e.gN ? e.gSum / e.gN : 0));
  const maxNode = Math.max(1, ...nodes.values());
  const cy = cytoscape({
    container: box,
    elements: [
      ...[...nodes].map(([id, n]) => ({ data: { id, label: id, size: 18 + 42 * Math.sqrt(n / maxNode) } })),
      ...list.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, width: 1 + 2 * Math.sqrt(e.events), colour: edgeColour(e), label: String(e.events) } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#4a6fa5', color: '#111', 'font-size': 12, 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
    ],
    layout: { name: nodes.size > 2 ? 'cose' : 'circle', animate: false, padding: 30 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'edge', (ev) => go(['dyad', ev.target.data('source'), ev.target.data('target')], { both: '0' }));
  cy.on('tap', 'node', (ev) => go(['events'], level === 'country' ? { country: ev.target.id() } : { actor: ev.target.id() }));

  table.append(
    h('thead', {}, h('tr', {}, ...['source', 'target', 'events', 'mean Goldstein', 'main quad class'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...list.map((e) => h('tr', { 'data-edge': `${e.source}:${e.target}`, 'data-events': e.events },
      h('td', {}, e.source), h('td', {}, e.target),
      h('td', { class: 'num' }, h('a', { href: href(['dyad', e.source, e.target], { both: '0' }) }, e.events)),
      h('td', { class: 'num' }, e.gN ? fmt(e.gSum / e.gN, 2) : '–'), h('td', {}, QUAD_NAMES[mainQuad(e)])))),
  );
  box.dataset.nodes = String(nodes.size);
  box.dataset.edges = String(list.length);
  return () => cy.destroy();
}
