/**
 * The words of synthetic timelines (synthesize-timeline.ts): a seeded random source, invented
 * countries, organizations and people, and the sentences reports are made of. Pure: the same
 * seed always gives the same text. Countries and organizations are invented so that a
 * synthetic timeline can never be mistaken for reporting on real ones; places are real
 * cities, as the gazetteer knows them.
 */
import { createHash } from 'node:crypto';
import { MONTHS, WEEKDAYS } from '../extract/dates/lexicon.js';

/** A seeded generator of numbers in [0, 1): sfc32, keyed by a hash of the seed. */
export function seededRandom(seed: string): () => number {
  const key = createHash('sha256').update(`parley-synth:${seed}`).digest();
  let a = key.readUInt32LE(0);
  let b = key.readUInt32LE(4);
  let c = key.readUInt32LE(8);
  let d = key.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** Zipf's exponent for who is in the news: a few heads of state everywhere, a long tail once or twice. */
const ZIPF_EXPONENT = 1.1;
const zipfTables = new Map<number, Float64Array>();

/**
 * An index in [0, n) drawn from a Zipf distribution: index k comes up in proportion to
 * 1 / (k + 1)^1.1, so the busiest actor is in ~10x the items of the tenth busiest.
 * Cumulative weights are computed once per n; each draw is a binary search.
 */
export function popular(random: Random, n: number): number {
  let table = zipfTables.get(n);
  if (!table) {
    table = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k += 1) {
      sum += 1 / (k + 1) ** ZIPF_EXPONENT;
      table[k] = sum;
    }
    for (let k = 0; k < n; k += 1) table[k] = (table[k] as number) / sum;
    zipfTables.set(n, table);
  }
  const r = random();
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((table[middle] as number) < r) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One of `choices` by weight. */
export function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return (choices.at(-1) as readonly [T, number])[0];
}

export const COUNTRIES = [
  'Veridia',
  'Norland',
  'Ostravia',
  'Calderra',
  'Marovia',
  'Sundara',
  'Tavria',
  'Lusania',
  'Brevonia',
  'Azmara',
  'Delvaria',
  'Estmark',
  'Galicor',
  'Iskara',
  'Jovania',
  'Korvath',
  'Lenmark',
  'Morrowa',
  'Nivalis',
  'Orlesia',
  'Pelagonia',
  'Quarnia',
  'Rhovania',
  'Solvane',
  'Tessaly',
  'Umbria Nova',
  'Valdoria',
  'Westmarch',
  'Yaskia',
  'Zarethia',
  'Arvendel',
  'Belmora',
  'Cyrenia',
  'Drevnia',
  'Elsmere',
  'Fenwick Islands',
  'Gorvania',
  'Halvard',
  'Istria Minor',
  'Kalmora',
] as const;

/** Alliances and agencies that belong to no country, with their acronyms. */
const MULTILATERAL: ReadonlyArray<readonly [string, string]> = [
  ['Northern Accord Organization', 'NAO'],
  ['Coastal States Council', 'CSC'],
  ['Union of Southern Republics', 'USR'],
  ['International Grain Authority', 'IGA'],
  ['Maritime Security Forum', 'MSF'],
  ['Continental Energy Agency', 'CEA'],
  ['Commission on Border Waters', 'CBW'],
  ['Alliance for Open Trade', 'AOT'],
  ['Eastern Development Bank', 'EDB'],
  ['Council of River Nations', 'CRN'],
  ['Arctic Cooperation Board', 'ACB'],
  ['Global Monitoring Mission', 'GMM'],
];

const NATIONAL_BODIES = [
  'Ministry of Defence',
  'Foreign Ministry',
  'Armed Forces',
  'Central Bank',
  'State Energy Company',
  'Election Commission',
  'Coast Guard',
  'Parliament',
];

const GIVEN_NAMES = [
  'Anna',
  'Boris',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Marek',
  'Nadia',
  'Omar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tomas',
  'Yara',
  'Amara',
  'Bence',
  'Chen',
  'Dalia',
  'Emil',
  'Freya',
  'Goran',
  'Hana',
  'Ivo',
  'Julia',
  'Kenji',
  'Lucia',
  'Mateo',
  'Nikolai',
  'Olga',
  'Pavel',
  'Rosa',
  'Samir',
  'Tereza',
  'Viktor',
];

