/**
 * Scores what the pipeline extracted from one article against its hand annotation (the
 * `.gold.json` beside the article) and sums the scores over a corpus. Pure: records in,
 * counts out; the database and the files are read elsewhere.
 *
 * Pairing is one-to-one and greedy: every admissible (gold, extracted) pair is scored and
 * the best remaining pair is taken first. See README.md for the rules.
 */
import type { ItemStatus } from '../extract/types.js';
import type { DatePrecision } from '../ingest/types.js';
import { anyNameMatches, expandGoldName } from './names.js';
import { type Overlap, passagesMatch, tokenOverlap, wordTokens } from './text-overlap.js';

// ---- Gold annotation (validated by gold-file.ts) ----

/** Dates are "YYYY-MM-DD", the start of the fuzzy interval; null with a null precision when undated. */
export interface GoldDated {
  date: string | null;
  precision: DatePrecision | null;
  /** Acceptable either way: matching it is neither a hit nor a false positive, missing it no miss. */
  optional: boolean;
}

export interface GoldStatement extends GoldDated {
  speaker: string;
  quote: string;
  /** A fragment in quotation marks inside the reporter's paraphrase. */
  partial: boolean;
}

export interface GoldMeeting extends GoldDated {
  participants: string[];
  place: string | null;
  status: ItemStatus;
  evidence: string;
}

export interface GoldEvent extends GoldDated {
  actors: string[];
  description: string;
  evidence: string;
}

export interface GoldFile {
  /** File name of the annotated article, beside the gold file. */
  article: string;
  /** The story's topic, for per-topic figures; absent in older files. */
  topic?: string;
  publishedAt: string | null;
  statements: GoldStatement[];
  meetings: GoldMeeting[];
  events: GoldEvent[];
  notes?: string;
}

// ---- What the pipeline stored for one source (built by services/load-evaluation-records.ts) ----

export interface ExtractedDate {
  /** "YYYY-MM-DD", UTC start of the item's fuzzy date. */
  start: string;
  precision: DatePrecision;
}

export interface ExtractedStatement {
  itemId?: string;
  speakerName: string;
  speakerAliases: string[];
  /** This source's own wording: Citation.quoteText, else the item's quote. */
  quote: string;
  date: ExtractedDate | null;
}

export interface ExtractedMeeting {
  itemId?: string;
  /** One entry per participant: its name followed by its aliases. */
  participantNames: string[][];
  place: string | null;
  date: ExtractedDate | null;
  status: ItemStatus;
  /** The cited passage, when known; only breaks ties between meetings of the same people. */
  excerpt?: string;
}

export interface ExtractedEvent {
  itemId?: string;
  /** One entry per actor: its name followed by its aliases. */
  actorNames: string[][];
  excerpt: string;
  start: number | null;
  end: number | null;
  date: ExtractedDate | null;
}

export interface ExtractedRecords {
  statements: ExtractedStatement[];
  meetings: ExtractedMeeting[];
  events: ExtractedEvent[];
}

// ---- Results ----

export type RecordKind = 'statements' | 'meetings' | 'events';
export const RECORD_KINDS: readonly RecordKind[] = ['statements', 'meetings', 'events'];

export interface ItemMatch<G, E> {
  gold: G;
  extracted: E;
  score: number;
  /** Same start day and precision (or both undated). */
  dateCorrect: boolean;
}

export interface KindScore<G extends GoldDated, E> {
  tp: number;
  fp: number;
  fn: number;
  /** Matched non-optional items whose date is right, out of `dateTotal` matched non-optional items. */
  dateCorrect: number;
  dateTotal: number;
  /** Every pair, optional gold items included (those count neither as TP nor FP). */
  matches: ItemMatch<G, E>[];
  /** Non-optional gold items nothing matched. */
  misses: G[];
  /** Extracted records that matched no gold item. */
  falsePositives: E[];
}

/**
 * Who was credited with a quote the pipeline found: gold statements paired with extracted
 * ones by quote alone (speaker ignored), and of those pairs, how many name the right
 * speaker. Separates "found the words, credited the wrong person" from "missed the quote".
 */
export interface SpeakerScore {
  correct: number;
  total: number;
  /** Quote found, speaker wrong. */
  wrong: { gold: GoldStatement; extracted: ExtractedStatement }[];
}

export interface ArticleScore {
  article: string;
  /** The gold file's topic, when it gives one. */
  topic: string | null;
  speakers: SpeakerScore;
  statements: KindScore<GoldStatement, ExtractedStatement>;
  meetings: KindScore<GoldMeeting, ExtractedMeeting>;
  events: KindScore<GoldEvent, ExtractedEvent>;
}

export interface KindSummary {
  tp: number;
  fp: number;
  fn: number;
  /** Null when undefined (nothing extracted, nothing expected, ...). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  dateCorrect: number;
  dateTotal: number;
  dateAccuracy: number | null;
}

export interface EvaluationSummary {
  articles: number;
  statements: KindSummary;
  meetings: KindSummary;
  events: KindSummary;
  /** Micro-averaged over the three kinds; `overall.dateAccuracy` is the overall date accuracy. */
  overall: KindSummary;
  /** Of the gold quotes found (by quote alone), the share credited to the right speaker. */
  speakers: { correct: number; total: number; accuracy: number | null };
}

