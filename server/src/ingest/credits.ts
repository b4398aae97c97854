/**
 * Credit lines: who took the photo ("Virginia Mayo / AFP/Getty Images"), who contributed
 * the reporting ("Reuters contributed reporting to this article."), who wrote the piece
 * ("By Jane Doe"). All become CREDIT paragraphs: they name people and agencies but state
 * nothing that happened. Photo credits also anchor caption detection.
 */
import { KNOWN_PUBLISHER_NAMES } from './publishers.js';

export type CreditKind = 'PHOTO' | 'CONTRIBUTION' | 'BYLINE' | 'CONTACT';

export interface CreditReading {
  kind: CreditKind;
  /** For bylines: the names as written ("Jane Doe and John Roe"). */
  author: string | null;
}

/** Credits are short; a longer paragraph is prose that happens to contain a slash. */
const MAX_PHOTO_CREDIT_LENGTH = 120;
const MAX_CONTRIBUTION_LENGTH = 300;
const MAX_BYLINE_LENGTH = 120;

/** Words that make up photo credits on their own: agencies, libraries, licences. */
const CREDIT_WORDS: ReadonlySet<string> = new Set([
  'afp',
  'ap',
  'associated',
  'press',
  'reuters',
  'getty',
  'images',
  'epa',
  'efe',
  'epa-efe',
  'pool',
  'photo',
  'photos',
  'flickr',
  'shutterstock',
  'sputnik',
  'tass',
  'xinhua',
  'bloomberg',
  'alamy',
  'wikimedia',
  'commons',
  'nurphoto',
  'anadolu',
  'agency',
  'sipa',
  'landov',
  'corbis',
  'zuma',
  'wire',
  'via',
  'file',
  'handout',
  'cc',
  'by',
  'sa',
  'ria',
  'novosti',
  'kremlin',
]);

const CREDIT_LABEL =
  /^(?:photo(?:graph)?s?|pictures?|images?|credits?|photo credit|image credit|image source|sources?|illustration|graphic)(?: by|:| by:) ?\S.{0,100}$/i;
// "Image copyright AFP" is a credit; "Image copyright AP Image caption ..." is a caption.
const IMAGE_COPYRIGHT =
  /^(?:image copyright|copyright (?:image|photo)|toggle caption)\b(?!.*\bimage caption\b) ?.{1,150}$/i;
