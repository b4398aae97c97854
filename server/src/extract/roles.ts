/**
 * Roles and titles: "the defense secretary", "Russia's defense minister", "President
 * Donald Trump's Pentagon chief". A role is reduced to a canonical office plus the
 * country it belongs to, so a role mention can be matched to the person the article
 * gives that role.
 */
import { countryOfQualifier } from './geo.js';
import { roleSynonyms } from './lexicon.js';

export interface Role {
  /** Canonical office ("defense secretary"). */
  office: string;
  /** Its last word ("secretary"), for bare mentions like "the secretary". */
  head: string;
  country: string | null;
}

const canonicalOffice = new Map<string, string>();
for (const [canonical, variants] of roleSynonyms) {
  canonicalOffice.set(canonical, canonical);
  for (const v of variants) canonicalOffice.set(v, canonical);
}

const roleHeads = new Set([
  'secretary',
  'minister',
  'president',
  'chief',
  'officer',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'chairwoman',
  'general',
  'leader',
  'ambassador',
  'envoy',
  'adviser',
  'advisor',
  'director',
  'commander',
  'head',
  'diplomat',
  'prosecutor',
  'senator',
  'premier',
  'chancellor',
  'secretary-general',
  'king',
  'queen',
  'prince',
  'governor',
  'mayor',
  'counterpart',
  'boss',
  'admiral',
  'emir',
  'sheikh',
  'pope',
  'attorney',
  'counsel',
  'speaker',
  'dictator',
  'monarch',
  'strongman',
  'ruler',
  'foreign',
  'staff',
]);

const fillerWords = new Set([
  'the',
  'a',
  'an',
  'then',
  'former',
  'new',
  'acting',
  'current',
  'incoming',
  'outgoing',
  'top',
  'his',
  'her',
  'its',
  'their',
  'country',
  "country's",
  'nation',
  "nation's",
  'retired',
]);

/** Whether a word names an office holder ("minister", "mayor"), in the singular or plural. */
export function isRoleHead(word: string): boolean {
  const w = word.toLowerCase();
  return roleHeads.has(w) || (w.endsWith('s') && roleHeads.has(w.slice(0, -1)));
}

/** Canonical role of a phrase, or null when it names no office. */
export function parseRole(phrase: string): Role | null {
  const words = phrase
    .toLowerCase()
    .replace(/\b([a-z])\.\s+([a-z])\.(?=\s|$)/g, '$1.$2.')
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let country: string | null = null;
  const kept: string[] = [];
  for (const w of words) {
    const bareWord = w.replace(/[,;:]$/, '');
    const c = countryOfQualifier(bareWord);
    if (c && (bareWord.endsWith("'s") || bareWord.endsWith('’s') || /^[a-z.]+$/.test(bareWord))) {
      // "russia's", "russian", "u.s." qualify the office; they are not part of it.
      if (bareWord !== 'us' || w === 'u.s.') {
        country = c.code;
        continue;
      }
    }
    if (/['’]s$/.test(bareWord)) continue; // "trump's" (a person's) qualifies without a country
    if (fillerWords.has(bareWord)) continue;
    kept.push(bareWord.replace(/\.$/, ''));
  }
  if (kept.length === 0) return null;
  const text = kept.join(' ');
  const head = kept[kept.length - 1] as string;
  const office = canonicalOffice.get(text) ?? canonicalOffice.get(kept.slice(-2).join(' ')) ?? text;
  if (!roleHeads.has(head) && !canonicalOffice.has(text) && !roleHeads.has(kept[0] as string)) return null;
  return { office, head: office.split(' ').pop() ?? head, country };
}

/** Whether a role mention can refer to someone who holds `held`. */
export function rolesMatch(mention: Role, held: Role): boolean {
  if (mention.country && held.country && mention.country !== held.country) return false;
  if (mention.office === held.office) return true;
  // A bare head ("the secretary", "the general") matches any office with that head.
  return (
    mention.office === mention.head && (held.head === mention.head || held.office.split(' ').includes(mention.head))
  );
}
