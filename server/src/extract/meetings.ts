/**
 * Meetings: who met whom, where and when, and whether it happened, is scheduled, or was
 * put off or called off. A trigger is any of the ways news reports an encounter ("met",
 * "held talks", "had a conversation with", "hosted a dinner for", "spoke by phone",
 * "called him", "their meeting in Singapore", "is due to meet"). Participants are the
 * people in the trigger's part of its clause; a counterpart the article describes but
 * does not name ("the Saudi foreign minister", "African leaders") is kept as an unnamed
 * actor, and organizations or countries stand in when no person is named ("top Russian
 * and NATO generals").
 */
import type { Article, DatedFact } from '../ingest/types.js';
import { clauseAround } from './clauses.js';
import type { ArticleContext, ResolvedMention } from './context.js';
import { type DateAnchor, detectTense, findTemporalMentions } from './dates.js';
import { countryOfQualifier, findCity } from './geo.js';
import { narrationBefore } from './narration.js';
import { insideQuote, type QuoteSpan } from './quotes.js';
import { isRoleHead } from './roles.js';
import type { Sentence } from './sentences.js';
import type { DateClaim, ItemStatus, MeetingDraft, MeetingFormat } from './types.js';

/** How a trigger finds its participants besides the people in its window. */
type TriggerShape =
  /** "met", "held talks with": the people around it. */
  | 'encounter'
  /** "their meeting", "the two leaders' summit": the people named before it. */
  | 'their'
  /** "called Erdogan", "visited Merkel", "hosted Moon": only with a person right after. */
  | 'person-object'
  /** "talked to", "spoke with": only when the other side is a person, named or described. */
  | 'person-talk';

interface TriggerRule {
  pattern: RegExp;
  shape: TriggerShape;
  format: MeetingFormat;
}

const MEAL_OR_EVENT = '(?:lunch|luncheon|dinner|breakfast|reception|banquet)';
const PHONE = '(?:phone|telephone)';

