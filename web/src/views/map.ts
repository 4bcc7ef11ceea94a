// The map of event places: points at each place's coordinates, sized by its number of events, over a world outline
// bundled from world-atlas (Natural Earth 1:110m) — no tile server, so it works offline.
import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { api } from '../api';
import { echarts, mountChart } from '../charts';
import { field, fmt, h, status } from '../dom';
import { go, href, type Route } from '../route';

interface Place {
  name: string;
  country: string | null;
  events: number;
  gSum: number;
  gN: number;
  lat: number | null;
  lon: number | null;
}

const EVENT_CAP = 1000;
const PLACE_CAP = 200;
let registered = false;

export async function mapView(main: HTMLElement, route: Route): Promise<() => void> {
  const p = route.params;
  const inputs = {
    from: h('input', { type: 'date', name: 'from', value: p.get('from') ?? '' }),
    to: h('input', { type: 'date', name: 'to', value: p.get('to') ?? '' }),
    country: h('input', { name: 'country', value: p.get('country') ?? '', size: 6, placeholder: 'ISO3' }),
    dyad: h('input', { name: 'dyad', value: p.get('dyad') ?? '', size: 10, placeholder: 'CHN:KAZ' }),
  };
  const form = h('form', { class: 'filters', 'aria-label': 'Map filters' },
    field('From', inputs.from), field('To', inputs.to), field('Country (source or target)', inputs.country), field('Dyad', inputs.dyad),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(['map'], Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()])));
  });
  const s = status();
  const box = h('div', { class: 'chart map', id: 'map-chart', role: 'img', 'aria-label': 'World map of event places; the table below lists them' });
  const table = h('table', { class: 'data', id: 'map-table' });
  main.append(h('h2', {}, 'Where events took place'), form, s.el, box, h('details', { open: true }, h('summary', {}, 'Places'), table));

  if (!registered) {
    const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topo, topo.objects.countries);
    countries.features = countries.features.filter((f) => f.id !== '010').map(splitAtAntimeridian); // no Antarctica
    echarts.registerMap('world', countries as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered = true;
  }

  s.set('Loading…');
  const filters = { from: p.get('from') ?? undefined, to: p.get('to') ?? undefined, country: p.get('country') ?? undefined, dyad: p.get('dyad') ?? undefined, both: p.get('dyad') ? 'true' : undefined };
  const places = new Map<string, Place>();
  let offset: number | null = 0;
  let seen = 0;
  while (offset !== null && seen < EVENT_CAP) {
    const page = await api.events({ ...filters, limit: 500, offset });
    for (const e of page.events) {
      if (!e.location_name) continue;
      const key = `${e.location_name}\u0000${e.location_country ?? ''}`;
      const pl = places.get(key) ?? { name: e.location_name, country: e.location_country, events: 0, gSum: 0, gN: 0, lat: null, lon: null };
      // A place resolves to one point; the first event with coordinates gives them.
      if (pl.lat === null && typeof e.lat === 'number' && typeof e.lon === 'number') [pl.lat, pl.lon] = [e.lat, e.lon];
      pl.events += 1;
      if (e.goldstein !== null) {
        pl.gSum += e.goldstein;
        pl.gN += 1;
      }
      places.set(key, pl);
    }
    seen += page.events.length;
    offset = page.next_offset;
  }
  const list = [...places.values()].sort((a, b) => b.events - a.events).slice(0, PLACE_CAP);
  const located = list.filter((pl) => pl.lat !== null);
  s.set(`${located.length} places with coordinates, ${list.length - located.length} without (a country only)${offset !== null ? `; from the first ${EVENT_CAP} events` : ''}.`);
  box.dataset.points = String(located.length);

  table.append(
    h('thead', {}, h('tr', {}, ...['place', 'country', 'events', 'mean Goldstein', 'lat, lon'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...list.map((pl) => h('tr', { 'data-place': pl.name, 'data-events': pl.events },
      h('td', {}, h('a', { href: href(['events'], { place: pl.name }) }, pl.name)), h('td', {}, pl.country ?? '–'),
      h('td', { class: 'num' }, pl.events), h('td', { class: 'num' }, pl.gN ? fmt(pl.gSum / pl.gN, 2) : '–'),
      h('td', {}, pl.lat === null ? '–' : `${fmt(pl.lat, 2)}, ${fmt(pl.lon!, 2)}`)))),
  );

  const max = Math.max(1, ...located.map((pl) => pl.events));
  const { chart, dispose } = mountChart(box);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item', formatter: (x: { name: string; value: number[] }) => `${x.name}: ${x.value[2]} events` },
    geo: { map: 'world', roam: true, itemStyle: { areaColor: '#e8ecef', borderColor: '#9aa5ad' }, emphasis: { disabled: true }, boundingCoords: [[-180, 84], [180, -60]] },
    series: [{
      type: 'scatter', coordinateSystem: 'geo',
      data: located.map((pl) => ({ name: pl.name, value: [pl.lon, pl.lat, pl.events] })),
      symbolSize: (v: number[]) => 6 + 30 * Math.sqrt(v[2] / max),
      itemStyle: { color: 'rgba(192, 57, 43, 0.75)', borderColor: '#fff' },
    }],
  });
  chart.on('click', (e) => {
    if (e.seriesType === 'scatter') go(['events'], { place: e.name });
  });
  return dispose;
}

type Ring = number[][];

/** Rings that jump across ±180° (Russia, Fiji) cut in two, so no stroke runs across the whole map. */
function splitAtAntimeridian<F extends Feature>(f: F): F {
  const g = f.geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return f;
  const polygons: Ring[][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Ring[][] = [];
  for (const polygon of polygons) {
    if (!polygon.some((ring) => ring.some((pt, i) => i > 0 && Math.abs(pt[0] - ring[i - 1][0]) > 180))) {
      out.push(polygon);
      continue;
    }
    for (const ring of polygon) {
      const sides: [Ring, Ring] = [[], []];
      let side = 0;
      ring.forEach((pt, i) => {
        if (i > 0 && Math.abs(pt[0] - ring[i - 1][0]) > 180) side = 1 - side;
        sides[side].push(pt);
      });
      for (const part of sides) if (part.length > 2) out.push([[...part, part[0]]]);
    }
  }
  return { ...f, geometry: { type: 'MultiPolygon', coordinates: out } };
}
