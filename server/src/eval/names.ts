/**
 * When two written names denote the same actor, for scoring only: lenient enough that
 * "Defense Secretary Jim Mattis" finds "James N. Mattis" and "Valeriy" finds "Valery",
 * strict enough that "George W. Bush" does not find "George H. W. Bush". Pure.
 */

/** A name reduced to comparable tokens: lower-case, accent-free, without titles or suffixes. */
export interface NormalizedName {
  tokens: string[];
  /** First token when the name has two or more; null for a lone surname ("Trump"). */
  first: string | null;
  /** Second token when the name has three or more ("n" in "james n mattis"). */
  middle: string | null;
  last: string;
}

/**
 * Titles, honorifics and ranks that precede a name. Words that also name organizations
 * ("state", "justice", "defense") appear only inside phrases, so "State Department" keeps
 * its first word while "Secretary of State Mike Pompeo" loses the title.
 */
const TITLE_PHRASES: readonly string[][] = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'doctor',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'gen',
  'general',
  'lt',
  'lieutenant',
  'col',
  'colonel',
  'maj',
  'major',
  'capt',
  'captain',
  'adm',
  'admiral',
  'cmdr',
  'commander',
  'sgt',
  'sergeant',
  'cpl',
  'corporal',
  'pvt',
  'brig',
  'brigadier',
  'marshal',
  'president',
  'vice',
  'prime',
  'minister',
  'premier',
  'secretary',
  'sen',
  'senator',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'gov',
  'governor',
  'mayor',
  'king',
  'queen',
  'prince',
  'princess',
  'emir',
  'sheikh',
  'sultan',
  'pope',
  'rev',
  'reverend',
  'ayatollah',
  'chancellor',
  'ambassador',
  'amb',
  'judge',
  'chairman',
  'chairwoman',
  'chair',
  'speaker',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'director',
  'envoy',
  'adviser',
  'advisor',
  'leader',
  'chief',
  'deputy',
  'former',
  'acting',
  'secretary of state',
  'secretary of defense',
  'secretary of defence',
  'secretary general',
  'attorney general',
  'chief of staff',
  'crown prince',
  'supreme leader',
  'majority leader',
  'minority leader',
  'national security adviser',
  'national security advisor',
  'press secretary',
]
  .map((phrase) => phrase.split(' '))
  .sort((a, b) => b.length - a.length);

