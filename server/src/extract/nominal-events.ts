/**
 * Events named by a noun rather than a verb: "the 2014 annexation of the Crimean
 * peninsula", "Tuesday's attack on the airport", "after Russia's annexation of Crimea in
 * 2014" is not one (its date is not on the noun). The noun must name a happening by
 * itself (event-types.ts), and the date must be part of its own phrase, as a modifier
 * ("the 2014 election", "the Sept. 11 attacks") or a possessive ("last week's vote").
 * The doer is a possessive name right before the noun ("Russia's annexation") or a "by"
 * phrase after it; names in the rest of the phrase are who it was done to.
 */
import { findTemporalMentions, type TemporalMention } from './dates.js';
import { nominalEventType } from './event-types.js';
import type { EventContext } from './events.js';
import { joinTokens, objectPhrase } from './events.js';
import type { Token } from './language.js';
import { narrationBefore } from './narration.js';
import { insideQuote } from './quotes.js';
import type { EventDraft, ItemStatus } from './types.js';

/** Words a date modifier and its noun may have between them ("the 2016 presidential election"). */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN']);

export function extractNominalEvents(ec: EventContext, taken: ReadonlySet<number>): EventDraft[] {
  const { article, context: ctx, sentences, anchor, quotes } = ec;
  const drafts: EventDraft[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    if (taken.has(sentenceIndex)) return;
    const tokens = sentence.tokens;
    let temporal: TemporalMention[] | null = null;
    for (let i = 0; i < tokens.length; i += 1) {
      const noun = tokens[i] as Token;
      if (noun.pos !== 'NOUN') continue;
      const type = nominalEventType(noun.text);
      if (!type || insideQuote(quotes, noun.start)) continue;
      temporal ??= findTemporalMentions(sentence.text, anchor, {
        narration: () => narrationBefore(sentences, sentenceIndex, anchor, (at) => insideQuote(quotes, at)),
      })
        .map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }))
        .filter((t) => t.date && t.kind !== 'since-year' && !insideQuote(quotes, t.start));
      const isDate = (t: Token) => (temporal as TemporalMention[]).some((m) => t.start >= m.start && t.end <= m.end);
      // Walk back over modifiers to the date: "the 2014 annexation", "Tuesday's deadly attack".
      let k = i - 1;
      while (k >= 0 && MODIFIER_POS.has((tokens[k] as Token).pos) && !isDate(tokens[k] as Token)) k -= 1;
      if (k >= 0 && /^['’]s$/u.test((tokens[k] as Token).text)) k -= 1;
      const dateToken = tokens[k];
      if (!dateToken || !isDate(dateToken)) continue;
      const when = (temporal as TemporalMention[]).find((m) => dateToken.start >= m.start && dateToken.end <= m.end);
      if (!when?.date) continue;
      // The doer: "Russia's annexation" (a possessive name right before), or "by al-Qaida".
      const mentions = ctx.mentionsIn(sentenceIndex).filter((m) => m.actorKey && m.kind !== 'PLACE');
      // Right before the noun, or before its date ("Iran's 2011 arrest of Hekmati").
      const close = (m: { end: number }, at: number) => m.end <= at && at - m.end <= 3;
      const possessor = mentions.find((m) => m.possessive && (close(m, noun.start) || close(m, when.start)));
      const object = objectPhrase(tokens, i + 1, temporal);
      const objectEnd = object.at(-1)?.end ?? noun.end;
      const inObject = mentions.filter((m) => m.start >= noun.end && m.end <= objectEnd);
      const byAgent = inObject.find((m) => /\bby\s+(?:the\s+)?$/u.test(article.text.slice(m.start - 8, m.start)));
      const actorKeys = [possessor?.actorKey ?? byAgent?.actorKey].filter((k): k is string => Boolean(k));
      const patientKeys = [...new Set(inObject.filter((m) => m !== byAgent).map((m) => m.actorKey as string))].filter(
        (key) => !actorKeys.includes(key),
      );
      // A bare "the 2016 election" is background; a happening the story tells has its
      // object ("of the Crimean peninsula", "against the summit"), and a year alone needs
      // a named party to place it. First-person words are someone's speech, not narration.
      if (object.length === 0) continue;
      if (object.some((t) => /^(?:i|my|me|we|our|us)$/iu.test(t.text))) continue;
      if (when.date.precision === 'YEAR' && !possessor && inObject.length === 0) continue;
      // The words between the date and the noun are part of its name ("Egyptian military crackdown").
      const modifiers = tokens.slice(k + 1, i).filter((t) => !/^['’]s$/u.test(t.text) && !isDate(t));
      const named = joinTokens(article.text, [...modifiers, noun]);
      const head = possessor ? `${article.text.slice(possessor.start, possessor.end)} ${named}` : named;
      const title = `${head}${object.length > 0 ? ` ${joinTokens(article.text, object)}` : ''}`;
      const status: ItemStatus = anchor && when.date.start.getTime() > anchor.date.getTime() ? 'SCHEDULED' : 'OCCURRED';
      drafts.push({
        kind: 'EVENT',
        actorKeys,
        patientKeys,
        action: noun.lemma,
        eventType: type,
        title: (title.charAt(0).toUpperCase() + title.slice(1)).slice(0, 200),
        evidence: { start: sentence.start, end: sentence.end, excerpt: sentence.text },
        date: { date: when.date, basis: when.basis, expression: when.text },
        status,
        place: null,
        confidence: 0.6,
      });
      break; // one nominal event per sentence
    }
  });
  return drafts;
}
