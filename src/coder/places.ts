// Places an event: a place named in its sentence (`in Beijing`, `in Kazakhstan`, a gazetteer city), else the
// dateline city; gives the country and, for cities, coordinates. It never decides actors.
import type { ActorDictionary } from '../dictionaries/actor-dictionary.js';
import type { Doc, LocationOut, Sentence } from '../model/types.js';
import { longestName } from './phrase-lookup.js';
import type { Gazetteer } from './gazetteer.js';

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);

export interface PlaceFound {
  location: LocationOut;
  rule: string;
  entry?: string;
  token: number;
}

/**
 * Places named after a locative preposition in the sentence. With `modified`, also those after lower-case modifiers
 * (`in southeastern Serbia`): where people are, though seldom where an event is placed.
 */
export function sentencePlaces(doc: Doc, dict: ActorDictionary, gaz: Gazetteer, sent: Sentence, knownCountries?: Set<string>, modified = false): PlaceFound[] {
  const { tokens } = doc;
  const out: PlaceFound[] = [];
  for (let t = sent.tokenStart; t < sent.tokenEnd - 1; t++) {
    if (!PLACE_PREPOSITIONS.has(tokens.lower[t])) continue;
    let i = t + 1;
    if (tokens.lower[i] === 'the') i++;
    // `in southeastern Serbia`, `in the occupied West Bank`: lower-case modifiers before the name.
    for (let k = 0; modified && k < 2 && i < sent.tokenEnd - 1 && (tokens.pos[i] === 'ADJ' || tokens.pos[i] === 'VERB') && /^\p{Ll}/u.test(tokens.text[i]); k++) i++;
    const name = longestName(doc, dict, i, sent.tokenEnd);
    if (name) {
      const hit = name.hits.find((h) => h.type === 'capital' || h.type === 'city' || h.type === 'country');
      if (!hit) continue;
      const text = doc.article.text.slice(tokens.start[i], tokens.end[name.end - 1]);
      const span = { start: tokens.start[i], end: tokens.end[name.end - 1] };
      const country = dict.countries.get(hit.code);
      if (hit.type === 'country') {
        out.push({ location: { text, name: country?.name ?? text, country: hit.code, lat: null, lon: null, ...span }, rule: 'in-country', entry: hit.entry, token: i });
      } else {
        const city = gaz.lookup(text, country?.iso2);
        out.push({
          location: { text, name: city?.name ?? text, country: hit.code, lat: city?.lat ?? null, lon: city?.lon ?? null, ...span },
          rule: `in-${hit.type}`,
          entry: hit.entry,
          token: i,
        });
      }
      continue;
    }
    // An unknown capitalised name after `in`: a gazetteer town.
    if (tokens.pos[i] === 'PROPN' && /^\p{Lu}/u.test(tokens.text[i])) {
      let j = i + 1;
      const named = (k: number) => k < sent.tokenEnd && tokens.pos[k] === 'PROPN' && /^\p{Lu}/u.test(tokens.text[k]);
      // `the Bay of Bengal`, `the Gulf of Aden`: the name runs on through `of`, and is looked up whole, never as `Bay`.
      while (named(j) || (tokens.lower[j] === 'of' && named(j + 1))) j++;
      const text = doc.article.text.slice(tokens.start[i], tokens.end[j - 1]);
      // Of the towns by that name, prefer one in a country the article is about; a town elsewhere must be big.
      let city = null;
      for (const c of knownCountries ?? []) {
        const iso2 = dict.countries.get(c)?.iso2;
        const hit = iso2 ? gaz.lookup(text, iso2) : null;
        if (hit && hit.population >= 1000 && (!city || hit.population > city.population)) city = hit;
      }
      if (!city) {
        const any = gaz.lookup(text);
        if (any && any.population >= 500000) city = any;
      }
      if (city) {
        const code = dict.byIso2.get(city.iso2) ?? null;
        out.push({
          location: { text, name: city.name, country: code, lat: city.lat, lon: city.lon, start: tokens.start[i], end: tokens.end[j - 1] },
          rule: 'in-gazetteer-city',
          token: i,
        });
      }
    }
  }
  return out;
}

/** The dateline city (`BEIJING, April 25 (Xinhua) --`) as a place. */
export function datelinePlace(doc: Doc, dict: ActorDictionary, gaz: Gazetteer): PlaceFound | null {
  const place = doc.dateline?.place;
  if (!place) return null;
  // Datelines may name a city then a country or state: `KYIV, Ukraine`; the first part is the city.
  const cityText = place.text.split(',')[0].trim();
  const key = cityText.toLowerCase();
  const hits = dict.namesLower.get(key) ?? [];
  const hit = hits.find((h) => h.type === 'capital' || h.type === 'city' || h.type === 'country');
  const display = titleCase(cityText);
  const span = { start: place.start, end: place.start + cityText.length };
  if (hit) {
    const country = dict.countries.get(hit.code);
    const city = hit.type === 'country' ? null : gaz.lookup(display, country?.iso2);
    return {
      location: { text: place.text.slice(0, cityText.length), name: city?.name ?? display, country: hit.code, lat: city?.lat ?? null, lon: city?.lon ?? null, ...span },
      rule: 'dateline-place',
      entry: hit.entry,
      token: -1,
    };
  }
  const city = gaz.lookup(display);
  if (!city) return null;
  return {
    location: { text: place.text.slice(0, cityText.length), name: city.name, country: dict.byIso2.get(city.iso2) ?? null, lat: city.lat, lon: city.lon, ...span },
    rule: 'dateline-gazetteer-city',
    token: -1,
  };
}

/**
 * A material act between two actors of one country, its sentence naming no place, happened in that country: a wire
 * story datelined in a regional hub (`DUBAI`, `NAIROBI`) about Saudi police arresting Saudis is placed in Saudi Arabia,
 * not in the United Arab Emirates (the caller decides which acts are material: a statement is made where the reporter
 * heard it, at home or abroad). Null where the dateline is in that country already (its city says more), or where the
 * two actors are of different countries or of none.
 */
export function ownCountryPlace(dict: ActorDictionary, sourceCode: string | null, targetCode: string | null, dateline: PlaceFound | null): PlaceFound | null {
  if (!sourceCode || !targetCode) return null;
  const code = sourceCode.slice(0, 3);
  if (targetCode.slice(0, 3) !== code || dateline?.location.country === code) return null;
  const country = dict.countries.get(code);
  if (!country) return null;
  return { location: { text: null, name: country.name, country: code, lat: null, lon: null, start: null, end: null }, rule: 'both-actors-country', token: -1 };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
