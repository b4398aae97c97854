/**
 * Events: dated happenings with a named actor ("Iran on Saturday released four
 * prisoners", "In July, Egypt's military toppled Morsy", "Obama is scheduled to tour the
 * Acropolis on Wednesday"). The vocabulary is open: any verb the tagger reads as a past
 * action (or a scheduled one) can make an event, except the closed classes that never
 * name a happening of their own (speech verbs, which make statements, and verbs of being,
 * having, thinking and wanting). Precision comes from the rest of the clause instead:
 *
 * - the verb's subject is a named actor (or "he"/"she" resolved to one), with nothing
 *   but adverbs, an appositive or "who" between them;
 * - a date expression in the sentence attaches to this verb (it is nearer to it than to
 *   any other verb), so "said Monday he had spent" dates the saying, not the spending;
 * - quoted speech never yields events, and meetings are left to the meeting rules.
 *
 * Titles are generated as "Actor verb object": the verb phrase runs to the end of its
 * noun phrase, never stops on a preposition or article, and drops the date words.
 */
import type { Article } from '../ingest/types.js';
import type { ArticleContext, ResolvedMention } from './context.js';
import { type DateAnchor, findTemporalMentions, type TemporalMention } from './dates.js';
import { type EventType, eventTypeOf } from './event-types.js';
import type { Token } from './language.js';
import { narrationBefore } from './narration.js';
import { insideQuote, type QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';
import type { EventDraft, ItemStatus } from './types.js';

/**
 * Verbs that never name a happening themselves: speech (a statement, not an event),
 * being, having, perceiving, thinking, wanting and the aspectual verbs that only frame
 * another verb. Matched on the tagger's base form.
 */
const nonEventLemmas = new Set(
  (
    'say tell add state write tweet post respond reply answer ask explain note insist argue claim stress ' +
    'remark observe suggest emphasize emphasise caution joke quip shout exclaim whisper muse counter retort ' +
    'contend maintain assert reckon text read describe characterize characterise remember recall speak quote ' +
    'be have do seem appear become remain want need like love hate know think believe feel hope expect mean ' +
    'wish understand consider try keep let continue look sound include involve contain concern cost lack ' +
    'deserve matter owe own belong prefer realize realise wonder worry fear doubt imagine suppose guess assume ' +
    'see hear watch get come go seek help use put find show call describe ' +
    'meet talk chat dine confer'
  ).split(' '),
);

/** Verbs that introduce a scheduled action: "is scheduled to tour", "plans to visit". */
const scheduleWords = new Set(['scheduled', 'set', 'due', 'slated', 'expected', 'poised', 'planned', 'plans', 'plan']);
const modalLemmas = new Set(['would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall', 'ought']);
/** Words that end the object of a title: a new clause or a subordinate one starts. */
const objectStops = new Set([
  'that',
  'who',
  'which',
  'whom',
  'whose',
  'while',
  'as',
  'after',
  'before',
  'because',
  'when',
  'since',
  'but',
  'though',
  'although',
  'if',
  'amid',
  'despite',
  'where',
  'saying',
  'according',
  'what',
  'how',
  'why',
  'whether',
]);
const MAX_TITLE_OBJECT_WORDS = 12;
const MAX_EVENTS_PER_SENTENCE = 2;
/** How many sentences a narrated date carries forward to actions with none of their own. */
const CONTEXT_SENTENCES = 0;
/** Candidates below this are not kept: a wrong event costs more than a missing one. */
export const EVENT_CONFIDENCE_THRESHOLD = 0.5;
/** A subject without a name ("Police") says less about who acted: it needs a typed action or a full date. */
const DESCRIBED_SUBJECT_PENALTY = 0.1;

export interface EventContext {
  article: Article;
  context: ArticleContext;
  sentences: Sentence[];
  anchor: DateAnchor | null;
  quotes: QuoteSpan[];
  /** Sentences that already hold a meeting: a visit or call there is the meeting. */
  meetingSentences?: ReadonlySet<number>;
}

/** A verb that can head an event, with the words of its verb group. */
export interface Predicate {
  /** Index of the main verb in the sentence's tokens. */
  index: number;
  /** Index of the group's first token ("is" in "is scheduled to tour", "has" in "has released"). */
  groupStart: number;
  status: ItemStatus;
  passive: boolean;
}

const isPast = (t: Token): boolean => {
  const lower = t.text.toLowerCase();
  if (lower === t.lemma || lower.endsWith('ing')) return false;
  // "releases", "tries": present tense, third person.
  return !(lower === `${t.lemma}s` || lower === `${t.lemma}es` || (lower.endsWith('ies') && t.lemma.endsWith('y')));
};

const isBase = (t: Token): boolean => t.text.toLowerCase() === t.lemma;

/** The verb groups of a sentence that can head an event. */
export function findPredicates(tokens: readonly Token[]): Predicate[] {
  const out: Predicate[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.pos !== 'VERB' || nonEventLemmas.has(t.lemma)) continue;
    let j = i - 1;
    while (j >= 0 && (tokens[j] as Token).pos === 'ADV') j -= 1;
    const prev = tokens[j];
    const lowerPrev = prev?.text.toLowerCase() ?? '';
    if (lowerPrev === 'not' || lowerPrev === "n't" || lowerPrev === 'never') continue;
    if (prev?.pos === 'PART' && lowerPrev === 'to') {
      // "is scheduled to tour", "plans to visit", "is to visit": a scheduled action.
      if (!isBase(t)) continue;
      const before = tokens[j - 1];
      const beforeThat = tokens[j - 2];
      const lower = before?.text.toLowerCase() ?? '';
      if (before && scheduleWords.has(lower) && (beforeThat?.lemma === 'be' || /^plan/.test(lower))) {
        out.push({
          index: i,
          groupStart: beforeThat?.lemma === 'be' ? j - 2 : j - 1,
          status: 'SCHEDULED',
          passive: false,
        });
      } else if (before?.pos === 'AUX' && before.lemma === 'be') {
        out.push({ index: i, groupStart: j - 1, status: 'SCHEDULED', passive: false });
      }
      continue;
    }
    if (prev?.pos === 'AUX') {
      const lemma = prev.lemma;
      if (lemma === 'will' || lowerPrev === "'ll") {
        if (isBase(t)) out.push({ index: i, groupStart: j, status: 'SCHEDULED', passive: false });
        continue;
      }
      if (modalLemmas.has(lemma) || lemma === 'do') continue;
      if (lemma === 'have') {
        // "had been arrested": passive perfect.
        out.push({ index: i, groupStart: j, status: 'OCCURRED', passive: false });
        continue;
      }
      if (lemma === 'be') {
        const lower = t.text.toLowerCase();
        if (lower.endsWith('ing') || isBase(t)) continue;
        // "was scheduled" itself is no event; what was scheduled follows.
        if (scheduleWords.has(lower)) continue;
        // "has been", "is", "are": a present passive reports a state ("is banned") unless past.
        if (!/^(?:was|were|been)$/.test(lowerPrev)) continue;
        const perfect = tokens[j - 1]?.lemma === 'have';
        out.push({ index: i, groupStart: perfect ? j - 1 : j, status: 'OCCURRED', passive: true });
        continue;
      }
      continue;
    }
    if (!isPast(t)) continue;
    // A participle modifying a noun ("the leaked memo", "the newly elected president",
    // "the country's first elected leader") is no verb group.
    if (prev && (prev.pos === 'DET' || prev.pos === 'ADP' || prev.text === "'s" || prev.text === '’s')) continue;
    const next = tokens[i + 1];
    if (prev?.pos === 'ADJ' && next?.pos === 'NOUN' && ['DET', 'ADP'].includes(tokens[j - 1]?.pos ?? '')) continue;
    out.push({ index: i, groupStart: i, status: 'OCCURRED', passive: false });
  }
  return out;
}

