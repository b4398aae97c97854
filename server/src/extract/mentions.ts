/**
 * Finds who and what a sentence names: people (with the titles before their names),
 * organizations, countries and places, and pronouns. Rule-based: capitalized phrases
 * classified by titles, organization words, the gazetteer and their shape.
 */
import { countryOfQualifier, findCity, findCountry } from './geo.js';
import {
  capitalizedStopWords,
  knownOrganizations,
  nonActorWords,
  organizationWords,
  personalPronouns,
  personTitles,
  strongPersonTitles,
} from './lexicon.js';

export type MentionKind = 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'PLACE' | 'PRONOUN' | 'UNKNOWN';

export interface Mention {
  /** Offsets into the full article text. */
  start: number;
  end: number;
  /** The whole phrase as written, titles included ("U.S. Defense Secretary Jim Mattis"). */
  text: string;
  /** The name without titles or possessive ("Jim Mattis"). */
  name: string;
  /** Offset of `name` in the article text. */
  nameStart: number;
  /** Title words before the name, lower-cased ("u.s. defense secretary"). */
  title: string;
  /** Country the title qualifies ("U.S." -> USA), as an alpha-3 code. */
  titleCountry: string | null;
  kind: MentionKind;
  possessive: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const connectors = new Set([
  'bin',
  'ibn',
  'al',
  'de',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'da',
  'di',
  'dos',
  'du',
  'el',
  'abu',
  'bint',
  'ter',
  'y',
  'of',
]);
const tokenPattern = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;

const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);
const bare = (word: string) =>
  word
    .replace(/['’]s?$/u, '')
    .replace(/\.$/, '')
    .toLowerCase();
const isInitial = (word: string) => /^\p{Lu}\.$/u.test(word);
const isAcronym = (word: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(word.replace(/['’]s$/u, ''));

function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    let word = match[0];
    // A sentence-final period belongs to the sentence, not the word, unless the word is an
    // initial or an abbreviation like "U.S." or "Jr.".
    if (
      word.endsWith('.') &&
      !isInitial(word) &&
      !/^(?:\p{L}\.)+$/u.test(word) &&
      !/^(jr|sr|gen|lt|col|maj|capt|sgt|adm|sen|rep|gov|mr|mrs|ms|dr|st|rev|prof|ret)\.$/i.test(word)
    ) {
      word = word.slice(0, -1);
    }
    word = word.replace(/[-’']+$/u, (m) => (m === '’' || m === "'" ? m : ''));
    tokens.push({ text: word, start: offset + (match.index ?? 0), end: offset + (match.index ?? 0) + word.length });
  }
  return tokens;
}

/** "U. S." written with a space is one token for naming purposes. */
function mergeSpacedInitials(tokens: Token[], text: string, offset: number): Token[] {
  const merged: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next && isInitial(token.text) && isInitial(next.text) && next.start - token.end <= 1) {
      merged.push({
        text: text.slice(token.start - offset, next.end - offset).replace(/\s/g, ''),
        start: token.start,
        end: next.end,
      });
      i += 1;
    } else merged.push(token);
  }
  return merged;
}

function classify(nameWords: string[], titleWords: string[]): MentionKind {
  const lower = nameWords.map(bare);
  const joined = lower.join(' ');
  if (knownOrganizations.has(joined)) return 'ORGANIZATION';
  if (findCountry(joined)) return 'COUNTRY';
  if (lower.some((w) => organizationWords.has(w))) return 'ORGANIZATION';
  if (nameWords.length === 1 && isAcronym(nameWords[0] as string)) {
    return countryOfQualifier(nameWords[0] as string) ? 'COUNTRY' : 'ORGANIZATION';
  }
  if (lower.some((w) => nonActorWords.has(w))) return 'UNKNOWN';
  if (findCity(joined) && !titleWords.some((t) => strongPersonTitles.has(t))) return 'PLACE';
  // "Mr. President": a title alone names nobody in particular.
  if (lower.every((w) => personTitles.has(w))) return 'UNKNOWN';
  if (titleWords.some((t) => strongPersonTitles.has(t.replace(/\.$/, '')))) return 'PERSON';
  const nameLike = nameWords.filter((w) => !isInitial(w) && !connectors.has(w.toLowerCase()));
  if (
    nameLike.length >= 2 &&
    nameLike.length <= 4 &&
    nameLike.every((w) => isCapitalized(w) && !capitalizedStopWords.has(bare(w)))
  ) {
    return 'PERSON';
  }
  return 'UNKNOWN';
}

/** Finds mentions in `sentence`, which starts at `offset` in the article text. */
export function findMentions(sentence: string, offset: number): Mention[] {
  const tokens = mergeSpacedInitials(tokenize(sentence, offset), sentence, offset);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const lower = token.text.toLowerCase();
    if (personalPronouns.has(lower) && lower !== 'her' && lower !== 'him' && lower !== 'they') {
      mentions.push({
        start: token.start,
        end: token.end,
        text: token.text,
        name: token.text,
        nameStart: token.start,
        title: '',
        titleCountry: null,
        kind: 'PRONOUN',
        possessive: false,
      });
      i += 1;
      continue;
    }
    if (!isCapitalized(token.text)) {
      i += 1;
      continue;
    }
    // Grow a phrase of capitalized words (and name connectors between them) with no
    // punctuation in between except what the words themselves carry.
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token;
      const gap = sentence.slice((tokens[j] as Token).end - offset, next.start - offset);
      if (!/^\s+$/.test(gap) && gap !== '' && gap !== '-') break;
      if (/['’]s?$/u.test((tokens[j] as Token).text)) break;
      if (isCapitalized(next.text)) {
        j += 1;
        continue;
      }
      const after = tokens[j + 2];
      if (connectors.has(next.text.toLowerCase()) && next.text !== 'of') {
        // "von der Leyen", "bin Salman": connectors count only between capitalized words.
        let k = j + 1;
        while (
          tokens[k] &&
          connectors.has((tokens[k] as Token).text.toLowerCase()) &&
          (tokens[k] as Token).text !== 'of'
        )
          k += 1;
        if (k - j <= 3 && tokens[k] && isCapitalized((tokens[k] as Token).text)) {
          j = k;
          continue;
        }
        break;
      }
      if (next.text === 'of' && after && (isCapitalized(after.text) || after.text === 'the')) {
        // "Office of the Chairman of the Joint Chiefs of Staff", "Secretary of State John Kerry"
        let k = j + 2;
        if ((tokens[k] as Token | undefined)?.text === 'the') k += 1;
        if (tokens[k] && isCapitalized((tokens[k] as Token).text)) {
          j = k;
          continue;
        }
      }
      break;
    }
    let words = tokens.slice(i, j + 1);
    i = j + 1;
    // Leading sentence words that are capitalized only because they start the sentence.
    while (
      words.length > 0 &&
      capitalizedStopWords.has(bare((words[0] as Token).text)) &&
      !findCountry(bare((words[0] as Token).text))
    ) {
      const w = bare((words[0] as Token).text);
      if (personTitles.has(w)) break;
      words = words.slice(1);
    }
    if (words.length === 0) continue;
    // Titles and their country qualifiers before the name.
    const titleTokens: Token[] = [];
    let titleCountry: string | null = null;
    while (words.length > 1) {
      const w = words[0] as Token;
      const b = bare(w.text);
      const country = countryOfQualifier(w.text);
      const nextIsTitle = words[1] ? personTitles.has(bare((words[1] as Token).text)) : false;
      if (
        personTitles.has(b) ||
        (country && nextIsTitle) ||
        (isAcronym(w.text) && nextIsTitle) ||
        b === 'of' ||
        b === 'the'
      ) {
        if (country && !personTitles.has(b)) titleCountry = country.code;
        titleTokens.push(w);
        words = words.slice(1);
        continue;
      }
      break;
    }
    const last = words[words.length - 1] as Token;
    const possessiveSuffix = /['’]s?$/u.exec(last.text)?.[0] ?? '';
    const possessive = possessiveSuffix !== '';
    const nameWords = words.map((w, index) =>
      index === words.length - 1 && possessive ? w.text.slice(0, -possessiveSuffix.length) : w.text,
    );
    const nameStart = (words[0] as Token).start;
    const nameEnd = last.end - possessiveSuffix.length;
    const titleWords = titleTokens.map((t) => bare(t.text));
    const kind = classify(nameWords, titleWords);
    const start = titleTokens[0]?.start ?? nameStart;
    mentions.push({
      start,
      end: last.end,
      text: sentence.slice(start - offset, last.end - offset),
      name: sentence.slice(nameStart - offset, nameEnd - offset),
      nameStart,
      title: titleTokens.map((t) => t.text.toLowerCase()).join(' '),
      titleCountry,
      kind,
      possessive,
    });
  }
  return mentions;
}
