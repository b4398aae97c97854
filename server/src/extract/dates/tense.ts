/**
 * Tense cues: whether the words around a date speak of the past ("said", "met", "was") or
 * the future ("will", "is scheduled to", "ahead of"). The cue nearest a date, within its
 * sentence and clause, decides which way a relative date resolves from the anchor.
 */
import { partitionPoint } from '../partition-point.js';
import { abbreviations as sentenceAbbreviations } from '../sentences.js';

export type Tense = 'past' | 'future' | 'unknown';

interface Cue {
  start: number;
  end: number;
  tense: 'past' | 'future';
}

// Case-sensitive on purpose: "May" the month is not "may" the modal.
const FUTURE_CUE = new RegExp(
  [
    // "will", but not the noun: "the will of the people", "political will"
    '\\b(?<!\\b(?:the|a|his|her|its|their|our|my|your|free|good|ill|own|political|popular|public)\\s)[Ww]ill\\b',
    "\\b[Ww]on['’]t\\b",
    "['’]ll\\b",
    '\\b[Ss]hall\\b',
    // "is due to", "are set to", "is to meet"; not "was expected to": a plan made in the past
    // says nothing about whether its day has come.
    "\\b(?:is|are|be|am|[Ii]t['’]s)\\s+(?:scheduled|due|expected|set|slated|poised|planning|preparing|going\\s+to|to\\s+(?!be\\b|have\\b)[a-z]+)\\b",
    '\\b(?:scheduled|slated|due)\\s+(?:to|for|on|in)\\b',
    // Verbs only: "a plan to find the girls", "announced plans to build" are nouns.
    '\\b(?<!\\b(?:a|the|his|her|its|their|our|my|your|no|any|new|[a-z]+ed)\\s)(?:[Pp]lans?|[Pp]lanning|intends?|intending|aims?|hopes?|expects?)\\s+to\\b',
    '\\bplanned\\b',
    // "may have met" looks back; "may have to" forward.
    '\\b(?:would|may|might)\\b(?!\\s+have\\b(?!\\s+to\\b))',
    '\\b(?:[Uu]pcoming|[Ff]orthcoming)\\b',
    '\\b[Aa]head\\s+of\\b',
    '\\b[Nn]ext\\s+(?:week|weekend|month|year)\\b',
    '\\b[Tt]omorrow\\b',
    '\\b[Ll]ater\\s+(?:this|today|tonight)\\b',
  ].join('|'),
  'g',
);

/** Irregular past-tense verbs common in news; regular ones are found by their "-ed". */
const IRREGULAR_PAST = [
  'said',
  'told',
  'met',
  'held',
  'was',
  'were',
  'had',
  'did',
  'went',
  'came',
  'took',
  'made',
  'gave',
  'spoke',
  'wrote',
  'saw',
  'left',
  'began',
  'sent',
  'found',
  'thought',
  'knew',
  'became',
  'brought',
  'ran',
  'fled',
  'fought',
  'won',
  'lost',
  'struck',
  'shot',
  'led',
  'sought',
  'stood',
  'sat',
  'flew',
  'drove',
  'rose',
  'fell',
  'broke',
  'chose',
  'paid',
  'kept',
  'felt',
  'meant',
  'heard',
  'built',
  'spent',
  'sold',
  'bought',
  'caught',
  'swore',
  'stole',
  'threw',
  'withdrew',
  'upheld',
  'hid',
  'hung',
  'laid',
  'lent',
  'swept',
  'tore',
  'understood',
  'got',
  'grew',
  'drew',
  'blew',
  'dealt',
  'fed',
  'oversaw',
  'rode',
  'rang',
  'sank',
  'shook',
  'slept',
  'stuck',
  'undertook',
  'arose',
  'ago',
  'yesterday',
  'previously',
  'earlier',
].join('|');

const PAST_CUE = new RegExp(
  [
    `\\b(?:${IRREGULAR_PAST})\\b`,
    '\\b[Yy]esterday\\b',
    '\\b[Ll]ast\\s+(?:week|weekend|month|year|night)\\b',
    // Regular past tense; the lookbehind drops passives and adjectives after "is"/"be"
    // ("is expected", "are concerned"), and hyphenated forms ("Washington-based").
    "(?<![-\\p{L}])(?<!\\b(?:is|are|am|be|being|[Ii]t['’]s)\\s)[a-z]{2,}ed\\b",
  ].join('|'),
  'gu',
);

/** "-ed" words that are not past tenses, or are future-leaning participles. */
const NOT_PAST = new Set([
  'hundred',
  'kindred',
  'sacred',
  'naked',
  'wicked',
  'rugged',
  'ragged',
  'jagged',
  'crooked',
  'beloved',
  'red',
  'bed',
  'shed',
  'wed',
  'sled',
  'united',
  'planned',
  'scheduled',
  'expected',
  'proposed',
  'anticipated',
  'intended',
  'slated',
]);

/** "-eed" words that are past tenses; every other "-eed" word (need, proceed, indeed) is not. */
const PAST_EED = new Set(['agreed', 'disagreed', 'freed', 'decreed', 'guaranteed', 'refereed']);

function isPastWord(word: string): boolean {
  // The irregular list, "last week" and "yesterday" need no check; only "-ed" words do.
  if (!/^[a-z]{2,}ed$/.test(word)) return true;
  if (NOT_PAST.has(word)) return false;
  if (word.endsWith('eed')) return PAST_EED.has(word);
  return true;
}