/** A verb group as a span: "is scheduled to tour" is one, so "On Wednesday" before it dates the tour. */
interface VerbSpan {
  start: number;
  end: number;
  head: Token;
}

/** Words that open a new clause: a date after them belongs to that clause's verb. */
const clauseOpeners = new Set([
  'that',
  'which',
  'who',
  'whom',
  'where',
  'while',
  'because',
  'although',
  'though',
  'whereas',
]);

/** The clause segment of each token: punctuation and clause openers start a new one. */
function segmentsOf(tokens: readonly Token[]): Map<Token, number> {
  const out = new Map<Token, number>();
  let segment = 0;
  for (const t of tokens) {
    if (
      (t.pos === 'PUNCT' && /^[,;:—–()]$/.test(t.text)) ||
      t.pos === 'SCONJ' ||
      clauseOpeners.has(t.text.toLowerCase())
    )
      segment += 1;
    out.set(t, segment);
  }
  return out;
}

/**
 * Which verb a date expression belongs to: the nearest verb of its own clause segment,
 * else the nearest verb of the sentence; the earlier on a tie.
 */
function attachedVerb(
  spans: readonly VerbSpan[],
  t: TemporalMention,
  segmentAt: (offset: number) => number,
): Token | null {
  const own = segmentAt(t.start);
  let best: Token | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const v of spans) {
    let distance = v.end <= t.start ? t.start - v.end : v.start >= t.end ? v.start - t.end + 0.5 : 0;
    if (segmentAt(v.head.start) !== own) distance += 10_000;
    if (distance < bestDistance) {
      best = v.head;
      bestDistance = distance;
    }
  }
  return best;
}

