/**
 * The extraction stage: a normalized Article in, drafts of statements, meetings and
 * events (with the actors they involve) out. Pure and total: no I/O, and a failure in
 * one part of an article is reported as a warning, never thrown.
 */
import type { Article } from '../ingest/types.js';
import { ArticleContext } from './context.js';
import { type DateAnchor, isStorable } from './dates.js';
import { extractEvents } from './events.js';
import { extractMeetings } from './meetings.js';
import { extractNominalEvents } from './nominal-events.js';
import { findQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { extractStatements } from './statements.js';
import type { ActorDraft, Extraction, ItemDraft } from './types.js';

export function anchorOf(article: Article): DateAnchor | null {
  if (!article.published) return null;
  const basis = article.published.basis;
  return {
    date: article.published.start,
    basis: basis === 'CALLER' || basis === 'EXPLICIT' || basis === 'URL' || basis === 'CAPTION' ? basis : 'EXPLICIT',
  };
}

/**
 * A photo caption's date is only the earliest the article can be from. An article is
 * published no earlier than the latest day it reports in the past tense, so when its own
 * statements and events are dated up to a few days after the caption, the publication
 * date is taken to be that latest day.
 */
function refineCaptionAnchor(article: Article, extraction: Extraction): Article | null {
  const published = article.published;
  if (published?.basis !== 'CAPTION') return null;
  const week = 7 * 86_400_000;
  let latest = published.start.getTime();
  for (const item of extraction.items) {
    const d = item.date.date;
    if (!d || item.status !== 'OCCURRED' || d.precision !== 'DAY') continue;
    if (item.date.basis !== 'RELATIVE' && item.date.basis !== 'EXPLICIT') continue;
    const t = d.start.getTime();
    if (t > latest && t - published.start.getTime() <= week) latest = t;
  }
  if (latest === published.start.getTime()) return null;
  return { ...article, published: { ...published, start: new Date(latest), end: new Date(latest + 86_400_000) } };
}

export function extractItems(article: Article): Extraction {
  const first = extractOnce(article);
  const refined = refineCaptionAnchor(article, first);
  return refined ? extractOnce(refined) : first;
}

function extractOnce(article: Article): Extraction {
  const warnings: Extraction['warnings'] = [];
  const sentences = splitSentences(article.text, article.paragraphs);
  const context = new ArticleContext(article.text, sentences);
  const anchor = anchorOf(article);
  const quotes = findQuotes(article.text, article.paragraphs);
  const attempt = <T>(stage: string, run: () => T[]): T[] => {
    try {
      return run();
    } catch (error) {
      warnings.push({ code: 'EXTRACTION_FAILED', message: `${stage} extraction failed: ${(error as Error).message}` });
      return [];
    }
  };
  // Concatenated, not spread into push: a long text can yield more drafts than a call takes arguments.
  // Statements first: the speakers they record guide the pronouns that meetings and events resolve.
  const statements = attempt('statement', () => extractStatements({ article, context, sentences, anchor }, quotes));
  const meetings = attempt('meeting', () => extractMeetings({ article, context, sentences, anchor, quotes }));
  const meetingSentences = new Set(
    meetings.map((m) => sentences.findIndex((s) => s.start === m.evidence.start)).filter((i) => i >= 0),
  );
  const eventContext = { article, context, sentences, anchor, quotes, meetingSentences };
  const events = attempt('event', () => extractEvents(eventContext));
  // A sentence that already holds a meeting or an event of a verb says no more with a noun.
  const taken = new Set(meetingSentences);
  for (const e of events) taken.add(sentences.findIndex((s) => s.start === e.evidence.start));
  const nominalEvents = attempt('nominal event', () => extractNominalEvents(eventContext, taken));
  const items: ItemDraft[] = [...statements, ...meetings, ...events, ...nominalEvents];
  for (const item of items) {
    // A date beyond the years 1..9999 cannot be stored: the claim keeps its expression, undated.
    if (item.date.date && !isStorable(item.date.date)) item.date = { ...item.date, date: null, basis: null };
  }
  // Only actors that take part in an item become drafts.
  const used = new Set<string>();
  for (const item of items) {
    if (item.kind === 'STATEMENT') {
      used.add(item.speakerKey);
      for (const k of item.mentionedKeys) used.add(k);
    } else if (item.kind === 'MEETING') for (const k of item.participantKeys) used.add(k);
    else for (const k of [...item.actorKeys, ...item.patientKeys]) used.add(k);
  }
  // Whom a speaker speaks for is part of the record too.
  for (const key of [...used]) {
    const principal = context.actors.get(key)?.affiliationKey;
    if (principal) used.add(principal);
  }
  const actors: ActorDraft[] = [];
  for (const key of used) {
    const record = context.actors.get(key);
    if (!record) continue;
    actors.push({
      key: record.key,
      name: record.name,
      kind: record.kind,
      aliases: [...new Set(record.aliases)],
      description: record.description,
      affiliationKey: record.affiliationKey && used.has(record.affiliationKey) ? record.affiliationKey : null,
    });
  }
  return { actors, items, warnings };
}
