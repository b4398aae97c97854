/**
 * Finds who and what a sentence names: people (with the titles before their names),
 * organizations, countries and places, and pronouns. Rule-based: capitalized phrases
 * classified by titles, organization words, the gazetteer and their shape.
 */

import { isCommonWord } from './common-words.js';
import { MONTHS, WEEKDAYS } from './dates/lexicon.js';
import { countryOfDemonym, countryOfQualifier, findCity, findCountry } from './geo.js';
import type { Token as TaggedToken } from './language.js';
import {
  capitalizedStopWords,
  instrumentWords,
  knownOrganizations,
  modifierSuffix,
  nonActorWords,
  organizationWords,
  partyLabels,
  personalPronouns,
  personTitles,
  roleHeadWords,
  strongPersonTitles,
} from './lexicon.js';
import { nameEvidence } from './name-kinds.js';

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
  // "Public Health Service Act": a law; "FBI-led", "Texas-based": a modifier.
  if (lower.length >= 2 && instrumentWords.has(lower.at(-1) as string)) return 'UNKNOWN';
  if (nameWords.some((w) => modifierSuffix.test(w))) return 'UNKNOWN';
  // "the Administration", "the Office", "the University": a generic head noun names no one.
  if (lower.length === 1 && (organizationWords.has(joined) || personTitles.has(joined) || roleHeadWords.has(joined)))
    return 'UNKNOWN';
  // "Minneapolis Star-Tribune", "St. Louis Post-Dispatch": the head may end a hyphenated word.
  if (
    lower.some(
      (w, i) =>
        organizationWords.has(w) ||
        (w.includes('-') && w.split('-').some((part) => organizationWords.has(part))) ||
        // a plural head before its remit ("Centers for Disease Control and Prevention")
        (isOrganizationWord(w) && /^(?:for|of|on)$/.test(lower[i + 1] ?? '')),
    )
  )
    return 'ORGANIZATION';
  if (nameWords.length === 1 && isAcronym(nameWords[0] as string)) {
    if (countryOfQualifier(nameWords[0] as string)) return 'COUNTRY';
    // Two capitals are more often "OK", "ID" or "TV" than an organisation the article
    // never spells out; the known ones (UN, EU, AP) are in knownOrganizations.
    // Longer ones name an organisation when the lexicon knows it ("NSA", "HSBC"); others
    // ("STEM", "SNAP", "ICU") only when the article spells them out or makes them speak,
    // which the article context decides (context.ts).
    const letters = (nameWords[0] as string).replace(/[.'’s]/g, '');
    if (letters.length < 3 || isCommonWord(letters)) return 'UNKNOWN';
    return nameEvidence(nameWords[0] as string).organization ? 'ORGANIZATION' : 'UNKNOWN';
  }
  // A nationality alone ("Chinese", "South Korean") is a description, and so are
  // nationalities together ("German Syrian").
  if (countryOfDemonym(joined)) return 'UNKNOWN';
  if (lower.length >= 2 && lower.every((w) => countryOfDemonym(w))) return 'UNKNOWN';
  if (lower.some((w) => nonActorWords.has(w))) return 'UNKNOWN';
  // "a New York Democrat", "the South Carolina Republican": a description, not a name.
  if (partyLabels.has(lower.at(-1) as string)) return 'UNKNOWN';
  // "Director of Research": after a title and "of" comes the office's field, not a name.
  const strongTitle =
    titleWords.at(-1) !== 'of' && titleWords.some((t) => strongPersonTitles.has(t.replace(/\.$/, '')));
  const evidence = nameEvidence(nameWords.join(' '));
  if (evidence.organization && !evidence.person) return 'ORGANIZATION';
  if ((findCity(joined) || evidence.place) && !strongTitle) return 'PLACE';
  // "Mr. President": a title alone names nobody in particular.
  if (lower.every((w) => personTitles.has(w))) return 'UNKNOWN';
  // "Common Core", "Great Recession", "Human Rights": ordinary words with capitals.
  if (evidence.commonWord && !evidence.person && !strongTitle) return 'UNKNOWN';
  if (strongTitle) return 'PERSON';
  const nameLike = nameWords.filter((w) => !isInitial(w) && !connectors.has(w.toLowerCase()));
  if (
    nameLike.length >= 2 &&
    nameLike.length <= 4 &&
    nameLike.every((w) => isCapitalized(w) && !capitalizedStopWords.has(bare(w)))
  ) {
    // With nothing to say it is a person's name, a phrase ending in an ordinary word is
    // a label or a headline ("Policy Statement", "Schumer Shutdown").
    if (
      !evidence.person &&
      !evidence.givenName &&
      (ordinaryWord(bare(nameLike.at(-1) as string)) ||
        // ("Moon Jae-in" is family name first: the first word may be any word.)
        (ordinaryWord(bare(nameLike[0] as string)) && !/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(nameLike.at(-1) as string)))
    )
      return 'UNKNOWN';
    // Person names do not run on through "of" ("Study of Islam", "List of Indian").
    if (lower.includes('of')) return 'UNKNOWN';
    return 'PERSON';
  }
  return 'UNKNOWN';
}

/**
 * A lone capitalised word the article makes speak ("...,” Nooyi said) is a person's
 * surname unless it is a known kind of other thing: an organisation or place the lexicon
 * knows ("Twitter", "Washington"), a title, a party, a nationality, an ordinary word.
 */
export function couldBeSurname(word: string): boolean {
  const b = bare(word);
  if (isAcronym(word) || capitalizedStopWords.has(b) || nonActorWords.has(b) || organizationWords.has(b)) return false;
  if (personTitles.has(b) || roleHeadWords.has(b) || partyLabels.has(b) || knownOrganizations.has(b)) return false;
  if (findCountry(b) || countryOfDemonym(b) || findCity(b)) return false;
  const evidence = nameEvidence(word);
  return !evidence.organization && !evidence.place && !evidence.commonWord;
}

/** A common English word that is not also a name the lexicon knows ("John", "Rose", "Will"). */
function ordinaryWord(word: string): boolean {
  if (!isCommonWord(word)) return false;
  const evidence = nameEvidence(word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
  return !evidence.person && !evidence.givenName;
}

const calendarWords = new Set([...WEEKDAYS, ...MONTHS].map((w) => w.toLowerCase()));

/**
 * Words glued to a person's name by the page around it: a day after it ("Gary Herbert
 * Saturday"), a caption or link word after it ("Kamala Harris Photos"), a descriptive
 * noun before it ("Billionaire Tom Steyer", "Clerk Jane Osborn"; moved to the title).
 * Only trimmed when what remains is a name the lexicon knows as a person's.
 */
function trimGluedWords(words: Token[], titleTokens: Token[]): Token[] {
  // "Trump Trump threatening ...", "Cory Booker Cory": a link's text run into the same name again.
  const repeated = words.findIndex(
    (w, i) => i > 0 && (w.text === (words[i - 1] as Token).text || w.text === (words[0] as Token).text),
  );
  let out = repeated > 0 ? words.slice(0, repeated) : words;
  // "Fox News Monday", "Appropriations Committee Tuesday": the day belongs to the sentence.
  while (out.length >= 2 && calendarWords.has(bare((out.at(-1) as Token).text))) out = out.slice(0, -1);
  // "Conn.-based National Shooting Sports Foundation": the modifier goes to the title.
  while (out.length >= 2 && modifierSuffix.test((out[0] as Token).text)) {
    titleTokens.push(out[0] as Token);
    out = out.slice(1);
  }
  const isPerson = (ws: Token[]) => nameEvidence(ws.map((w) => w.text).join(' ')).givenName;
  // ("Robert F. Kennedy Center for Justice & Human Rights" is a body named after a person.)
  const namesBody = out.some((w) => organizationWords.has(bare(w.text)));
  while (out.length >= 3 && !namesBody) {
    const last = out.at(-1) as Token;
    const lastWord = bare(last.text);
    // ("Donald J. Trump", "George W. Bush": after a middle initial, the surname.)
    const afterInitial = isInitial((out.at(-2) as Token).text) && !calendarWords.has(lastWord);
    if ((calendarWords.has(lastWord) || ordinaryWord(lastWord)) && !afterInitial && isPerson(out.slice(0, -1)))
      out = out.slice(0, -1);
    else break;
  }
  // "Blue Cross Blue Shield Association President": the organisation, its officer's title after it.
  if (
    out.length >= 3 &&
    personTitles.has(bare((out.at(-1) as Token).text)) &&
    // An officer's title, not an honorific that may end a name ("University of Notre Dame").
    !/^(?:dame|sir|lord|lady|justice|saint|st)$/.test(bare((out.at(-1) as Token).text)) &&
    !/^(?:for|on|of)$/.test((out.at(-2) as Token).text) &&
    // ("Office of Special Counsel": a title after "of" names the body's remit.)
    !out.slice(0, -1).some((w) => w.text === 'of') &&
    out.slice(0, -1).some((w) => organizationWords.has(bare(w.text)))
  ) {
    out = out.slice(0, -1);
  }
  if (out.length >= 3) {
    const first = out[0] as Token;
    const rest = out.slice(1);
    if (
      ordinaryWord(bare(first.text)) &&
      // Only before a person's name: "International Olympic Committee" keeps its first word.
      !out.some((w) => organizationWords.has(bare(w.text))) &&
      !nameEvidence(rest.map((w) => w.text).join(' ')).place &&
      // "Trump Donald John" (link debris) is not "Donald John" with a title.
      !nameEvidence((rest.at(-1) as Token).text).givenName
    ) {
      titleTokens.push(first);
      out = out.slice(1);
    }
  }
  return out;
}

/** Tags the language layer gives words that cannot open a name ("Did", "WATCHED", "Slippery"). */
const NOT_A_NAME_START = new Set(['VERB', 'AUX', 'ADV', 'DET', 'PRON', 'SCONJ', 'CCONJ', 'ADP', 'PART', 'INTJ', 'NUM']);

/**
 * Where the name starts inside a phrase that carries a role before it: after the last
 * title or party word that has a name after it ("Appropriations Committee Chairwoman Nita
 * Lowey", "Wyoming Gov. Mark Gordon", "Democrat Kirsten Gillibrand"), and after the
 * department of "Secretary of Homeland Security Kirstjen Nielsen".
 */
function roleEnd(words: readonly Token[]): number {
  let cut = 0;
  for (let i = 0; i < words.length - 1; i += 1) {
    const b = bare((words[i] as Token).text);
    if (strongPersonTitles.has(b) || roleHeadWords.has(b) || partyLabels.has(b)) cut = i + 1;
  }
  if (cut === 0) return 0;
  const rest = words.slice(cut);
  if ((rest[0] as Token | undefined)?.text === 'of') {
    // "Secretary of Homeland Security Kirstjen Nielsen": the office runs on to the name,
    // which is its last two words (three with a middle initial or a connector).
    const tail =
      rest.length >= 4 &&
      (isInitial((rest.at(-2) as Token).text) || connectors.has((rest.at(-2) as Token).text.toLowerCase()))
        ? 3
        : 2;
    if (rest.length - 1 <= tail) return 0;
    return words.length - tail;
  }
  // A name after the title must hold a word that is not a suffix ("Jr.").
  return rest.some((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w.text)) ? cut : 0;
}

/** The words are an organisation's name as a whole: a known one, or one ending in an organisation word. */
function opensOrganizationName(words: readonly Token[]): boolean {
  // Up to "of": "Justice Barry Ostrager of the New York State Supreme Court" is a person.
  const of = words.findIndex((w, i) => i > 0 && w.text === 'of');
  const head = of > 0 ? words.slice(0, of) : words;
  if (organizationWords.has(bare((head.at(-1) as Token).text))) return true;
  return knownOrganizations.has(head.map((w) => bare(w.text)).join(' '));
}

/**
 * Whether "and" at tokens[j + 1] is inside one organisation's name: the word before it
 * is no organisation word of its own (so "the Senate and House" stays two), and the
 * capitalised run after it ends in one ("Food and Drug Administration", "Oversight and
 * Reform Committee", "Citizenship and Immigration Services").
 */
/** An organisation's head word, singular or plural ("Center", "Centers"). */
function isOrganizationWord(word: string): boolean {
  const b = bare(word);
  return organizationWords.has(b) || (b.length > 4 && b.endsWith('s') && organizationWords.has(b.slice(0, -1)));
}

function andJoinsOneName(tokens: readonly Token[], j: number, phraseStart: number): boolean {
  // "RT and Sputnik News": an acronym is a name of its own.
  if (isAcronym((tokens[j] as Token).text)) return false;
  // "Department of Health and Human Services", "Office of Information and Regulatory
  // Affairs": after "<body> of", the "and" is inside the body's name.
  for (let m = phraseStart; m < j; m += 1) {
    if (isOrganizationWord((tokens[m] as Token).text) && /^(?:of|for)$/.test((tokens[m + 1] as Token).text))
      return true;
  }
  if (organizationWords.has(bare((tokens[j] as Token).text))) return false;
  let k = j + 2;
  while (k + 1 < tokens.length && isCapitalized((tokens[k + 1] as Token).text) && k - j < 6) k += 1;
  if (organizationWords.has(bare((tokens[k] as Token).text))) return true;
  // "Food and Drug Administration Commissioner Scott Gottlieb": the body's name ends where
  // its officer's title begins.
  for (let m = j + 2; m < k; m += 1) {
    if (
      organizationWords.has(bare((tokens[m] as Token).text)) &&
      strongPersonTitles.has(bare((tokens[m + 1] as Token).text))
    )
      return true;
  }
  return false;
}

/**
 * Finds mentions in `sentence`, which starts at `offset` in the article text. `tagged`, the
 * language layer's tokens for the sentence, tells proper nouns from words that merely
 * carry a capital.
 */
export function findMentions(sentence: string, offset: number, tagged: readonly TaggedToken[] = []): Mention[] {
  const tagAt = new Map<number, string>();
  for (const token of tagged) tagAt.set(token.start, token.pos);
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
      // "Johnson & Johnson", "Center for Justice & Human Rights": an ampersand joins names.
      const ampersand = /^\s*&\s*$/.test(gap) && isCapitalized(next.text);
      if (!/^\s+$/.test(gap) && gap !== '' && gap !== '-' && !ampersand) break;
      if (/['’]s?$/u.test((tokens[j] as Token).text)) break;
      if (isCapitalized(next.text)) {
        j += 1;
        continue;
      }
      // "Center for Justice", "Council on Foreign Relations", "Centers for Disease Control":
      // after an organisation's head word, "for" or "on" stays inside its name.
      if (
        (next.text === 'for' || next.text === 'on') &&
        isOrganizationWord((tokens[j] as Token).text) &&
        tokens[j + 2] &&
        isCapitalized((tokens[j + 2] as Token).text) &&
        !calendarWords.has(bare((tokens[j + 2] as Token).text))
      ) {
        j += 2;
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
      if (next.text === 'and' && after && isCapitalized(after.text) && andJoinsOneName(tokens, j, i)) {
        // "Food and Drug Administration", "Citizenship and Immigration Services".
        j += 2;
        continue;
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
      // "White House", "Foreign Ministry": an organisation's name may open with any word
      // but an article.
      if (words.length > 1 && !/^(?:the|a|an)$/.test(w) && opensOrganizationName(words)) break;
      // "New York", "New Jersey": the first word of a place's name, not of the sentence.
      if (words.length > 1 && nameEvidence(`${(words[0] as Token).text} ${(words[1] as Token).text}`).place) break;
      words = words.slice(1);
    }
    // A verb, adverb or determiner in capitals opens no name ("WATCHED Pelosi", "Did Pete
    // Buttigieg"); neither does an adjective the lexicon knows as one ("Slippery James Comey").
    while (words.length > 1) {
      const first = words[0] as Token;
      const tag = tagAt.get(first.start);
      const b = bare(first.text);
      if (personTitles.has(b) || partyLabels.has(b) || countryOfQualifier(first.text)) break;
      // ("International Olympic Committee", "National Rifle Association": an organisation's
      // name may open with an adjective; a person's may not.)
      const adjective = tag === 'ADJ' && nameEvidence(first.text).commonWord && !opensOrganizationName(words);
      if (!(tag && NOT_A_NAME_START.has(tag)) && !adjective) break;
      words = words.slice(1);
    }
    if (words.length === 0) continue;
    // Titles and their country qualifiers before the name.
    const titleTokens: Token[] = [];
    let titleCountry: string | null = null;
    // "Nigerian Shehu Sani", "Iraq envoy ... James Jeffrey": a nationality or country before
    // a full name qualifies it.
    while (words.length > 2 && !countryOfQualifier(`${(words[0] as Token).text} ${(words[1] as Token).text}`)) {
      const w = words[0] as Token;
      const country =
        countryOfDemonym(bare(w.text)) ?? (findCountry(bare(w.text)) ? countryOfQualifier(w.text) : undefined);
      if (!country) break;
      titleCountry ??= country.code;
      titleTokens.push(w);
      words = words.slice(1);
    }
    // An organisation's name keeps its words ("Justice Department", "Foreign Ministry"),
    // all but an article before it.
    while (words.length > 1 && /^(?:the|a|an)$/i.test((words[0] as Token).text)) words = words.slice(1);
    const organizationName = words.length > 1 && opensOrganizationName(words);
    let cut = organizationName ? 0 : roleEnd(words);
    if (organizationName) {
      // "University of Oklahoma President David Boren": a body, its officer's title, then
      // the officer's name, which is the mention.
      const officer = roleEnd(words);
      const rest = words.slice(officer);
      if (
        officer > 0 &&
        rest.length >= 2 &&
        rest.length <= 3 &&
        classify(
          rest.map((w) => w.text),
          [],
        ) === 'PERSON'
      )
        cut = officer;
    }
    // A phrase grown through "for" or "on" after a head word is an organisation's name
    // ("Center for Justice & Human Rights": "Justice" there is no title) unless a person's
    // name follows the title ("Center for Immigration Studies Policy Director Jessica Vaughan").
    if (cut > 0 && words.some((w) => w.text === 'for' || w.text === 'on')) {
      const named = classify(
        words.slice(cut).map((w) => w.text),
        [],
      );
      if (named !== 'PERSON') cut = 0;
    }
    if (cut > 0) {
      for (const w of words.slice(0, cut)) {
        const country = countryOfQualifier(w.text);
        if (country) titleCountry ??= country.code;
        titleTokens.push(w);
      }
      words = words.slice(cut);
    }
    while (words.length > 1 && !organizationName) {
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
    // "Mitch McConnell of Kentucky": the state is where he is from, not part of his name.
    // ("Whitmer of Michigan" too, when what follows is a place.)
    const of = words.findIndex((w, index) => index >= 1 && w.text === 'of');
    if (of > 0) {
      const after = words.slice(of + 1);
      const place = after.map((w) => w.text.replace(/['’]s?$/u, '')).join(' ');
      const personBefore =
        classify(
          words.slice(0, of).map((w) => w.text),
          [],
        ) === 'PERSON';
      // "Kim Severson of the New York Times": a person of an organisation.
      const ofOrganization =
        personBefore &&
        (after[0]?.text === 'the' ||
          classify(
            after.map((w) => w.text),
            [],
          ) === 'ORGANIZATION');
      // A person's name never runs on through "of": "Robert Kelly of Pusan National University".
      if (
        (personBefore && of >= 2) ||
        ofOrganization ||
        findCountry(bare(place)) ||
        findCity(place.toLowerCase()) ||
        nameEvidence(place).place
      )
        words = words.slice(0, of);
    }
    // Scraped pages glue a link's text to a name ("James Comey James Brien ComeyBernie-Hillary",
    // "Mike Coffman Michael"): a name ends where a word runs into the next without a space,
    // and a given name trailing a full name starts another.
    const glued = words.findIndex(
      // A run of three or more lower-case letters before the capital: "TrumpTrump",
      // "MacronNATO"; not "DeSantis", "LaHood", "McConnell".
      (w, index) => index > 0 && /\p{Lu}\p{Ll}{3,}\p{Lu}/u.test(w.text.replace(/^Mc|^Mac|^O['’]/u, '')),
    );
    if (glued > 0) {
      // "President Trump Donald John TrumpTrump faces ...": the surname, then a link's text
      // that repeats the full name and runs into a headline. The surname is the mention.
      const gluedHead = /^\p{Lu}\p{Ll}+/u.exec((words[glued] as Token).text)?.[0];
      words =
        gluedHead && glued >= 2 && (words[0] as Token).text === gluedHead ? words.slice(0, 1) : words.slice(0, glued);
    }
    if (
      words.length >= 3 &&
      // After a middle initial comes the surname, whatever else it may be ("George W. Bush").
      !isInitial((words.at(-2) as Token).text) &&
      nameEvidence((words.at(-1) as Token).text).givenName &&
      nameEvidence(
        words
          .slice(0, -1)
          .map((w) => w.text)
          .join(' '),
      ).person
    )
      words = words.slice(0, -1);
    words = trimGluedWords(words, titleTokens);
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