const SURNAMES = [
  'Albescu',
  'Brandt',
  'Castillo',
  'Dorokhov',
  'Eriksen',
  'Ferreira',
  'Gallo',
  'Haddad',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Sato',
  'Tanaka',
  'Varga',
  'Weller',
  'Yilmaz',
  'Zeller',
  'Abara',
  'Bianchi',
  'Costa',
  'Demir',
  'Esposito',
  'Fischer',
  'Horvat',
  'Iglesias',
  'Jovanovic',
  'Kim',
  'Larsen',
  'Mensah',
  'Nieminen',
  'Ortega',
  'Pereira',
  'Ruiz',
];

const OFFICES: ReadonlyArray<readonly [office: string, title: string | null]> = [
  ['foreign minister', null],
  ['defence minister', null],
  ['prime minister', null],
  ['president', 'President'],
  ['interior minister', null],
  ['finance minister', null],
  ['chief of the general staff', 'Gen.'],
  ['top military officer', 'Gen.'],
  ['ambassador to the Northern Accord Organization', 'Ambassador'],
  ['trade representative', null],
  ['opposition leader', null],
  ['central bank governor', null],
];

/** Cities the gazetteer knows, where meetings and events take place. */
export const CITIES = [
  'Madrid',
  'Vienna',
  'Helsinki',
  'Brussels',
  'Oslo',
  'Doha',
  'Ankara',
  'Warsaw',
  'Cairo',
  'Tokyo',
  'Nairobi',
  'Singapore',
  'Lisbon',
  'Reykjavik',
  'Baku',
  'Bern',
  'Montevideo',
  'Ottawa',
  'Canberra',
  'Addis Ababa',
  'Jakarta',
  'Stockholm',
  'Prague',
  'Tallinn',
  'Muscat',
] as const;

export interface ActorSpec {
  name: string;
  kind: 'PERSON' | 'ORGANIZATION' | 'COUNTRY';
  description: string | null;
  /** Other names it goes by (the name itself is always an alias). */
  aliases: string[];
  /** The person's title in running text ("Gen.", "President"), if any. */
  title: string | null;
  /** The country a person or national body belongs to. */
  country: string | null;
}

export interface ActorCounts {
  people: number;
  organizations: number;
  countries: number;
}

/** Invented countries, organizations and people, in a fixed order for the seed. */
export function makeActors(random: Random, counts: ActorCounts): ActorSpec[] {
  const countries: ActorSpec[] = COUNTRIES.slice(0, counts.countries).map((name) => ({
    name,
    kind: 'COUNTRY',
    description: null,
    aliases: random() < 0.4 ? [`Republic of ${name}`] : [],
    title: null,
    country: name,
  }));
  const organizations: ActorSpec[] = [];
  for (const [name, acronym] of MULTILATERAL.slice(0, Math.ceil(counts.organizations / 3)))
    organizations.push({
      name,
      kind: 'ORGANIZATION',
      description: null,
      aliases: [acronym],
      title: null,
      country: null,
    });
  const seen = new Set(organizations.map((o) => o.name));
  while (organizations.length < counts.organizations && seen.size < countries.length * NATIONAL_BODIES.length) {
    const country = pick(random, countries).name;
    const name = `${country} ${pick(random, NATIONAL_BODIES)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    organizations.push({ name, kind: 'ORGANIZATION', description: null, aliases: [], title: null, country });
  }
  const people: ActorSpec[] = [];
  const names = new Set<string>();
  while (people.length < counts.people && names.size < GIVEN_NAMES.length * SURNAMES.length) {
    const given = pick(random, GIVEN_NAMES);
    const surname = pick(random, SURNAMES);
    const name = `${given} ${surname}`;
    if (names.has(name)) continue;
    names.add(name);
    const country = pick(random, countries).name;
    const [office, title] = pick(random, OFFICES);
    const aliases: string[] = [];
    if (random() < 0.6) aliases.push(surname);
    if (title) aliases.push(`${title} ${name}`);
    if (random() < 0.15) aliases.push(`${given[0]}. ${surname}`);
    people.push({ name, kind: 'PERSON', description: `${country}'s ${office}`, aliases, title, country });
  }
  return [...countries, ...organizations, ...people];
}