const AP_PHOTO = /^\(?AP Photo\b.{0,80}$/;
/** Lower-case words allowed inside a name-and-agency credit. */
const CREDIT_PARTICLES = new Set([
  'via',
  'for',
  'of',
  'the',
  'and',
  'de',
  'del',
  'da',
  'van',
  'von',
  'der',
  'le',
  'la',
  'al',
  'bin',
  'y',
  'by',
]);

function creditTokens(text: string): string[] {
  return text
    .split(/[\s/|]+/)
    .map((token) => token.replace(/^[([*"'\u201c\u2018]+|[)\]*,;:"'\u201d\u2019]+$/g, ''))
    .filter((token) => token !== '');
}

/** "Virginia Mayo / AFP/Getty Images", "Thierry Monasse/ Reuters via Pool", "(Amir Cohen/Reuters)". */
function isNameSlashAgency(text: string): boolean {
  if (!text.includes('/') || text.includes('://') || /\d\/\d/.test(text)) return false;
  if (/[.!?:]$/.test(text) && !/\b[A-Z]\.$/.test(text)) return false;
  const tokens = creditTokens(text);
  if (tokens.length < 2 || tokens.length > 14) return false;
  const capitalized = tokens.filter((token) => /^[\p{Lu}\p{N}]/u.test(token)).length;
  const particles = tokens.filter((token) => CREDIT_PARTICLES.has(token)).length;
  return capitalized >= 2 && (capitalized + particles) / tokens.length >= 0.8;
}

/** "Getty Images", "AFP/Getty Images", "Reuters": a line of nothing but agency words. */
function isAgencyOnly(text: string): boolean {
  const tokens = creditTokens(text);
  return tokens.length > 0 && tokens.length <= 6 && tokens.every((token) => CREDIT_WORDS.has(token.toLowerCase()));
}

export function isPhotoCredit(text: string): boolean {
  if (text.length > MAX_PHOTO_CREDIT_LENGTH) return false;
  return (
    CREDIT_LABEL.test(text) ||
    IMAGE_COPYRIGHT.test(text) ||
    AP_PHOTO.test(text) ||
    isAgencyOnly(text) ||
    isNameSlashAgency(text)
  );
}

const CONTRIBUTION_PATTERNS: readonly RegExp[] = [
  /\bcontributed(?: additional| further)? (?:reporting|to (?:this|the) (?:report|reports|article|story|coverage|reporting))\b/i,
  /\bcontributed (?:from|in) \p{Lu}/u,
  /\bcontributed\.?$/,
  /^\(?contributing(?: writers?| reporters?)? ?:/i,
  /^\(?(?:additional )?reporting (?:by|from)\b/i,
  /^\(?(?:writing|editing|compiled|edited|written) by\b/i,
  /\b(?:contains|includes|uses) (?:material|reporting|information|wire (?:copy|reports)) from\b/i,
];
/** "—Siobhan Hughes": a co-author's sign-off line at the end of a story. */
const DASHED_NAME = /^[\u2014\u2013] ?\p{Lu}[\p{L}.'\u2019-]+(?: \p{Lu}[\p{L}.'\u2019-]+){1,3}$/u;
const WRITE_TO = /^(?:write to|e-?mail|contact) .{0,200}@/i;
const QUOTE_MARK = /["\u201c\u201d]/;

export function isContribution(text: string): boolean {
  if (text.length > MAX_CONTRIBUTION_LENGTH || QUOTE_MARK.test(text)) return false;
  return DASHED_NAME.test(text) || CONTRIBUTION_PATTERNS.some((pattern) => pattern.test(text));
}

const PERSON_NAME = String.raw`\p{Lu}[\p{L}'\u2019.-]*(?: (?:(?:de|van|von|der|al|bin|da|del|le|la) )?\p{Lu}[\p{L}'\u2019.-]*){1,3}`;
const PERSON_NAME_ONLY = new RegExp(`^${PERSON_NAME}$`, 'u');
const NAMES_LIST = new RegExp(`^${PERSON_NAME}(?:(?:, | and | & )${PERSON_NAME}){0,3}`, 'u');
const CALENDAR_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|then|now)\b/i;

/**
 * "By Jane Doe", "By JANE DOE and John Roe, Reuters", "By Jane Doe | Staff writer".
 * Returns the names, or null for "By Thursday, the talks had collapsed."
 */
export function bylineAuthor(text: string): string | null {
  if (text.length > MAX_BYLINE_LENGTH || !/^(?:By|BY) /.test(text)) return null;
  const rest = text.slice(3).trim();
  if (CALENDAR_WORD.test(rest) || QUOTE_MARK.test(rest)) return null;
  const names = NAMES_LIST.exec(rest);
  if (names === null) return null;
  const tail = rest.slice(names[0].length).trim();
  // After the names only an outlet or role may follow ("..., Reuters", "| Staff writer").
  if (tail !== '' && !/^(?:[,|\u2014\u2013-]|for |of )/.test(tail)) return null;
  if (/[.!?]$/.test(tail) && tail.split(' ').length > 6) return null;
  return names[0];
}

/** A line naming only an outlet: "USA TODAY", "The Associated Press". */
export function isOutletLine(text: string): boolean {
  if (text.length > 40) return false;
  const key = text.replace(/^the /i, '').toLowerCase();
  if (KNOWN_PUBLISHER_NAMES.has(text.toLowerCase()) || KNOWN_PUBLISHER_NAMES.has(`the ${key}`)) return true;
  if (['associated press', 'reuters', 'afp', 'agence france-presse', 'bloomberg news'].includes(key)) return true;
  // An outlet set in capitals, as bylines print it.
  return !/\p{Ll}/u.test(text) && /^\p{Lu}[\p{Lu} .&'-]{1,30}$/u.test(text) && text.split(' ').length <= 4;
}

/** "Calum MacLeod, USA TODAY": a name and an outlet on one line. */
function nameCommaOutlet(text: string): string | null {
  const comma = text.indexOf(', ');
  if (comma < 0 || text.length > 80) return null;
  const name = text.slice(0, comma);
  return PERSON_NAME_ONLY.test(name) && !CALENDAR_WORD.test(name) && isOutletLine(text.slice(comma + 2)) ? name : null;
}

/** A line that is only a person's name (2 to 4 capitalised words), as printed above an outlet. */
export function isPersonNameLine(text: string): boolean {
  return text.length <= 50 && PERSON_NAME_ONLY.test(text) && !CALENDAR_WORD.test(text) && !/[.:]$/.test(text);
}

export function readCredit(text: string): CreditReading | null {
  const author = bylineAuthor(text) ?? nameCommaOutlet(text);
  if (author !== null) return { kind: 'BYLINE', author };
  if (isContribution(text)) return { kind: 'CONTRIBUTION', author: null };
  if (text.length <= MAX_CONTRIBUTION_LENGTH && WRITE_TO.test(text)) return { kind: 'CONTACT', author: null };
  if (isPhotoCredit(text)) return { kind: 'PHOTO', author: null };
  return null;
}