// ---- Thresholds ----

export const STATEMENT_QUOTE_OVERLAP = 0.6;
export const EVENT_EXCERPT_OVERLAP = 0.5;

// ---- Matching ----

/** A gold date null counts as right only when the record is undated too. */
export function isDateCorrect(gold: GoldDated, extracted: ExtractedDate | null): boolean {
  if (gold.date === null) return extracted === null;
  return extracted !== null && extracted.start === gold.date && extracted.precision === gold.precision;
}

interface Candidate {
  gold: number;
  extracted: number;
  score: number;
  /** Breaks ties in `score`: how closely the pair agrees beyond the criterion. */
  tiebreak: number;
}

/** One-to-one, best first; on equal scores a non-optional gold item is served first. */
function pairGreedily(optional: readonly boolean[], candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.score - a.score ||
      b.tiebreak - a.tiebreak ||
      Number(optional[a.gold]) - Number(optional[b.gold]) ||
      a.gold - b.gold ||
      a.extracted - b.extracted,
  );
  const goldTaken = new Set<number>();
  const extractedTaken = new Set<number>();
  const pairs: Candidate[] = [];
  for (const candidate of sorted) {
    if (goldTaken.has(candidate.gold) || extractedTaken.has(candidate.extracted)) continue;
    goldTaken.add(candidate.gold);
    extractedTaken.add(candidate.extracted);
    pairs.push(candidate);
  }
  return pairs;
}

function scoreKind<G extends GoldDated, E extends { date: ExtractedDate | null }>(
  gold: readonly G[],
  extracted: readonly E[],
  pairScore: (goldIndex: number, extractedIndex: number) => { score: number; tiebreak: number } | null,
): KindScore<G, E> {
  const candidates: Candidate[] = [];
  for (let g = 0; g < gold.length; g += 1) {
    for (let e = 0; e < extracted.length; e += 1) {
      const scored = pairScore(g, e);
      if (scored) candidates.push({ gold: g, extracted: e, ...scored });
    }
  }
  const pairs = pairGreedily(
    gold.map((item) => item.optional),
    candidates,
  );
  const matchedGold = new Set(pairs.map((pair) => pair.gold));
  const matchedExtracted = new Set(pairs.map((pair) => pair.extracted));
  const matches = pairs
    .sort((a, b) => a.gold - b.gold)
    .map((pair) => {
      const goldItem = gold[pair.gold] as G;
      const extractedItem = extracted[pair.extracted] as E;
      return {
        gold: goldItem,
        extracted: extractedItem,
        score: pair.score,
        dateCorrect: isDateCorrect(goldItem, extractedItem.date),
      };
    });
  const counted = matches.filter((match) => !match.gold.optional);
  const misses = gold.filter((item, index) => !item.optional && !matchedGold.has(index));
  const falsePositives = extracted.filter((_, index) => !matchedExtracted.has(index));
  return {
    tp: counted.length,
    fp: falsePositives.length,
    fn: misses.length,
    dateCorrect: counted.filter((match) => match.dateCorrect).length,
    dateTotal: counted.length,
    matches,
    misses,
    falsePositives,
  };
}

