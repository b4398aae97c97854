/**
 * Name normalization shared by extraction (coreference inside one article) and
 * resolution (matching against stored aliases). "Gen. Valeriy Gerasimov",
 * "Valery Gerasimov" and "Gerasimov" must meet; so must "Jim Mattis" and
 * "James N. Mattis", "Joseph Dunford Jr." and "Joseph Dunford".
 */
import { nameSuffixes, personTitles } from './lexicon.js';

/** Lower-case, accent-free, punctuation-free words. */
export function nameWords(name: string): string[] {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "U.S." and "U. S." are one word, not two initials.
      .replace(/\b(\p{L})\.\s?(?=\p{L}\.)/gu, '$1')
      .replace(/['’]s?\b/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

/** "Gen. Joseph Dunford Jr." -> ["joseph", "dunford"]: no titles, initials or suffixes. */
export function coreNameWords(name: string): string[] {
  const words = nameWords(name);
  let i = 0;
  while (i < words.length - 1 && personTitles.has(words[i] as string)) i += 1;
  return words.slice(i).filter((w, index, all) => {
    if (nameSuffixes.has(w) && index > 0) return false;
    if (w.length === 1 && index > 0 && index < all.length - 1) return false; // middle initial
    return true;
  });
}

/** Common English given-name short forms. */
const nicknames: Record<string, string> = {
  jim: 'james',
  jimmy: 'james',
  jamie: 'james',
  joe: 'joseph',
  joey: 'joseph',
  bill: 'william',
  billy: 'william',
  will: 'william',
  bob: 'robert',
  bobby: 'robert',
  rob: 'robert',
  mike: 'michael',
  mick: 'michael',
  tom: 'thomas',
  tommy: 'thomas',
  dick: 'richard',
  rick: 'richard',
  rich: 'richard',
  chuck: 'charles',
  charlie: 'charles',
  dave: 'david',
  steve: 'steven',
  stephen: 'steven',
  tony: 'anthony',
  andy: 'andrew',
  drew: 'andrew',
  ed: 'edward',
  ted: 'edward',
  ben: 'benjamin',
  dan: 'daniel',
  danny: 'daniel',
  sam: 'samuel',
  matt: 'matthew',
  chris: 'christopher',
  nick: 'nicholas',
  pete: 'peter',
  alex: 'alexander',
  sasha: 'alexander',
  greg: 'gregory',
  jeff: 'jeffrey',
  geoff: 'jeffrey',
  jon: 'jonathan',
  ken: 'kenneth',
  larry: 'lawrence',
  liz: 'elizabeth',
  beth: 'elizabeth',
  kate: 'katherine',
  cathy: 'catherine',
  sue: 'susan',
  pat: 'patrick',
  ron: 'ronald',
  don: 'donald',
  al: 'albert',
  hank: 'henry',
  harry: 'henry',
  jack: 'john',
  johnny: 'john',
  fred: 'frederick',
  jerry: 'gerald',
  gerry: 'gerald',
  vlad: 'vladimir',
  misha: 'mikhail',
  kolya: 'nikolai',
  volodymyr: 'vladimir',
  mohamed: 'muhammad',
  mohammed: 'muhammad',
  mohammad: 'muhammad',
  muhammed: 'muhammad',
};

/**
 * One spelling per transliterated name: Valeriy/Valery, Sergey/Sergei, Yuriy/Yury/Yuri,
 * Aleksandr/Alexander, Dmitriy/Dmitry.
 */
export function canonicalGivenName(word: string): string {
  let w = nicknames[word] ?? word;
  w = w
    .replace(/ks/g, 'x')
    .replace(/iy$/, 'y')
    .replace(/ey$/, 'ei')
    .replace(/yi$/, 'y')
    .replace(/ii$/, 'y')
    .replace(/i$/, 'y');
  return w;
}

function canonicalSurname(word: string): string {
  return word.replace(/ks/g, 'x').replace(/iy$/, 'y').replace(/yy$/, 'y').replace(/ii$/, 'y');
}

/**
 * The key people are matched on: canonical given name + surname ("james mattis"), or the
 * surname alone when no given name is known.
 */
export function personKey(name: string): string {
  const words = coreNameWords(name);
  if (words.length === 0) return '';
  const surname = canonicalSurname(words[words.length - 1] as string);
  if (words.length === 1) return surname;
  return `${canonicalGivenName(words[0] as string)} ${surname}`;
}

export function surnameOf(name: string): string {
  const words = coreNameWords(name);
  if (words.length === 0) return '';
  // Family name first, hyphenated given name after ("Kim Jong-un", "Moon Jae-in"): the
  // person is "Kim", not "Jong-un", when named again.
  const written = name.trim().split(/\s+/);
  if (words.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(written.at(-1) ?? '')) {
    return canonicalSurname(words[0] as string);
  }
  return canonicalSurname(words[words.length - 1] as string);
}

/** Normalized form stored as an alias and looked up: lower-case, no accents, titles or punctuation. */
export function normalizeAlias(name: string): string {
  return coreNameWords(name).join(' ');
}