const OPENERS = [
  'We will not accept',
  'Our government remains committed to',
  'There can be no lasting peace without',
  'We are ready to discuss',
  'Nobody should doubt our support for',
  'We have always argued for',
  'It is too early to talk about',
  'Our partners know that we want',
  'We will keep working towards',
  'The people of this region deserve',
  'We have made it clear that we oppose',
  'History will judge those who block',
];

const OBJECTS = [
  'an agreement that ignores the security of our people',
  'a settlement that respects international law',
  'the free movement of goods across the border',
  'a ceasefire that actually holds',
  'new talks on the river waters',
  'sanctions that hurt ordinary families',
  'a joint inspection of the disputed islands',
  'the return of everyone displaced by the fighting',
  'a fair price for grain and fuel',
  'open elections observed by international monitors',
  'the withdrawal of heavy weapons from the frontier',
  'a permanent channel between our militaries',
];

const CODAS = [
  '',
  ', whatever the pressure',
  ', and we will say so at every meeting',
  ', as we have said many times',
  ' before the end of the year',
  ', and our partners agree',
  ' while the talks continue',
];

const SECOND_SENTENCES = [
  'The door to dialogue remains open.',
  'We expect the same from our neighbours.',
  'That is not a threat, it is a promise.',
  'Anyone who says otherwise has not read the agreement.',
  'We will judge them by their actions, not their words.',
  'This is a matter for both our countries.',
  'Time is running out.',
];

export interface QuoteSpec {
  /** The words, as the statement stores them. */
  text: string;
  mode: 'DIRECT' | 'PARTIAL' | 'UNMARKED';
}

/** Words a speaker said: a whole remark (one or two sentences), or a fragment quoted inside a paraphrase. */
export function makeQuote(random: Random): QuoteSpec {
  const mode = weighted(random, [
    ['DIRECT', 70],
    ['PARTIAL', 20],
    ['UNMARKED', 10],
  ] as const);
  const clause = `${pick(random, OBJECTS)}${pick(random, CODAS)}`;
  if (mode === 'PARTIAL') return { text: clause, mode };
  const first = `${pick(random, OPENERS)} ${clause}.`;
  return { text: random() < 0.4 ? `${first} ${pick(random, SECOND_SENTENCES)}` : first, mode };
}

export const EVENT_ACTIONS: ReadonlyArray<readonly [action: string, object: (target: string) => string]> = [
  ['accused', (t) => `${t} of violating the ceasefire`],
  ['imposed', (t) => `sanctions on ${t}`],
  ['launched', (t) => `military exercises near the border with ${t}`],
  ['signed', (t) => `a trade agreement with ${t}`],
  ['suspended', (t) => `talks with ${t}`],
  ['expelled', (t) => `two diplomats from ${t}`],
  ['recalled', (t) => `its ambassador to ${t}`],
  ['closed', (t) => `its border with ${t}`],
  ['reopened', (t) => `the border crossing with ${t}`],
  ['condemned', (t) => `a missile test by ${t}`],
  ['released', (t) => `prisoners held from ${t}`],
  ['opened', (t) => `an inquiry into a shipment from ${t}`],
];

/** "16 February", "last week", "in March", "in 2014": how a report says when, by precision. */
export function whenPhrase(start: Date | null, precision: string | null): string {
  if (!start || !precision) return '';
  switch (precision) {
    case 'DAY':
      return `on ${WEEKDAYS[(start.getUTCDay() + 6) % 7]}, ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]}`;
    case 'WEEK':
      return `in the week of ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]}`;
    case 'MONTH':
      return `in ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
    default:
      return `in ${start.getUTCFullYear()}`;
  }
}

const FILLERS = [
  'Officials declined to give further details.',
  'The statement was published on the government website.',
  'Diplomats said the atmosphere was tense.',
  'Neither side took questions from reporters.',
  'Analysts said the move had been expected for weeks.',
  'The talks are expected to continue.',
];

export function filler(random: Random): string {
  return pick(random, FILLERS);
}
