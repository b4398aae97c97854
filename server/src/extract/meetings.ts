/**
 * Meetings: who met whom, where and when, and whether it happened or is scheduled.
 * Triggers are the verbs and nouns of meeting ("met", "held talks", "face-to-face
 * meeting", "is scheduled to meet", phone calls); participants are the people in the
 * trigger's clause, or the organizations and countries when no person is named
 * ("top Russian and NATO generals").
 */
import type { Article, DatedFact } from '../ingest/types.js';
import { clauseAround } from './clauses.js';
import type { ArticleContext } from './context.js';
import { type DateAnchor, detectTense, findTemporalMentions } from './dates.js';
import { countryOfQualifier, findCity } from './geo.js';
import { insideQuote, type QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';
import type { DateClaim, MeetingDraft, MeetingFormat } from './types.js';

const trigger =
  /\b(?:met(?:\s+with)?|meets(?:\s+with)?|to\s+meet(?:\s+with)?|will\s+meet|meeting\s+with|(?:held|hold|holds|holding)\s+(?:talks|a\s+(?:rare\s+)?(?:face-to-face\s+)?meeting|a\s+(?:phone|telephone)\s+call|a\s+summit)|talks\s+with|spoke\s+(?:by|on\s+the)\s+(?:phone|telephone)(?:\s+with)?|(?:phone|telephone)\s+call(?:\s+with)?|face-to-face\s+meeting|summit\s+with|sat\s+down\s+with|hosted|called)\b/giu;

const groupPattern =
  /\b((?:[\p{Lu}][\p{L}.]*)(?:\s*(?:,|and)\s+[\p{Lu}][\p{L}.]*)*)\s+(?:generals|officials|leaders|diplomats|ministers|military\s+chiefs|negotiators|delegations|delegates|officers|commanders|envoys|counterparts)\b/gu;

export interface MeetingContext {
  article: Article;
  context: ArticleContext;
  sentences: Sentence[];
  anchor: DateAnchor | null;
  quotes: QuoteSpan[];
}

function publicationClaim(published: DatedFact | null): DateClaim {
  if (!published) return { date: null, basis: null, expression: null };
  return {
    date: { start: published.start, end: published.end, precision: published.precision },
    basis: 'PUBLICATION',
    expression: null,
  };
}

export function extractMeetings(mc: MeetingContext): MeetingDraft[] {
  const { article, context: ctx, sentences, anchor, quotes } = mc;
  const drafts: MeetingDraft[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    for (const match of sentence.text.matchAll(trigger)) {
      const at = sentence.start + (match.index ?? 0);
      if (insideQuote(quotes, at)) continue;
      const word = match[0].toLowerCase();
      // "called" is a meeting only as a phone call ("Obama called Erdogan"), not "called for".
      if (word === 'called' && !/^called\s+[\p{Lu}]/u.test(article.text.slice(at, at + 40))) continue;
      if (
        word === 'hosted' &&
        !/^hosted\s+(?:a\s+)?(?:summit|meeting|talks|[\p{Lu}])/u.test(article.text.slice(at, at + 40))
      )
        continue;
      const clause = clauseAround(sentence, at);
      const mentions = ctx
        .mentionsIn(sentenceIndex)
        .filter((m) => m.start >= clause.start && m.end <= clause.end && !insideQuote(quotes, m.start));
      const participants: string[] = [];
      const add = (key: string | null) => {
        if (key && !participants.includes(key)) participants.push(key);
      };
      for (const m of mentions) {
        if (m.kind === 'PERSON' || (m.kind === 'UNKNOWN' && m.actorKey?.startsWith('person:'))) add(m.actorKey);
        else if (m.kind === 'PRONOUN' && /^(he|she)$/i.test(m.name) && m.start < at && at - m.end < 40)
          add(ctx.resolvePronoun(m.start, sentenceIndex, m.name));
      }
      if (participants.length < 2) {
        // Groups: "top Russian and NATO generals" -> Russia, NATO.
        const clauseText = article.text.slice(clause.start, clause.end);
        for (const g of clauseText.matchAll(groupPattern)) {
          for (const part of (g[1] as string).split(/\s*(?:,|and)\s+/)) {
            const country = countryOfQualifier(part);
            if (country) add(`country:${country.code}`);
            else {
              const org = mentions.find((m) => m.kind === 'ORGANIZATION' && m.name === part);
              if (org?.actorKey) add(org.actorKey);
              else if (/^\p{Lu}{2,6}$/u.test(part)) add(ctx.ensureOrganization(part));
            }
          }
        }
      }
      if (participants.length < 2) {
        for (const m of mentions)
          if (m.kind === 'ORGANIZATION' && m.actorKey && !/\b(news|times|post|journal|press|agency)\b/i.test(m.name))
            add(m.actorKey);
      }
      if (participants.length < 2) continue;
      const tense = detectTense(article.text.slice(clause.start, clause.end));
      const allTemporal = findTemporalMentions(article.text.slice(sentence.start, sentence.end), anchor, {
        tense: tense === 'future' ? 'future' : 'past',
      })
        .map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }))
        .filter((t) => !insideQuote(quotes, t.start));
      const temporal = allTemporal.filter((t) => t.kind !== 'since-year');
      // "have met in person since 2014": a generalisation, not a meeting.
      if (temporal.length === 0 && allTemporal.length > 0) continue;
      temporal.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
      const when = temporal[0];
      const date: DateClaim = when
        ? {
            date: when.date,
            basis: when.date ? (when.basis === 'EXPLICIT' ? 'EXPLICIT' : 'RELATIVE') : null,
            expression: when.text,
          }
        : tense === 'future'
          ? { date: null, basis: null, expression: null }
          : publicationClaim(article.published);
      const place = placeIn(ctx, sentenceIndex, clause, at);
      const format: MeetingFormat = /phone|telephone|called/.test(word)
        ? 'PHONE'
        : /video/.test(sentence.text)
          ? 'VIDEO'
          : 'IN_PERSON';
      const people = participants.filter((p) => p.startsWith('person:')).length;
      drafts.push({
        kind: 'MEETING',
        participantKeys: participants,
        format,
        evidence: { start: sentence.start, end: sentence.end, excerpt: sentence.text },
        date,
        status: tense === 'future' ? 'SCHEDULED' : 'OCCURRED',
        place,
        confidence: people >= 2 ? 0.8 : 0.55,
      });
      break; // one meeting per sentence
    }
  });
  return drafts;
}

/** A city named in the clause ("in Helsinki", "in Azerbaijan's capital, Baku"). */
function placeIn(
  ctx: ArticleContext,
  sentenceIndex: number,
  clause: { start: number; end: number },
  near: number,
): string | null {
  const sentence = ctx.sentences[sentenceIndex] as Sentence;
  const places = ctx
    .mentionsIn(sentenceIndex)
    .filter((m) => m.kind === 'PLACE' && m.start >= clause.start && m.end <= Math.max(clause.end, sentence.end))
    .filter(
      (m) =>
        /\b(?:in|at|to|near|outside)\s+(?:\S+\s+){0,3}$/i.test(
          ctx.text.slice(Math.max(sentence.start, m.start - 40), m.start),
        ) || /,\s*$/.test(ctx.text.slice(m.start - 2, m.start)),
    );
  places.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near));
  const place = places[0];
  return place && findCity(place.name) ? place.name : null;
}
