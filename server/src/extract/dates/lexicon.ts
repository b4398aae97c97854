/**
 * Words the date rules are built from. Month and weekday names are matched capitalized or
 * in capitals only: news prose capitalizes them, and lower-case "may" and "march" are a
 * verb and a noun far more often than months.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Abbreviations as news styles write them ("Feb.", "Sept."), with the month they stand for. */
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Month names that are also common words or names, accepted alone only in a date context. */
export const AMBIGUOUS_MONTHS = new Set([2, 4]); // March, May

function capitalizedOrUpper(word: string): string {
  return `${word}|${word.toUpperCase()}`;
}

/** Regex source matching a month name or abbreviation (abbreviations may end in a period). */
export const MONTH_SOURCE = (() => {
  const full = MONTHS.map(capitalizedOrUpper).join('|');
  const abbreviations = Object.keys(MONTH_ABBREVIATIONS)
    .sort((a, b) => b.length - a.length)
    .map((a) => capitalizedOrUpper(a[0]!.toUpperCase() + a.slice(1)))
    .join('|');
  return `(?:(?:${full})(?![\\p{L}\\p{N}])|(?:${abbreviations})(?:\\.|(?![\\p{L}\\p{N}])))`;
})();

export const WEEKDAY_SOURCE = `(?:${WEEKDAYS.map(capitalizedOrUpper).join('|')})(?![\\p{L}\\p{N}])`;

/** Month index of every spelling a month token may take: "january", "feb", "sept". */
const MONTH_INDEX = new Map<string, number>([
  ...MONTHS.map((m, i) => [m.toLowerCase(), i] as const),
  ...Object.entries(MONTH_ABBREVIATIONS),
]);
const FULL_MONTHS = new Set(MONTHS.map((m) => m.toLowerCase()));
const WEEKDAY_INDEX = new Map(WEEKDAYS.map((d, i) => [d.toLowerCase(), i]));

function monthWord(token: string): string {
  return (token.endsWith('.') ? token.slice(0, -1) : token).toLowerCase();
}

/** Month index (0..11) of a matched month token, or -1. */
export function monthIndex(token: string): number {
  return MONTH_INDEX.get(monthWord(token)) ?? -1;
}

/** True when the matched month token is an abbreviation ("Feb.", "Sept"), not a full name. */
export function isAbbreviatedMonth(token: string): boolean {
  return !FULL_MONTHS.has(monthWord(token));
}

/** Monday-based weekday index (0..6) of a matched weekday token, or -1. */
export function weekdayIndex(token: string): number {
  return WEEKDAY_INDEX.get(token.toLowerCase()) ?? -1;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  'a couple of': 2,
  'a couple': 2,
};

export const NUMBER_WORD_SOURCE = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');

/** The value of a written count ("three", "12", "a couple of"), or null. */
export function countValue(token: string): number | null {
  const word = token.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/**
 * Nouns that follow a count, never a year or a day of the month: "2000 troops", "In March
 * 30 people died". A year used as a modifier ("the 2014 elections") takes other nouns.
 */
export const COUNT_NOUN_SOURCE = [
  '%',
  'per\\s?cent',
  'percent',
  'pc',
  'millions?',
  'billions?',
  'trillions?',
  'thousands?',
  'hundreds?',
  'dozens?',
  'km',
  'kms',
  'kilomet(?:er|re)s?',
  'mi',
  'miles?',
  'met(?:er|re)s?',
  'ft',
  'feet',
  'foot',
  'yards?',
  'inch(?:es)?',
  'cm',
  'mm',
  'kg',
  'kilos?',
  'kilograms?',
  'grams?',
  'lbs?',
  'pounds',
  'tons?',
  'tonnes?',
  'barrels?',
  'bpd',
  'lit(?:er|re)s?',
  'gallons?',
  'acres?',
  'hectares?',
  'sq',
  'square',
  'hours',
  'hrs',
  'minutes',
  'mins',
  'seconds',
  'days',
  'weeks',
  'months',
  'years',
  'people',
  'persons',
  'individuals',
  'residents',
  'civilians',
  'troops',
  'soldiers',
  'fighters',
  'militants',
  'rebels',
  'insurgents',
  'policemen',
  'officers',
  'officials',
  'staff',
  'employees',
  'workers',
  'jobs',
  'members',
  'delegates',
  'votes',
  'voters',
  'ballots',
  'seats',
  'deaths',
  'dead',
  'killed',
  'injured',
  'wounded',
  'casualties',
  'victims',
  'refugees',
  'migrants',
  'asylum',
  'prisoners',
  'detainees',
  'hostages',
  'protesters',
  'protestors',
  'demonstrators',
  'marchers',
  'students',
  'children',
  'kids',
  'women',
  'men',
  'families',
  'households',
  'homes',
  'houses',
  'buildings',
  'units',
  'cases',
  'infections',
  'patients',
  'doses',
  'beds',
  'vehicles',
  'cars',
  'trucks',
  'tanks',
  'planes',
  'aircraft',
  'jets',
  'drones',
  'missiles',
  'rockets',
  'warheads',
  'weapons',
  'guns',
  'rifles',
  'rounds',
  'shells',
  'bombs',
  'ships',
  'boats',
  'vessels',
  'sailors',
  'marines',
  'pages',
  'words',
  'signatures',
  'documents',
  'emails',
  'messages',
  'tweets',
  'followers',
  'visitors',
  'tourists',
  'flights',
  'passengers',
  'sites',
  'schools',
  'hospitals',
  'villages',
  'towns',
  'cities',
  'companies',
  'firms',
  'businesses',
  'dollars',
  'euros',
  'yuan',
  'yen',
  'rubles',
  'roubles',
  'rupees',
  'pesos',
  'francs',
  'shekels',
  'dinars',
  'riyals',
  'naira',
  'rand',
  'lira',
  'points',
  'goals',
  'times',
].join('|');

/** Time zones and clock words after a four-digit number make it a time ("at 2100 GMT"). */
export const CLOCK_SOURCE =
  '(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|KST|hours|hrs|local\\s+time)';