function collectCues(text: string): Cue[] {
  const cues: Cue[] = [];
  FUTURE_CUE.lastIndex = 0;
  for (let m = FUTURE_CUE.exec(text); m !== null; m = FUTURE_CUE.exec(text)) {
    cues.push({ start: m.index, end: m.index + m[0].length, tense: 'future' });
  }
  PAST_CUE.lastIndex = 0;
  for (let m = PAST_CUE.exec(text); m !== null; m = PAST_CUE.exec(text)) {
    if (!isPastWord(m[0])) continue;
    cues.push({ start: m.index, end: m.index + m[0].length, tense: 'past' });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * The tense of a clause: 'future' when it has a future cue ("will", "is scheduled to",
 * "plans to", "next week"), else 'past' when it has a past-tense verb, else 'unknown'.
 */
export function detectTense(clause: string): Tense {
  const cues = collectCues(clause);
  if (cues.some((c) => c.tense === 'future')) return 'future';
  if (cues.length > 0) return 'past';
  return 'unknown';
}

// Abbreviations whose period does not end a sentence: the sentence splitter's list.
const ABBREVIATIONS = sentenceAbbreviations;

const BOUNDARY = /[.!?;]+["'”’)\]]*(?=\s)|\n/g;

/**
 * Finds the tense governing each date in one text: the nearest cue inside the date's
 * sentence wins, so in "the meeting, which is scheduled for Friday, was announced
 * Tuesday" Friday is future and Tuesday past. Cues are found once per text.
 */
export class TenseIndex {
  private readonly cues: Cue[];
  private readonly boundaries: number[];

  constructor(private readonly text: string) {
    this.cues = collectCues(text);
    this.boundaries = [];
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
      if (m[0].startsWith('.') && m[0].length === 1) {
        const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
        if (word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase())) continue;
      }
      this.boundaries.push(m.index + m[0].length);
    }
  }

  /**
   * The tense governing the date at [start, end): the cue nearest to it in its sentence,
   * where clause punctuation and "that"/"which" between them count as distance, and a cue
   * farther than MAX_CUE_DISTANCE governs nothing.
   */
  tenseAt(start: number, end: number): Tense {
    const from = this.boundaries[upperBound(this.boundaries, start) - 1] ?? 0;
    const to = this.boundaries[upperBound(this.boundaries, Math.max(start, end - 1))] ?? Number.POSITIVE_INFINITY;
    let best: Tense = 'unknown';
    let bestDistance = MAX_CUE_DISTANCE + 1;
    const j = lowerBoundCue(this.cues, start);
    // Walk outwards on both sides; raw distance only grows, so stop once it beats the best.
    for (let i = j - 1; i >= 0; i -= 1) {
      const cue = this.cues[i]!;
      if (cue.start < from) break;
      const raw = Math.max(0, start - cue.end);
      if (raw >= bestDistance) {
        if (start - cue.start > 2 * MAX_CUE_DISTANCE) break;
        continue;
      }
      const distance = raw + this.penalty(cue.end, start);
      if (distance < bestDistance) {
        best = cue.tense;
        bestDistance = distance;
      }
    }
    // A date inside a clause ("met Wednesday they will vote") does not reach a verb after a
    // new subject; a date opening its clause ("On Thursday, he will") does.
    const opensClause = CLAUSE_OPENING.test(this.text.slice(Math.max(from, start - 40), start));
    for (let i = j; i < this.cues.length; i += 1) {
      const cue = this.cues[i]!;
      if (cue.end > to) break;
      const raw = Math.max(0, cue.start - end);
      if (raw >= bestDistance) break;
      if (!opensClause && cue.start > end && NEW_SUBJECT.test(this.text.slice(end, cue.start))) continue;
      const distance = raw + this.penalty(end, cue.start);
      // On a tie the cue before the date wins: "met on Tuesday and will meet again".
      if (distance < bestDistance) {
        best = cue.tense;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Extra distance for clause breaks between two positions. */
  private penalty(from: number, to: number): number {
    if (to <= from) return 0;
    const between = this.text.slice(from, to);
    let penalty = 0;
    for (let i = 0; i < between.length; i += 1) {
      const code = between.charCodeAt(i);
      if (code === 0x2c)
        penalty += 15; // ,
      else if (CLAUSE_BREAKS.has(code)) penalty += 40;
    }
    SUBORDINATOR.lastIndex = 0;
    while (SUBORDINATOR.exec(between) !== null) penalty += 30;
    if (/ - /.test(between)) penalty += 40;
    return penalty;
  }
}

/** Dashes, parentheses, colons and quotation marks: a different clause or speaker. */
const CLAUSE_BREAKS = new Set([0x2014, 0x2013, 0x28, 0x29, 0x3a, 0x22, 0x201c, 0x201d]);
/** The text before a date that opens its clause: nothing, or a clause break, then spaces or a quote. */
const CLAUSE_OPENING = /(?:^|[.!?;:,—–(“"\n])[\s“"‘']*$/;
/** A subject pronoun starts a clause of its own. */
const NEW_SUBJECT = /\b(?:he|she|they|we|I|you|it)\b/;
/** Beyond this many characters (with penalties) a cue does not govern a date. */
const MAX_CUE_DISTANCE = 100;
const SUBORDINATOR = /\b(?:that|which|who|whom|whose|when|while|because|although|though|if|but)\b/g;

/** Index of the first element greater than `value` in a sorted array. */
function upperBound(sorted: number[], value: number): number {
  return partitionPoint(sorted.length, (i) => (sorted[i] as number) <= value);
}

/** Index of the first cue starting at or after `value`. */
function lowerBoundCue(cues: Cue[], value: number): number {
  return partitionPoint(cues.length, (i) => (cues[i] as Cue).start < value);
}