/** Size of a maximum one-to-one pairing of gold participants with extracted ones (Kuhn's algorithm). */
export function countParticipantMatches(gold: readonly string[][], extracted: readonly string[][]): number {
  const edges = gold.map((goldNames) =>
    extracted.flatMap((names, index) => (anyNameMatches(goldNames, names) ? [index] : [])),
  );
  const owner = new Array<number>(extracted.length).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (const e of edges[g] ?? []) {
      if (seen[e]) continue;
      seen[e] = true;
      if (owner[e] === -1 || augment(owner[e] as number, seen)) {
        owner[e] = g;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let g = 0; g < gold.length; g += 1) {
    if (augment(g, new Array<boolean>(extracted.length).fill(false))) matched += 1;
  }
  return matched;
}

/** At least two participants in common, or all of the smaller side when either has fewer than two. */
export function enoughParticipants(goldCount: number, extractedCount: number, matched: number): boolean {
  const smaller = Math.min(goldCount, extractedCount);
  if (smaller === 0) return false;
  return matched >= Math.min(2, smaller);
}

const tokensOf = (text: string | undefined | null) => (text ? wordTokens(text) : []);
const overlapTiebreak = (overlap: Overlap) => overlap.coverage;

export function scoreArticle(gold: GoldFile, extracted: ExtractedRecords): ArticleScore {
  const statementGold = gold.statements.map((item) => ({
    names: expandGoldName(item.speaker),
    tokens: tokensOf(item.quote),
  }));
  const statementExtracted = extracted.statements.map((record) => ({
    names: [record.speakerName, ...record.speakerAliases],
    tokens: tokensOf(record.quote),
  }));
  const statements = scoreKind(gold.statements, extracted.statements, (g, e) => {
    const goldItem = statementGold[g]!;
    const record = statementExtracted[e]!;
    const overlap = passagesMatch(goldItem.tokens, record.tokens, STATEMENT_QUOTE_OVERLAP);
    if (!overlap || !anyNameMatches(goldItem.names, record.names)) return null;
    return { score: overlap.ratio, tiebreak: overlapTiebreak(overlap) };
  });
  const byQuote = scoreKind(gold.statements, extracted.statements, (g, e) => {
    const goldItem = statementGold[g]!;
    const record = statementExtracted[e]!;
    const overlap = passagesMatch(goldItem.tokens, record.tokens, STATEMENT_QUOTE_OVERLAP);
    if (!overlap) return null;
    // The right speaker wins a tie between two records of the same words.
    const sameSpeaker = anyNameMatches(goldItem.names, record.names) ? 1 : 0;
    return { score: overlap.ratio, tiebreak: sameSpeaker + 0.01 * overlapTiebreak(overlap) };
  });
  const speakers: SpeakerScore = { correct: 0, total: 0, wrong: [] };
  for (const match of byQuote.matches) {
    if (match.gold.optional) continue;
    speakers.total += 1;
    const names = [match.extracted.speakerName, ...match.extracted.speakerAliases];
    if (anyNameMatches(expandGoldName(match.gold.speaker), names)) speakers.correct += 1;
    else speakers.wrong.push({ gold: match.gold, extracted: match.extracted });
  }

  const meetingGold = gold.meetings.map((item) => ({
    participants: item.participants.map(expandGoldName),
    evidence: tokensOf(item.evidence),
  }));
  const meetingExtracted = extracted.meetings.map((record) => ({
    participants: record.participantNames,
    excerpt: tokensOf(record.excerpt),
  }));
  const meetings = scoreKind(gold.meetings, extracted.meetings, (g, e) => {
    const goldItem = meetingGold[g]!;
    const record = meetingExtracted[e]!;
    const matched = countParticipantMatches(goldItem.participants, record.participants);
    if (!enoughParticipants(goldItem.participants.length, record.participants.length, matched)) return null;
    const evidence = tokenOverlap(goldItem.evidence, record.excerpt).ratio;
    const sameStatus = gold.meetings[g]!.status === extracted.meetings[e]!.status ? 1 : 0;
    return {
      score: matched / Math.max(goldItem.participants.length, record.participants.length),
      tiebreak: evidence + 0.01 * sameStatus,
    };
  });

  const eventGold = gold.events.map((item) => ({
    actors: item.actors.map(expandGoldName),
    evidence: tokensOf(item.evidence),
  }));
  const eventExtracted = extracted.events.map((record) => ({
    actors: record.actorNames,
    excerpt: tokensOf(record.excerpt),
  }));
  const events = scoreKind(gold.events, extracted.events, (g, e) => {
    const goldItem = eventGold[g]!;
    const record = eventExtracted[e]!;
    const overlap = passagesMatch(goldItem.evidence, record.excerpt, EVENT_EXCERPT_OVERLAP);
    if (!overlap) return null;
    let actorShare = 0;
    if (goldItem.actors.length > 0 && record.actors.length > 0) {
      const matched = countParticipantMatches(goldItem.actors, record.actors);
      if (matched === 0) return null;
      actorShare = matched / goldItem.actors.length;
    }
    // Two gold events often share one sentence of evidence; the actors tell them apart.
    return { score: overlap.ratio, tiebreak: actorShare + 0.01 * overlapTiebreak(overlap) };
  });

  return { article: gold.article, topic: gold.topic ?? null, speakers, statements, meetings, events };
}

// ---- Summary ----

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

function summarizeCounts(counts: {
  tp: number;
  fp: number;
  fn: number;
  dateCorrect: number;
  dateTotal: number;
}): KindSummary {
  const { tp, fp, fn, dateCorrect, dateTotal } = counts;
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    dateCorrect,
    dateTotal,
    dateAccuracy: ratio(dateCorrect, dateTotal),
  };
}

/** Micro-averaged: counts are summed over articles before any ratio is taken. */
export function summarize(results: readonly ArticleScore[]): EvaluationSummary {
  const zero = () => ({ tp: 0, fp: 0, fn: 0, dateCorrect: 0, dateTotal: 0 });
  const totals = { statements: zero(), meetings: zero(), events: zero() };
  const all = zero();
  const speakers = { correct: 0, total: 0 };
  for (const result of results) {
    speakers.correct += result.speakers.correct;
    speakers.total += result.speakers.total;
    for (const kind of RECORD_KINDS) {
      const score = result[kind];
      for (const target of [totals[kind], all]) {
        target.tp += score.tp;
        target.fp += score.fp;
        target.fn += score.fn;
        target.dateCorrect += score.dateCorrect;
        target.dateTotal += score.dateTotal;
      }
    }
  }
  return {
    articles: results.length,
    statements: summarizeCounts(totals.statements),
    meetings: summarizeCounts(totals.meetings),
    events: summarizeCounts(totals.events),
    overall: summarizeCounts(all),
    speakers: { ...speakers, accuracy: ratio(speakers.correct, speakers.total) },
  };
}
