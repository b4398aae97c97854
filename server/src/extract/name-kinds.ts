/**
 * What kind of thing a proper name is, from compromise's English lexicon and tagger: it
 * knows tens of thousands of given names and surnames, organisations ("Real Madrid",
 * "Costco", "Bain Capital") and places ("Rose Garden", "West Berlin"), and tags common
 * words (adjectives, plurals, verbs) that a capitalised phrase may start with ("Common
 * Core", "Great Recession", "Stop Trump"). mentions.ts weighs this against what the
 * sentence itself says (a title before the name, a speech verb after it).
 *
 * The tagger reads only the name, never the article: a name costs the same wherever it
 * appears, and the answer is cached.
 */
import nlp from 'compromise';

export interface NameEvidence {
  /** The tagger reads the whole phrase as a person's name. */
  person: boolean;
  /** Its first word is a known given name ("Kevin", "Valery"). */
  givenName: boolean;
  /** The whole phrase, or all but a leading word, is an organisation it knows. */
  organization: boolean;
  /** The whole phrase is a place it knows. */
  place: boolean;
  /** A word of the phrase is an ordinary English word, not a name: an adjective, a plural, a verb, a number or a date word. */
  commonWord: boolean;
  /**
   * The gender compromise's given-name lists give the first word, when that word is a
   * given name at all: in "Kim Jong-un" or "Moon Jae-in" (family name first, a
   * hyphenated given name after) it is not, and no gender is read.
   */
  gender: 'MALE' | 'FEMALE' | null;
}

const NO_EVIDENCE: NameEvidence = {
  gender: null,
  person: false,
  givenName: false,
  organization: false,
  place: false,
  commonWord: false,
};

/** Tags that mark a word as ordinary English rather than part of a name. */
const COMMON_WORD_TAGS = [
  'Adjective',
  'Plural',
  'Verb',
  'Value',
  'Date',
  'Duration',
  'Uncountable',
  'Pronoun',
  'Determiner',
  'Conjunction',
  'Adverb',
];
/** Tags that override COMMON_WORD_TAGS: "Rose", "Sandy" and "Will" are names too. */
const NAME_TAGS = ['FirstName', 'LastName', 'Person', 'MaleName', 'FemaleName', 'Honorific'];

const MAX_CACHED = 20_000;
const cache = new Map<string, NameEvidence>();

interface TermJson {
  text: string;
  tags: string[];
}

function read(name: string): NameEvidence {
  const doc = nlp(name);
  const terms = (doc.json() as Array<{ terms: TermJson[] }>).flatMap((sentence) => sentence.terms);
  if (terms.length === 0) return NO_EVIDENCE;
  const wordCount = terms.length;
  const covered = (found: string[]): number =>
    found.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);
  const people = covered(doc.people().out('array') as string[]);
  const organizations = covered(doc.organizations().out('array') as string[]);
  const places = covered(doc.places().out('array') as string[]);
  const first = terms[0] as TermJson;
  const commonWord = terms.some(
    (term, index) =>
      COMMON_WORD_TAGS.some((tag) => term.tags.includes(tag)) &&
      !NAME_TAGS.some((tag) => term.tags.includes(tag)) &&
      // A lone initial or an acronym is a name part, whatever the tagger guesses.
      !/^(?:\p{Lu}\.?)+$/u.test(term.text) &&
      !(index > 0 && term.tags.includes('Organization')),
  );
  const familyNameFirst = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(name.trim().split(/\s+/).at(-1) ?? '');
  const gender =
    wordCount < 2 || familyNameFirst
      ? null
      : first.tags.includes('MaleName') && !first.tags.includes('FemaleName')
        ? 'MALE'
        : first.tags.includes('FemaleName') && !first.tags.includes('MaleName')
          ? 'FEMALE'
          : null;
  return {
    gender,
    person: people === wordCount,
    givenName: first.tags.includes('FirstName'),
    organization: organizations >= Math.max(1, wordCount - 1) && organizations > 0,
    place: places === wordCount,
    commonWord,
  };
}

/** The lexicon's reading of a proper name as written ("Kevin Seifert", "Real Madrid"). */
export function nameEvidence(name: string): NameEvidence {
  const key = name.trim();
  if (key === '' || key.length > 120) return NO_EVIDENCE;
  let evidence = cache.get(key);
  if (evidence === undefined) {
    evidence = read(key);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, evidence);
  }
  return evidence;
}

const personNouns = new Map<string, boolean>();

/** Whether compromise's lexicon knows a common noun as one for a person ("soldier", "economist"). */
export function personNounInLexicon(noun: string): boolean {
  const key = noun.toLowerCase();
  let known = personNouns.get(key);
  if (known === undefined) {
    // British spellings ("neighbour", "labourer") are in the lexicon under American ones,
    // and compounds in -man/-woman ("gunman", "fisherwoman") name people.
    const american = key.replace(/our(?=(?:er|ers|s)?$)/, 'or');
    known =
      nlp(key).has('#Actor') ||
      (american !== key && nlp(american).has('#Actor')) ||
      /^[a-z]{2,}(?:man|woman|men|women)$/.test(key);
    if (personNouns.size >= MAX_CACHED) personNouns.delete(personNouns.keys().next().value as string);
    personNouns.set(key, known);
  }
  return known;
}