/** Words that mark an organization's own name ("Office of the Director of ..."): no title stripping across them. */
const FUNCTION_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'at']);

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Familiar forms and the given names they stand for. */
const NICKNAMES: readonly string[][] = [
  ['james', 'jim', 'jimmy', 'jamie'],
  ['joseph', 'joe', 'joey'],
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['michael', 'mike', 'mick', 'mickey'],
  ['thomas', 'tom', 'tommy'],
  ['richard', 'dick', 'rick', 'ricky', 'rich'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davy'],
  ['steven', 'stephen', 'steve'],
  ['christopher', 'chris', 'kit'],
  ['anthony', 'tony'],
  ['andrew', 'andy', 'drew'],
  ['alexander', 'alex', 'alec', 'sasha', 'aleksandr', 'alexandr'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['charles', 'chuck', 'charlie', 'chas'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['samuel', 'sam', 'sammy'],
  ['benjamin', 'ben', 'benny', 'bibi'],
  ['patrick', 'pat', 'paddy'],
  ['matthew', 'matt'],
  ['nicholas', 'nick', 'nicky'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff', 'geoffrey'],
  ['lawrence', 'larry', 'laurence'],
  ['gerald', 'jerry', 'gerry'],
  ['john', 'jack', 'johnny'],
  ['jonathan', 'jon'],
  ['joshua', 'josh'],
  ['henry', 'hank', 'harry'],
  ['harold', 'harry', 'hal'],
  ['mitchell', 'mitch'],
  ['timothy', 'tim'],
  ['kenneth', 'ken', 'kenny'],
  ['raymond', 'ray'],
  ['peter', 'pete'],
  ['frederick', 'fred', 'freddie'],
  ['elizabeth', 'liz', 'beth', 'betty', 'lizzie', 'eliza'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'kathy', 'cathy'],
  ['margaret', 'maggie', 'peggy', 'meg'],
  ['susan', 'sue', 'suzy'],
  ['patricia', 'patty', 'trish'],
  ['jennifer', 'jen', 'jenny'],
  ['deborah', 'debbie', 'deb'],
  ['rebecca', 'becky'],
  ['vladimir', 'vlad'],
  ['dmitry', 'dima'],
  ['mohammed', 'mohammad', 'muhammad', 'mohamed', 'mohamad'],
];

const nicknameGroups = new Map<string, Set<number>>();
NICKNAMES.forEach((group, index) => {
  for (const name of group) {
    const canonical = transliterate(name);
    const groups = nicknameGroups.get(canonical) ?? new Set<number>();
    groups.add(index);
    nicknameGroups.set(canonical, groups);
  }
});

/**
 * One spelling for common transliteration variants of a final syllable: Valeriy/Valery,
 * Dmitriy/Dmitry, Sergei/Sergey, Zelenskyy/Zelensky.
 */
function transliterate(token: string): string {
  if (token.length < 3) return token;
  return token.replace(/(?:iy|yy)$/, 'y').replace(/ei$/, 'ey');
}

/** Lower-case, accent-free word tokens; dotted initialisms ("U.S.", "H.R.") become one token. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(?<![\p{L}\p{N}])((?:\p{L}\.){2,})/gu, (initialism: string) => initialism.replace(/\./g, ''))
    .replace(/'s(?![\p{L}\p{N}])/gu, '')
    .replace(/'/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

function titleLengthAt(tokens: readonly string[], index: number): number {
  for (const phrase of TITLE_PHRASES) {
    if (phrase.every((word, offset) => tokens[index + offset] === word)) return phrase.length;
  }
  return 0;
}

/**
 * Drops everything up to the last title before the name proper ("Russian President
 * Vladimir Putin" -> "vladimir putin"), unless that would leave nothing or cut through an
 * organization's name ("Office of the Director of National Intelligence").
 */
function stripTitles(tokens: string[]): string[] {
  let rest = tokens[0] === 'the' && tokens.length > 1 ? tokens.slice(1) : tokens;
  let cut = 0;
  for (let i = 0; i < rest.length; ) {
    const length = titleLengthAt(rest, i);
    if (length > 0) {
      if (i + length < rest.length) cut = i + length;
      i += length;
    } else if (FUNCTION_WORDS.has(rest[i] as string)) {
      break;
    } else {
      i += 1;
    }
  }
  rest = rest.slice(cut);
  while (rest.length > 1 && SUFFIXES.has(rest[rest.length - 1] as string)) rest = rest.slice(0, -1);
  return rest;
}

/** Null when the name has no letters or digits at all. */
export function normalizeName(name: string): NormalizedName | null {
  const tokens = stripTitles(nameTokens(name)).map(transliterate);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return null;
  return {
    tokens,
    first: tokens.length >= 2 ? (tokens[0] as string) : null,
    middle: tokens.length >= 3 ? (tokens[1] as string) : null,
    last,
  };
}

/** Equal, one the initial of the other, or nicknames of one given name (Jim/James). */
export function givenNamesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const groupsA = nicknameGroups.get(a);
  const groupsB = nicknameGroups.get(b);
  if (!groupsA || !groupsB) return false;
  for (const group of groupsA) if (groupsB.has(group)) return true;
  return false;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((token, offset) => haystack[start + offset] === token)) return true;
  }
  return false;
}

/** Same surname with compatible given names (when both have them), or one name inside the other. */
export function normalizedNamesMatch(a: NormalizedName, b: NormalizedName): boolean {
  if (a.last === b.last) {
    const firstOk = a.first === null || b.first === null || givenNamesCompatible(a.first, b.first);
    const middleOk = a.middle === null || b.middle === null || givenNamesCompatible(a.middle, b.middle);
    if (firstOk && middleOk) return true;
  }
  // Organizations ("NATO" / "NATO allies"), and people whose family name comes first
  // ("Kim" / "Kim Jong Un", "Moon" / "Moon Jae-in").
  return containsRun(a.tokens, b.tokens) || containsRun(b.tokens, a.tokens);
}

export function namesMatch(a: string, b: string): boolean {
  const na = normalizeName(a);
  const nb = normalizeName(b);
  return na !== null && nb !== null && normalizedNamesMatch(na, nb);
}

/**
 * A gold name naming several actors jointly ("Donald Trump and Kim Jong Un") is found by
 * any one of them, as well as by the whole.
 */
export function expandGoldName(name: string): string[] {
  const parts = name
    .split(/\s+(?:and|&)\s+/i)
    .map((part) => part.replace(/^[\s,]+|[\s,]+$/g, ''))
    .filter((part) => part.length > 0);
  return parts.length > 1 ? [name, ...parts] : [name];
}

/** True when any of the gold forms matches any of the record's names or aliases. */
export function anyNameMatches(goldNames: readonly string[], extractedNames: readonly string[]): boolean {
  const gold = goldNames.map(normalizeName).filter((n): n is NormalizedName => n !== null);
  const extracted = extractedNames.map(normalizeName).filter((n): n is NormalizedName => n !== null);
  return gold.some((g) => extracted.some((e) => normalizedNamesMatch(g, e)));
}
