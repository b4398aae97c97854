/**
 * Other events: a dated happening with an actor and an action ("Russia annexed Crimea in
 * 2014", "On Tuesday, the Pentagon said ... had buzzed", "US officials accused Russia on
 * Thursday"). Precision over recall: an event needs an action verb from a closed list, a
 * named actor as its subject, and a date expression in the same clause; quoted speech
 * never yields events.
 */
import type { Article } from '../ingest/types.js';
import type { ArticleContext } from './context.js';
import { type DateAnchor, detectTense, findTemporalMentions } from './dates.js';
import { insideQuote, type QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';
import type { EventDraft } from './types.js';

const actions = [
  'accused',
  'launched',
  'annexed',
  'signed',
  'attacked',
  'killed',
  'resigned',
  'sentenced',
  'arrested',
  'detained',
  'released',
  'freed',
  'invaded',
  'withdrew',
  'imposed',
  'expelled',
  'elected',
  'fired',
  'tested',
  'struck',
  'bombed',
  'seized',
  'captured',
  'approved',
  'vetoed',
  'ratified',
  'canceled',
  'cancelled',
  'suspended',
  'deployed',
  'convicted',
  'indicted',
  'charged',
  'ousted',
  'toppled',
  'shot down',
  'buzzed',
  'hacked',
  'leaked',
  'banned',
  'sanctioned',
  'evacuated',
  'executed',
  'kidnapped',
  'abducted',
  'assassinated',
  'raided',
  'closed',
  'reopened',
  'recalled',
  'restored',
  'severed',
  'broke off',
  'announced',
  'unveiled',
  'introduced',
  'passed',
  'rejected',
  'nominated',
  'appointed',
  'fired',
  'dismissed',
  'sued',
  'blocked',
  'defeated',
  'won',
  'conducted',
  'carried out',
  'issued',
];
const actionPattern = new RegExp(`\\b(?:${actions.map((a) => a.replace(' ', '\\s+')).join('|')})\\b(?!-)`, 'g');
// Events split at ", and" too: "X struck Y, and Z reported" holds two clauses.
const clauseBreak = /;|,\s+(?:but|while|which|whereas|and)\b/g;

export interface EventContext {
  article: Article;
  context: ArticleContext;
  sentences: Sentence[];
  anchor: DateAnchor | null;
  quotes: QuoteSpan[];
}

export function extractEvents(ec: EventContext): EventDraft[] {
  const { article, context: ctx, sentences, anchor, quotes } = ec;
  const drafts: EventDraft[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    for (const match of sentence.text.matchAll(actionPattern)) {
      const at = sentence.start + (match.index ?? 0);
      if (insideQuote(quotes, at)) continue;
      // The clause around the action.
      let start = sentence.start;
      let end = sentence.end;
      for (const b of sentence.text.matchAll(clauseBreak)) {
        const pos = sentence.start + (b.index ?? 0);
        if (pos < at) start = pos + b[0].length;
        else if (pos > at) {
          end = pos;
          break;
        }
      }
      const before = ctx
        .mentionsIn(sentenceIndex)
        .filter((m) => m.start >= start && m.end <= at && m.actorKey && !insideQuote(quotes, m.start));
      const subject = before.at(-1);
      if (!subject?.actorKey) continue;
      // "X, who ..., announced" is fine; "X's wife announced" is not X.
      const between = article.text.slice(subject.end, at);
      // "X said that Y had ...": the subject of the action is not X.
      if (between.length > 60 || /\b(?:that|who|which|when|if|said|says|told)\b/.test(between)) continue;
      if (/^\s*(?:has|had|have|was|were|is)\s+been\b/.test(between)) continue; // passive: the subject is the object
      if (/\b(?:was|were|been|being|is|are)\s*$/.test(between)) continue;
      const clause = article.text.slice(start, end);
      const tense = detectTense(clause);
      if (tense === 'future') continue;
      const temporal = findTemporalMentions(clause, anchor, { tense: 'past' })
        .map((t) => ({ ...t, start: t.start + start, end: t.end + start }))
        .filter((t) => t.kind !== 'since-year' && t.date && !insideQuote(quotes, t.start));
      if (temporal.length === 0) continue;
      temporal.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
      const when = temporal[0];
      if (!when?.date) continue;
      const actor = ctx.actors.get(subject.actorKey);
      if (!actor) continue;
      const objectText = article.text
        .slice(at, end)
        .replace(/\s+/g, ' ')
        .split(' ')
        .slice(0, 10)
        .join(' ')
        .replace(/[,;:]$/, '');
      drafts.push({
        kind: 'EVENT',
        actorKeys: [subject.actorKey],
        action: match[0].toLowerCase().replace(/\s+/g, ' '),
        title: `${actor.name} ${objectText}`.slice(0, 160),
        evidence: { start: sentence.start, end: sentence.end, excerpt: sentence.text },
        date: { date: when.date, basis: when.basis === 'EXPLICIT' ? 'EXPLICIT' : 'RELATIVE', expression: when.text },
        status: 'OCCURRED',
        place: null,
        confidence: 0.6,
      });
      break; // one event per sentence
    }
  });
  return drafts;
}