interface Subject {
  keys: string[];
  named: boolean;
  /** A subject the article describes but does not name ("Federal prosecutors"): the words, no actor. */
  description?: string;
}

/** Words a described subject may be made of, besides its head noun. */
const DESCRIPTIVE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * "Federal prosecutors recommended", "Police used", "The virus killed": a noun phrase
 * opening the sentence (after any date words) right before the verb group. Its head must
 * be a common noun; pronouns and quoted words are no subject.
 */
function describedSubjectOf(
  tokens: readonly Token[],
  sentenceStart: number,
  groupStartOffset: number,
  isDate: (t: Token) => boolean,
): string | null {
  const before = tokens.filter((t) => t.start >= sentenceStart && t.end <= groupStartOffset);
  let end = before.length;
  while (end > 0 && ((before[end - 1] as Token).pos === 'ADV' || isDate(before[end - 1] as Token))) end -= 1;
  const head = before[end - 1];
  if (head?.pos !== 'NOUN') return null;
  if (isDate(head as Token)) return null;
  let start = end - 1;
  while (start > 0 && DESCRIPTIVE_POS.has((before[start - 1] as Token).pos) && !isDate(before[start - 1] as Token))
    start -= 1;
  // Only date words, adverbs and punctuation may come before it: it opens the clause.
  const lead = before.slice(0, start);
  if (lead.some((t) => !isDate(t) && t.pos !== 'ADV' && t.pos !== 'PUNCT' && t.pos !== 'ADP')) return null;
  if (lead.some((t) => /^["“”‘’]$/u.test(t.text))) return null;
  const words = before.slice(start, end);
  if (words.length === 1 && words[0]?.pos !== 'NOUN') return null;
  const phrase = words.map((t) => t.text).join(' ');
  // A title opens with a capital whatever the sentence did ("the two sides" after a date).
  return phrase.length > 1 ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : null;
}

/** The tokens strictly between two offsets. */
function tokensBetween(tokens: readonly Token[], from: number, to: number): Token[] {
  return tokens.filter((t) => t.start >= from && t.end <= to);
}

/**
 * The actor doing the action: the last mention before the verb group whose only words
 * up to it are adverbs, date words, an appositive (", the agency's chief,"), or "who"
 * after a comma. A mention that is the object of a preposition or a possessive
 * ("X's wife") is not the subject.
 */
function subjectOf(
  ec: EventContext,
  sentence: Sentence,
  sentenceIndex: number,
  groupStartOffset: number,
  temporal: readonly TemporalMention[],
): Subject | null {
  const { context: ctx, quotes } = ec;
  const tokens = sentence.tokens;
  const dateTokens = (t: Token) => temporal.some((m) => t.start >= m.start && t.end <= m.end);
  const mentions = ctx
    .mentionsIn(sentenceIndex)
    .filter((m) => m.end <= groupStartOffset && !insideQuote(quotes, m.start));
  // Names that are no actor ("Flint, Michigan" in "Hekmati, of Flint, Michigan, was") are skipped over.
  const subject = mentions.filter((m) => m.kind !== 'PLACE' && (m.actorKey || m.kind === 'PRONOUN')).at(-1);
  if (subject?.kind === 'PRONOUN') {
    const between = tokensBetween(tokens, subject.end, groupStartOffset).filter(
      (t) => t.pos !== 'ADV' && !dateTokens(t),
    );
    if (between.length > 0 || !/^(?:he|she)$/i.test(subject.name)) return null;
    const previous = tokens.filter((t) => t.end <= subject.start).at(-1);
    // "... that he released": the pronoun's clause is a complement of something else.
    if (previous && !/^[,;:]$/.test(previous.text) && previous.pos !== 'CCONJ' && !dateTokens(previous)) return null;
    const key = ctx.resolvePronoun(subject.start, sentenceIndex, subject.name);
    return key ? { keys: [key], named: false } : null;
  }
  if (subject) {
    let between = tokensBetween(tokens, subject.end, groupStartOffset).filter((t) => t.pos !== 'ADV' && !dateTokens(t));
    // "Sen. Lindsey Graham of South Carolina, who": the state label is part of the name's phrase.
    if (subject.kind === 'PERSON' && between[0]?.text === 'of') {
      let k = 1;
      while (between[k]?.pos === 'PROPN') k += 1;
      if (k > 1) between = between.slice(k);
    }
    let relative = false;
    // ", the country's first democratically elected president," or ", who".
    if (between[0]?.text === ',') {
      const last = between.at(-1);
      if (between.length === 2 && between[1]?.text.toLowerCase() === 'who') {
        between = [];
        relative = true;
      } else if (last?.text === ',' && !between.slice(1, -1).some((t) => t.pos === 'VERB' || t.pos === 'AUX'))
        between = [];
    }
    if (between.length === 0) return subjectFrom(ec, tokens, subject, mentions, relative);
  }
  // "He returned to Washington early on Wednesday."
  const before = tokensBetween(tokens, sentence.start, groupStartOffset).filter(
    (t) => t.pos !== 'ADV' && !dateTokens(t),
  );
  const last = before.at(-1);
  if (last && last.pos === 'PRON' && /^(?:he|she)$/i.test(last.text) && !insideQuote(quotes, last.start)) {
    const previous = before.at(-2);
    // "... that he released": the pronoun's clause is a complement of something else.
    if (previous && !/^[,;:]$/.test(previous.text) && previous.pos !== 'CCONJ') return null;
    const key = ctx.resolvePronoun(last.start, sentenceIndex, last.text);
    return key ? { keys: [key], named: false } : null;
  }
  if (subject) return null;
  const description = describedSubjectOf(tokens, sentence.start, groupStartOffset, dateTokens);
  return description ? { keys: [], named: false, description } : null;
}

function subjectFrom(
  ec: EventContext,
  tokens: readonly Token[],
  subject: ResolvedMention,
  mentions: readonly ResolvedMention[],
  relative: boolean,
): Subject | null {
  if (subject.possessive || subject.kind === 'PLACE') return null;
  const key = subject.kind === 'PRONOUN' ? null : subject.actorKey;
  if (!key) return null;
  const precedingToken = tokens.filter((t) => t.end <= subject.start).at(-1);
  // "talks with Iran's Zarif", "a visit by Obama": an object, not the subject ("who" refers back to it all the same).
  if (!relative && precedingToken && (precedingToken.pos === 'ADP' || precedingToken.pos === 'VERB')) return null;
  const keys = [key];
  // "McCain and Graham traveled": coordinated subjects.
  for (let i = mentions.indexOf(subject) - 1; i >= 0; i -= 1) {
    const m = mentions[i] as ResolvedMention;
    const next = mentions[i + 1] as ResolvedMention;
    const glue = ec.article.text.slice(m.end, next.start);
    if (!coordination.test(glue) || !m.actorKey || m.kind === 'PLACE' || m.kind === 'PRONOUN') break;
    if (!keys.includes(m.actorKey)) keys.unshift(m.actorKey);
  }
  return { keys, named: true };
}

/** "was detained by Iran": the named actor right after "by" in the verb's clause. */
function agentOf(ec: EventContext, sentenceIndex: number, verb: Token, tokens: readonly Token[]): string[] {
  const after = tokens.filter((t) => t.start >= verb.end);
  let k = 0;
  while (after[k]?.pos === 'ADV') k += 1;
  if (after[k]?.text.toLowerCase() !== 'by') return [];
  const from = (after[k] as Token).end;
  const agent = ec.context
    .mentionsIn(sentenceIndex)
    .find((m) => m.start >= from && m.start - from <= 6 && m.actorKey && m.kind !== 'PLACE' && m.kind !== 'PRONOUN');
  return agent?.actorKey ? [agent.actorKey] : [];
}

/** "X and Y", "X of Arizona and Y": the glue between coordinated subjects. */
const coordination = /^\s*(?:of\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*\s*)?(?:,|and|,\s*and)\s*$/u;

/** "released Washington Post reporter Jason Rezaian and three other prisoners" from the verb on. */
export function objectPhrase(tokens: readonly Token[], from: number, temporal: readonly TemporalMention[]): Token[] {
  const words: Token[] = [];
  for (let i = from; i < tokens.length && words.length < MAX_TITLE_OBJECT_WORDS; i += 1) {
    const t = tokens[i] as Token;
    if (temporal.some((m) => t.start >= m.start && t.end <= m.end)) {
      // Date words are the item's date, not its title; after the object they end it.
      if (words.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN')) break;
      // "Tuesday's attack": the possessive goes with the date word.
      if (/^['’]s$/u.test(tokens[i + 1]?.text ?? '')) i += 1;
      continue;
    }
    if (t.pos === 'PUNCT' && !/^[-'’]$/.test(t.text)) break;
    if (t.pos === 'SCONJ' || objectStops.has(t.text.toLowerCase())) break;
    if (t.pos === 'CCONJ' && tokens[i + 1] && ['VERB', 'AUX', 'PRON'].includes((tokens[i + 1] as Token).pos)) break;
    if (t.pos === 'VERB' && words.length > 0 && isPast(t) && tokens[i - 1]?.pos !== 'PART') break;
    words.push(t);
  }
  // End on a content word: never "in violation of", never "the".
  while (words.length > 0 && !['NOUN', 'PROPN', 'NUM', 'PRON', 'ADV'].includes((words.at(-1) as Token).pos)) {
    const last = words.at(-1) as Token;
    // A particle right after the verb belongs to it: "broke off", "stepped down".
    if (words.length === 1 && last.pos === 'ADP') break;
    words.pop();
  }
  return words;
}

export function joinTokens(text: string, words: readonly Token[]): string {
  let out = '';
  let previousEnd = -1;
  for (const w of words) {
    if (out && (w.start > previousEnd || previousEnd < 0)) out += ' ';
    out += text.slice(w.start, w.end);
    previousEnd = w.end;
  }
  return out;
}

export function extractEvents(ec: EventContext): EventDraft[] {
  const { article, context: ctx, sentences, anchor, quotes } = ec;
  const drafts: EventDraft[] = [];
  let narration: { date: TemporalMention; sentenceIndex: number; paragraph: number } | null = null;
  sentences.forEach((sentence, sentenceIndex) => {
    const tokens = sentence.tokens;
    const predicates = findPredicates(tokens).filter((p) => !insideQuote(quotes, (tokens[p.index] as Token).start));
    if (predicates.length === 0) return;
    const inGroup = new Map<Token, Predicate>();
    for (const p of predicates) for (let k = p.groupStart; k <= p.index; k += 1) inGroup.set(tokens[k] as Token, p);
    const spans: VerbSpan[] = [];
    for (const p of predicates) {
      spans.push({
        start: (tokens[p.groupStart] as Token).start,
        end: (tokens[p.index] as Token).end,
        head: tokens[p.index] as Token,
      });
    }
    for (const t of tokens) {
      if (t.pos === 'VERB' && !inGroup.has(t) && !insideQuote(quotes, t.start))
        spans.push({ start: t.start, end: t.end, head: t });
    }
    const segments = segmentsOf(tokens);
    const segmentAt = (offset: number): number => {
      let seg = 0;
      for (const t of tokens) {
        if (t.start > offset) break;
        seg = segments.get(t) ?? seg;
      }
      return seg;
    };
    const temporalFor = (status: ItemStatus) =>
      findTemporalMentions(sentence.text, anchor, {
        tense: status === 'SCHEDULED' ? 'future' : 'past',
        narration: () => narrationBefore(sentences, sentenceIndex, anchor, (at) => insideQuote(quotes, at)),
      })
        .map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }))
        .filter((t) => !insideQuote(quotes, t.start));
    const cache = new Map<ItemStatus, TemporalMention[]>();
    const temporalOf = (status: ItemStatus) => {
      let found = cache.get(status);
      if (!found) {
        found = temporalFor(status);
        cache.set(status, found);
      }
      return found;
    };
    let kept = 0;
    const seenActors = new Set<string>();
    for (const predicate of predicates) {
      if (kept >= MAX_EVENTS_PER_SENTENCE) break;
      const verb = tokens[predicate.index] as Token;
      if (ec.meetingSentences?.has(sentenceIndex) && /^(?:visit|host|phone|call|receive)$/.test(verb.lemma)) continue;
      const temporal = temporalOf(predicate.status);
      const own = temporal.filter(
        (t) => t.kind !== 'since-year' && t.date && attachedVerb(spans, t, segmentAt) === verb,
      );
      own.sort((a, b) => Math.abs(a.start - verb.start) - Math.abs(b.start - verb.start));
      const ownDate = own[0];
      if (ownDate?.date && predicate.status === 'OCCURRED')
        narration = { date: ownDate, sentenceIndex, paragraph: sentence.paragraphIndex };
      // No date of its own: a typed action right after a dated one in the same stretch of
      // narration happened then ("The IOC also suspended ..." after "The board decided on Tuesday").
      const inherited =
        !ownDate &&
        predicate.status === 'OCCURRED' &&
        !predicate.passive &&
        narration !== null &&
        sentenceIndex - narration.sentenceIndex <= CONTEXT_SENTENCES &&
        sentence.paragraphIndex - narration.paragraph <= 1 &&
        !temporal.some((t) => attachedVerb(spans, t, segmentAt) === verb);
      const when = ownDate ?? (inherited ? narration?.date : undefined);
      // "had met in person since 2014" or no date of its own: background, not a happening.
      if (!when) continue;
      const groupStart = (tokens[predicate.groupStart] as Token).start;
      const subject = subjectOf(ec, sentence, sentenceIndex, groupStart, temporal);
      if (!subject) continue;
      const actorKey = subject.keys.join('|');
      if (seenActors.has(actorKey)) continue;
      const actors = subject.keys.map((k) => ctx.actors.get(k)).filter((a) => a !== undefined);
      if (actors.length !== subject.keys.length) continue;
      // A passive subject is who it was done to; the doer is the "by" phrase, when there is one.
      const agentKeys = predicate.passive ? agentOf(ec, sentenceIndex, verb, tokens) : subject.keys;
      const patientKeys = predicate.passive ? subject.keys.filter((k) => !agentKeys.includes(k)) : [];
      const object = objectPhrase(tokens, predicate.index + 1, temporal);
      const objectNouns = object.filter((t) => t.pos === 'NOUN').map((t) => t.lemma);
      const type: EventType = eventTypeOf(verb.lemma, objectNouns);
      const verbWords =
        predicate.status === 'SCHEDULED'
          ? `to ${verb.text}`
          : predicate.passive
            ? joinTokens(
                article.text,
                tokens.slice(predicate.groupStart, predicate.index + 1).filter((t) => t.pos !== 'ADV'),
              )
            : verb.text;
      const names = actors.map((a) => a.name);
      const agent =
        subject.description ??
        (names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join(' and '));
      const title = `${agent} ${verbWords}${object.length > 0 ? ` ${joinTokens(article.text, object)}` : ''}`;
      let confidence = 0.5;
      if (when.basis === 'EXPLICIT') confidence += 0.1;
      if (when.date?.precision === 'DAY') confidence += 0.05;
      if (subject.named) confidence += 0.1;
      if (subject.description) confidence -= DESCRIBED_SUBJECT_PENALTY;
      if (type !== 'OTHER') confidence += 0.1;
      if (predicate.passive) confidence -= 0.05;
      if (!ownDate) confidence -= 0.1;
      if (confidence < EVENT_CONFIDENCE_THRESHOLD) continue;
      seenActors.add(actorKey);
      kept += 1;
      drafts.push({
        kind: 'EVENT',
        actorKeys: agentKeys,
        patientKeys,
        action: verb.lemma,
        eventType: type,
        title: title.slice(0, 200),
        evidence: { start: sentence.start, end: sentence.end, excerpt: sentence.text },
        date: ownDate
          ? { date: when.date, basis: when.basis === 'EXPLICIT' ? 'EXPLICIT' : 'RELATIVE', expression: when.text }
          : { date: when.date, basis: 'CONTEXT', expression: when.text },
        status: predicate.status,
        place: null,
        confidence: Math.min(1, confidence),
      });
    }
  });
  return drafts;
}