/** The closed class of encounter phrases; each is tested on its own in meetings.test.ts. */
const rules: TriggerRule[] = [
  {
    pattern:
      /\b(?:met|meets|(?:to|will|would|shall)\s+meet|meeting\s+with|(?:is|are|was|were|been)\s+meeting|sat\s+down\s+with|face-to-face\s+(?:meeting|talks))\b/giu,
    shape: 'encounter',
    format: 'IN_PERSON',
  },
  {
    // "held talks", "had a rare face-to-face meeting", "has a call scheduled": the verb
    // of having a meeting. Meals and conversations need their "with" ("had lunch" alone
    // is nobody's meeting).
    pattern: new RegExp(
      String.raw`\b(?:held|hold|holds|holding|had|has|have|having)\s+(?:an?\s+|their\s+|his\s+|her\s+)?(?:[\p{L}-]+\s+){0,2}?(?:talks|meeting|summit|(?:${PHONE}\s+)?call|joint\s+(?:news|press)\s+conference|(?:${MEAL_OR_EVENT}|(?:news|press)\s+conference)\s+with)\b`,
      'giu',
    ),
    shape: 'encounter',
    format: 'IN_PERSON',
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:talks|summit|joint\s+(?:news|press)\s+conference|${MEAL_OR_EVENT})\s+with\b`,
      'giu',
    ),
    shape: 'encounter',
    format: 'IN_PERSON',
  },
  {
    // A conversation may be held in person or by phone: the format is not known.
    pattern:
      /\b(?:(?:had|held|have|has|having)\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,2}?)?(?:conversations?|discussions?)\s+with\b/giu,
    shape: 'encounter',
    format: 'UNKNOWN',
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:spoke|speaks|talked)\s+(?:by|on\s+the|over\s+the)\s+${PHONE}\b|\bon\s+the\s+${PHONE}\s+with\b|\b${PHONE}\s+(?:calls?|conversations?)\b|\b(?:phoned|telephoned)\b`,
      'giu',
    ),
    shape: 'encounter',
    format: 'PHONE',
  },
  { pattern: /\bvideo\s+(?:call|conference|link)\b/giu, shape: 'encounter', format: 'VIDEO' },
  {
    pattern:
      /\b(?:their|the\s+two\s+(?:leaders|men|women|presidents|ministers)['’]?)\s+(?:[\p{L}-]+\s+){0,2}?(?:meeting|summit|talks)\b/giu,
    shape: 'their',
    format: 'IN_PERSON',
  },
  {
    // "hosted a summit with African leaders", "was hosting an official dinner for Obama".
    pattern: new RegExp(
      String.raw`\b(?:hosted|hosts|hosting|(?:to|will)\s+host)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:summit|meeting|talks|gathering|${MEAL_OR_EVENT})\b`,
      'giu',
    ),
    shape: 'encounter',
    format: 'IN_PERSON',
  },
  { pattern: /\bcalled\b/giu, shape: 'person-object', format: 'PHONE' },
  {
    pattern: /\b(?:hosted|hosts|hosting|(?:to|will)\s+host|visited|visits|visiting|received|welcomed|greeted)\b/giu,
    shape: 'person-object',
    format: 'IN_PERSON',
  },
  {
    pattern: /\b(?:talked|spoke|speaks|talks|speaking|talking)\s+(?:to|with)\b/giu,
    shape: 'person-talk',
    format: 'UNKNOWN',
  },
];

/** A word every trigger phrase contains (kept in step with `rules` by meetings.test.ts). */
const triggerWord =
  /\b(?:met|meets?|meeting|talks|talked|talking|calls?|called|phoned|telephoned|phone|telephone|host|hosts|hosted|hosting|visit(?:s|ed|ing)|received|welcomed|greeted|summit|conversations?|discussions?|conference|lunch|luncheon|dinner|breakfast|reception|banquet|sat|spoke|speaks|speaking|face-to-face|video)\b/iu;

/** Plural heads of a group of people a meeting can be with ("Saudi officials"). */
const groupHeads = new Set([
  'officials',
  'delegation',
  'delegations',
  'delegates',
  'negotiators',
  'lawmakers',
  'legislators',
  'representatives',
  'executives',
  'counterparts',
]);

const groupPattern =
  /\b((?:[\p{Lu}][\p{L}.]*)(?:\s*(?:,|and)\s+[\p{Lu}][\p{L}.]*)*)\s+(?:generals|officials|leaders|diplomats|ministers|military\s+chiefs|negotiators|delegations|delegates|officers|commanders|envoys|counterparts)\b/gu;

const postponedCue = /\b(?:postponed|postpone|delayed|pushed\s+back|put\s+off|rescheduled)\b/iu;
const cancelledCue = /\b(?:cancel(?:l)?ed|cancels?|called\s+off|scrapped|scuttled)\b/iu;
const attributionAfter =
  /^\s*(?:,[^,]{0,80},\s*)?(?:also\s+)?(?:said|says|told|tells|added|wrote|tweeted|reported)\b/iu;

export interface MeetingContext {
  article: Article;
  context: ArticleContext;
  sentences: Sentence[];
  anchor: DateAnchor | null;
  quotes: QuoteSpan[];
}

interface Trigger {
  at: number;
  end: number;
  word: string;
  rule: TriggerRule;
}

function publicationClaim(published: DatedFact | null): DateClaim {
  if (!published) return { date: null, basis: null, expression: null };
  return {
    date: { start: published.start, end: published.end, precision: published.precision },
    basis: 'PUBLICATION',
    expression: null,
  };
}

/**
 * The triggers of one sentence in text order. Where phrases overlap the one that starts
 * first and runs longest wins ("hosted a summit with" over "hosted" and "summit with").
 */
export function findTriggers(sentence: Sentence, quotes: QuoteSpan[]): Trigger[] {
  // Most sentences hold none of the words every phrase needs: one cheap test skips them.
  if (!triggerWord.test(sentence.text)) return [];
  const all: Trigger[] = [];
  for (const rule of rules) {
    for (const match of sentence.text.matchAll(rule.pattern)) {
      const at = sentence.start + (match.index ?? 0);
      // "MET THRESHOLD" in a table or a shouted heading is no narration of a meeting.
      if (/^\p{Lu}{2,}\b/u.test(match[0])) continue;
      if (!insideQuote(quotes, at)) all.push({ at, end: at + match[0].length, word: match[0].toLowerCase(), rule });
    }
  }
  all.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: Trigger[] = [];
  for (const t of all) if (!kept.some((k) => t.at < k.end && t.end > k.at)) kept.push(t);
  return kept;
}

/** A person, or a name the context has already resolved to one. */
function isPerson(m: ResolvedMention): boolean {
  return m.kind === 'PERSON' || (m.kind === 'UNKNOWN' && (m.actorKey?.startsWith('person:') ?? false));
}

/**
 * The person a person-object trigger takes ("called Erdogan", "hosted Moon", "called
 * him"), or undefined when none follows. "called Trump a liar", "called him 'dangerous'"
 * and "called on/for" name or urge; they are no calls.
 */
function personObject(
  ctx: ArticleContext,
  sentence: Sentence,
  sentenceIndex: number,
  trigger: Trigger,
  mentions: ResolvedMention[],
): string | null | undefined {
  const text = ctx.text;
  const gap = /^\s+/.exec(text.slice(trigger.end))?.[0].length ?? 0;
  const objectStart = trigger.end + gap;
  const named = mentions.find((m) => m.start === objectStart && !m.possessive && isPerson(m));
  let objectEnd: number;
  let key: string | null;
  if (named) {
    objectEnd = named.end;
    key = named.actorKey;
  } else {
    const pronoun = /^(him|her)\b/iu.exec(text.slice(objectStart, objectStart + 4));
    if (!pronoun || !trigger.word.startsWith('called')) return undefined;
    objectEnd = objectStart + (pronoun[1] as string).length;
    key = ctx.resolvePronoun(objectStart, sentenceIndex, pronoun[1]);
  }
  // What follows the object tells a call from a name-calling: an article, an adjective
  // or a quotation mark makes "called X" a description of X.
  const next = sentence.tokens.find((t) => t.start >= objectEnd);
  if (trigger.word === 'called' && next) {
    if (/^["“‘']$/u.test(next.text) || next.pos === 'DET' || next.pos === 'ADJ') return undefined;
    if (next.pos === 'NOUN' && !/^(?:morning|afternoon|evening|night|today|yesterday|tonight)$/iu.test(next.text))
      return undefined;
  }
  return key;
}

/**
 * A counterpart the article describes instead of naming, right after the trigger or its
 * "with"/"to"/"for": "the Saudi foreign minister", "African leaders", "state education
 * chiefs". A described office resolves to the person the article gives it, if any.
 */
function describedCounterpart(ctx: ArticleContext, trigger: Trigger, windowEnd: number, mentions: ResolvedMention[]) {
  const after = ctx.text.slice(trigger.end, windowEnd);
  const lead =
    /^(?:\s+(?:[\p{L}-]+\s+){0,3}?(?:with|to|for))?\s+(?:(?:the|a|an|his|her|their)\s+)?/u.exec(after) ??
    /^\s+/u.exec(after);
  if (!lead) return null;
  const from = trigger.end + lead[0].length;
  // A named person already stands there; the mention is the participant.
  if (mentions.some((m) => m.start <= from && m.end > from && m.kind === 'PERSON')) return null;
  const words: string[] = [];
  for (const w of ctx.text.slice(from, windowEnd).matchAll(/[\p{L}.'’-]+|[^\s\p{L}]/gu)) {
    // A sentence's full stop is not part of its last word ("leaders."), an initial's is ("U.S.").
    const word = /^\p{L}{2,}\.$/u.test(w[0]) ? w[0].slice(0, -1) : w[0];
    if (!/^[\p{L}]/u.test(word) || words.length >= 5) break;
    if (/^(?:and|or|of|in|at|on|who|that|which|from|about|to|with|for)$/iu.test(word)) break;
    words.push(word);
    const head = word.toLowerCase().replace(/['’]s$/u, '');
    // The shortest phrase that ends in an office or a group, with at least one word
    // saying whose ("Saudi foreign minister", "African leaders"; not bare "officials").
    const office = isRoleHead(head) && head !== 'foreign'; // "foreign" heads only "foreign minister"
    if (words.length < 2 || (!office && !groupHeads.has(head)) || /['’]s$/u.test(word)) continue;
    const phrase = words.join(' ');
    // "Brexit Party leader Nigel Farage": a title before a name, and the name is the party.
    const phraseEnd = from + ctx.text.slice(from).indexOf(word) + word.length;
    const titleOf = (m: ResolvedMention) =>
      m.kind === 'PERSON' &&
      m.end > phraseEnd &&
      /^\s*$/u.test(ctx.text.slice(phraseEnd, Math.max(phraseEnd, m.nameStart)));
    if (mentions.some((m) => m.start <= phraseEnd + 1 && titleOf(m))) return null;
    if (!head.endsWith('s') || head === 'boss') {
      const known = ctx.resolveRole(phrase, from);
      if (known) return known;
    }
    return ctx.ensureDescribed(phrase, phrase.toLowerCase(), from);
  }
  return null;
}

/**
 * Whether the words right after a trigger's "with" (its own or the next word) start with
 * a party: a person, organisation or country named within the first few words, or a
 * described counterpart. A trigger without "with" says nothing here and passes.
 */
function withParty(ctx: ArticleContext, trigger: Trigger, windowEnd: number, mentions: ResolvedMention[]): boolean {
  const own = /\bwith$/u.test(trigger.word);
  const after = ctx.text.slice(trigger.end, windowEnd);
  const next = own ? /^\s+/u.exec(after) : /^\s+with\s+/iu.exec(after);
  if (!next) return true;
  const from = trigger.end + next[0].length;
  // Long titles come before the name: "with Chief of the General Staff Gen. Valery Gerasimov".
  const phrase = /^(?:[^\s,;:]+\s+){0,9}[^\s,;:]+/u.exec(ctx.text.slice(from, windowEnd));
  const until = from + (phrase?.[0].length ?? 0);
  const named = mentions.some(
    (m) => m.start >= from && m.start < until && m.actorKey !== null && m.kind !== 'PLACE' && !m.possessive,
  );
  return named || describedCounterpart(ctx, { ...trigger, end: from - 1 }, windowEnd, mentions) !== null;
}

/** "the U.S. president, who has announced plans to meet Xi": an office before the trigger, resolved. */
function describedSubject(ctx: ArticleContext, windowStart: number, at: number): string | null {
  const before = ctx.text.slice(windowStart, at);
  const role = /\bthe\s+((?:[\p{L}.'’-]+\s+){0,3}?([\p{L}-]+))(?:,|\s)[^,]{0,40}?,?\s*$/u.exec(before);
  if (!role || !isRoleHead(role[2] as string) || (role[2] as string).endsWith('s')) return null;
  return ctx.resolveRole(role[1] as string, windowStart + (role.index ?? 0));
}

export function extractMeetings(mc: MeetingContext): MeetingDraft[] {
  const { sentences, quotes } = mc;
  const drafts: MeetingDraft[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const triggers = findTriggers(sentence, quotes);
    const taken: string[] = [];
    triggers.forEach((trigger, index) => {
      if (taken.length >= 2) return;
      const draft = meetingAt(mc, sentence, sentenceIndex, trigger, triggers[index - 1], triggers[index + 1]);
      if (!draft) return;
      const signature = [...draft.participantKeys].sort().join('|');
      if (taken.includes(signature)) return;
      taken.push(signature);
      drafts.push(draft);
    });
  });
  return drafts;
}

function meetingAt(
  mc: MeetingContext,
  sentence: Sentence,
  sentenceIndex: number,
  trigger: Trigger,
  previous: Trigger | undefined,
  next: Trigger | undefined,
): MeetingDraft | null {
  const { article, context: ctx, anchor, quotes } = mc;
  const { at, rule } = trigger;
  const clause = clauseAround(sentence, at);
  // Two triggers in one clause share it: each takes the words up to the other.
  let windowStart =
    rule.shape === 'their' ? sentence.start : Math.max(clause.start, previous ? previous.end : clause.start);
  if (previous && rule.shape !== 'their') {
    for (const m of ctx.text.slice(windowStart, at).matchAll(/,\s+and\s|;\s/gu))
      windowStart = windowStart + (m.index ?? 0) + m[0].length;
  }
  let windowEnd = rule.shape === 'their' ? at : Math.min(clause.end, next ? next.at : clause.end);
  // "Obama and Tsipras were to hold a news conference, and Pavlopoulos was hosting a
  // dinner for Obama": coordinated clauses, one meeting each.
  const coordination = /,\s+and\s|;\s/gu;
  if (next && rule.shape !== 'their') {
    for (const m of ctx.text.slice(trigger.end, windowEnd).matchAll(coordination)) {
      windowEnd = trigger.end + (m.index ?? 0);
      break;
    }
  }
  const mentions = ctx
    .mentionsIn(sentenceIndex)
    .filter((m) => m.start >= windowStart && m.end <= windowEnd && !insideQuote(quotes, m.start));

  // "had not met", "never met", "a summit with neither Kim nor Moon": no meeting.
  const lead = ctx.text.slice(Math.max(windowStart, at - 24), at);
  if (/\b(?:not|never|no)\s+(?:[\p{L}-]+\s+)?$|n['’]t\s+(?:[\p{L}-]+\s+)?$/iu.test(lead)) return null;
  // "turned down a meeting with Corbyn", "declined to meet": refused, so it never happened.
  if (
    /\b(?:turned\s+down|declined|refused|rejected|snubbed|withheld|skipped)\s+(?:an?\s+|the\s+|to\s+)?(?:[\p{L}-]+\s+)?$/iu.test(
      lead,
    )
  )
    return null;
  if (/^\s+(?:neither|nor)\b/iu.test(ctx.text.slice(trigger.end, trigger.end + 12))) return null;

  const participants: string[] = [];
  const add = (key: string | null | undefined) => {
    if (key && !participants.includes(key)) participants.push(key);
  };
  // "when they first met", "the two met": the two people the sentence named before.
  if (/\b(?:they|the\s+two|the\s+pair)\s+(?:[\p{L}-]+\s+)?$/iu.test(lead) && rule.shape === 'encounter') {
    const earlier = ctx
      .mentionsIn(sentenceIndex)
      .filter((m) => m.end <= at && isPerson(m) && m.actorKey && !insideQuote(quotes, m.start))
      .map((m) => m.actorKey as string);
    const distinct = [...new Set(earlier)];
    if (distinct.length === 2) distinct.forEach(add);
  }
  let object: string | null | undefined;
  if (rule.shape === 'person-object') {
    // The tagger's verb, not a noun ("with hosts Steve Doocy"), and not a naming: "a
    // cartel called Los Viagras" (a thing before "called"; "the president called" is a call).
    const verb = sentence.tokens.find((t) => t.start === at);
    if (verb && verb.pos !== 'VERB') return null;
    const before = sentence.tokens.filter((t) => t.end <= at).at(-1);
    if (trigger.word === 'called' && before?.pos === 'NOUN' && !isRoleHead(before.text)) return null;
    if (trigger.word === 'called' && before && /^(?:is|was|are|were|be|been|so)$/iu.test(before.text)) return null;
    object = personObject(ctx, sentence, sentenceIndex, trigger, mentions);
    if (object === undefined) return null;
  } else if (rule.shape === 'person-talk') {
    // "talked to the Saudi foreign minister", "spoke with Merkel": the other side comes
    // right after; "speaking to reporters" has none.
    object =
      personObject(ctx, sentence, sentenceIndex, trigger, mentions) ??
      describedCounterpart(ctx, trigger, windowEnd, mentions);
    if (!object) return null;
  }
  for (const m of mentions) {
    if (isPerson(m)) {
      // "Nauert said Trump called Pompeo": the one reporting it is not at the meeting.
      const reporter =
        m.end <= at &&
        attributionAfter.test(ctx.text.slice(m.end, m.end + 100)) &&
        mentions.some((other) => other !== m && other.start > m.end && other.end <= at && isPerson(other));
      if (!reporter) add(m.actorKey);
    } else if (m.kind === 'PRONOUN' && m.start < at && at - m.end < 40 && /^(?:he|she|him|her)$/iu.test(m.name)) {
      // "he met", "asked him to meet": the pronoun is the one meeting.
      add(ctx.resolvePronoun(m.start, sentenceIndex, m.name));
    }
  }
  add(object);
  // "having dinner with his family", "a conversation with Republican consultants": the
  // other side named right after "with" must be a party (a name, an office, a group with
  // a head word), or the people elsewhere in the clause were not meeting each other.
  if (rule.shape === 'encounter' && !withParty(ctx, trigger, windowEnd, mentions)) return null;
  // "asked him to meet", "invited her to visit": the object of the asking is the one meeting.
  const asked = /\b(him|her)\s+(?:to\s+)?$/iu.exec(ctx.text.slice(Math.max(windowStart, at - 12), at));
  if (asked && participants.length === 0 && /^to\s/iu.test(trigger.word))
    add(ctx.resolvePronoun(at - asked[0].length, sentenceIndex, asked[1]));
  if (participants.length < 2 && rule.shape !== 'their') add(describedSubject(ctx, windowStart, at));
  if (participants.length < 2 && rule.shape === 'encounter')
    add(describedCounterpart(ctx, trigger, windowEnd, mentions));
  if (rule.shape === 'person-talk' && participants.length < 2) return null;
  if (participants.length < 2 && rule.shape !== 'person-object') {
    // Groups: "top Russian and NATO generals" -> Russia, NATO.
    const windowText = article.text.slice(windowStart, windowEnd);
    for (const g of windowText.matchAll(groupPattern)) {
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
  if (participants.length < 2 && rule.shape === 'encounter' && rule.format !== 'PHONE') {
    // An organisation is a party only as the trigger's other side ("met with the Taliban",
    // "held talks with NATO"): one named elsewhere in the clause is context, not a party.
    const side = /^(?:\s+(?:[\p{L}-]+\s+){0,3}?(?:with|to))?\s+(?:the\s+)?$/u;
    for (const m of mentions) {
      if (m.kind !== 'ORGANIZATION' || !m.actorKey || /\b(news|times|post|journal|press|agency)\b/i.test(m.name))
        continue;
      if (m.start < trigger.end || !side.test(ctx.text.slice(trigger.end, m.start))) continue;
      add(m.actorKey);
    }
  }
  if (participants.length < 2) return null;

  const windowText = article.text.slice(Math.min(windowStart, at), Math.max(windowEnd, trigger.end));
  const tense = detectTense(article.text.slice(clause.start, clause.end));
  const allTemporal = findTemporalMentions(article.text.slice(sentence.start, sentence.end), anchor, {
    tense: tense === 'future' ? 'future' : 'past',
    narration: () => narrationBefore(mc.sentences, sentenceIndex, anchor, (offset) => insideQuote(quotes, offset)),
  })
    .map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }))
    .filter((t) => !insideQuote(quotes, t.start));
  const temporal = allTemporal.filter((t) => t.kind !== 'since-year');
  // "have met in person since 2014": a generalisation, not a meeting.
  if (temporal.length === 0 && allTemporal.length > 0) return null;
  temporal.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  const when = temporal[0];
  const status: ItemStatus = cancelledCue.test(windowText)
    ? 'CANCELLED'
    : postponedCue.test(windowText)
      ? 'POSTPONED'
      : tense === 'future'
        ? 'SCHEDULED'
        : 'OCCURRED';
  const date: DateClaim = when
    ? {
        date: when.date,
        basis: when.date ? (when.basis === 'EXPLICIT' ? 'EXPLICIT' : 'RELATIVE') : null,
        expression: when.text,
      }
    : status === 'OCCURRED'
      ? (narrationDate(mc, sentenceIndex, participants) ?? publicationClaim(article.published))
      : { date: null, basis: null, expression: null };
  const place = placeIn(ctx, sentenceIndex, clause, at);
  const format: MeetingFormat =
    rule.format === 'IN_PERSON' && /\bvideo\b/iu.test(sentence.text)
      ? 'VIDEO'
      : rule.format === 'IN_PERSON' && new RegExp(String.raw`\b${PHONE}\b`, 'iu').test(windowText)
        ? 'PHONE'
        : rule.format;
  const people = participants.filter((p) => p.startsWith('person:') || p.startsWith('described:')).length;
  return {
    kind: 'MEETING',
    participantKeys: participants,
    format,
    evidence: { start: sentence.start, end: sentence.end, excerpt: sentence.text },
    date,
    status,
    place,
    confidence: people >= 2 ? 0.8 : 0.55,
  };
}

/**
 * "In El Paso on Friday, Nielsen met with the sector chief. Nielsen also had a
 * conversation with the mayor": a meeting with no date cue of its own, right after a
 * dated sentence about one of its participants, happened then (CONTEXT).
 */
function narrationDate(mc: MeetingContext, sentenceIndex: number, participants: string[]): DateClaim | null {
  const { sentences, context: ctx, anchor, quotes, article } = mc;
  const here = sentences[sentenceIndex] as Sentence;
  const previous = sentences[sentenceIndex - 1];
  if (!previous || here.paragraphIndex - previous.paragraphIndex > 1) return null;
  const shared = ctx
    .mentionsIn(sentenceIndex - 1)
    .some((m) => m.actorKey !== null && participants.includes(m.actorKey) && !insideQuote(quotes, m.start));
  if (!shared) return null;
  const found = findTemporalMentions(article.text.slice(previous.start, previous.end), anchor, {
    tense: 'past',
  }).filter(
    (t) =>
      t.date !== null &&
      t.kind !== 'year' &&
      t.kind !== 'since-year' &&
      !insideQuote(quotes, previous.start + t.start) &&
      !(anchor && t.date.start.getTime() > anchor.date.getTime()),
  );
  const best = found[0];
  return best ? { date: best.date, basis: 'CONTEXT', expression: best.text } : null;
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
