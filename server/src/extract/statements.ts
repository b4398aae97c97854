/**
 * Statements: who said which quoted words, and when. For each quote the speaker is
 * looked for beside it (",” Mattis said", "said Mattis", "Mattis said ... “...”",
 * "according to Mattis", "Mattis's assertion ... “...”"), then resolved: names through
 * the article's people, pronouns to their antecedent, roles to the person holding them.
 */
import type { Article, DatedFact } from '../ingest/types.js';
import type { ArticleContext, ResolvedMention } from './context.js';
import { type DateAnchor, findTemporalMentions, type TemporalMention } from './dates.js';
import { reportingVerbs } from './lexicon.js';
import type { QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';
import type { DateClaim, QuoteMode, StatementDraft } from './types.js';

// Case-sensitive: "States" in "the United States" is not the verb "states".
const verbPattern = new RegExp(`\\b(?:${reportingVerbs.join('|')})\\b`, 'g');
const speechNouns =
  /(?:assertion|remarks?|comments?|words|statement|warning|claim|response|message|answer|reply|testimony|speech|tweet|post|letter|argument|view|promise|pledge|vow|words)\b/i;
const rolePhrase =
  /\b(?:the|a|an|[\p{Lu}][\p{L}.]*['’]s)\s+((?:[\p{L}.'’-]+\s+){0,4}?(?:secretary|minister|president|chief|officer|spokesman|spokeswoman|spokesperson|chairman|general|leader|ambassador|envoy|adviser|advisor|director|commander|head|diplomat|prosecutor|senator|premier|chancellor|secretary-general|king|prince|counterpart|boss|admiral)(?:\s+of\s+(?:the\s+)?\p{L}+(?:\s+\p{Lu}\p{L}+)*)?)\b/giu;
const statementSource = /\b(?:a\s+)?statement\s+(?:from|by|issued by)\s+(?:the\s+)?/i;

export interface StatementContext {
  article: Article;
  context: ArticleContext;
  sentences: Sentence[];
  anchor: DateAnchor | null;
}

interface Attribution {
  speakerKey: string;
  /** Where the attribution (verb or speaker) is, to pick the right date expression. */
  at: number;
  confidence: number;
}

/** Fewer words than this are a scare quote or a label, and cannot continue a statement either. */
const MIN_STATEMENT_WORDS = 3;

function sentenceIndexAt(sentences: Sentence[], position: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (position < s.start) hi = mid - 1;
    else if (position >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo - 1));
}

function actorMentionsBetween(ctx: ArticleContext, sentenceIndex: number, from: number, to: number): ResolvedMention[] {
  return ctx.mentionsIn(sentenceIndex).filter((m) => m.start >= from && m.end <= to);
}

/** The actor a mention stands for, with pronouns resolved. Countries do not speak. */
function speakerOf(ctx: ArticleContext, m: ResolvedMention): string | null {
  if (m.kind === 'PRONOUN') {
    const lower = m.name.toLowerCase();
    if (lower === 'he' || lower === 'she') return ctx.resolvePronoun(m.start, m.sentenceIndex);
    return null;
  }
  if (!m.actorKey || m.actorKey.startsWith('country:')) return null;
  return m.actorKey;
}

/** A role phrase in text[from, to) resolved to a person, nearest to `near`. */
function roleSpeaker(
  ctx: ArticleContext,
  text: string,
  from: number,
  to: number,
  near: number,
): { key: string; at: number; end: number } | null {
  const window = text.slice(from, to);
  let best: { key: string; at: number; end: number } | null = null;
  for (const match of window.matchAll(rolePhrase)) {
    const at = from + (match.index ?? 0);
    const key = ctx.resolveRole(match[0], at);
    if (key && (!best || Math.abs(at - near) < Math.abs(best.at - near))) best = { key, at, end: at + match[0].length };
  }
  return best;
}

function findAttribution(sc: StatementContext, quote: QuoteSpan): Attribution | null {
  const { context: ctx, sentences, article } = sc;
  const text = article.text;
  const firstIndex = sentenceIndexAt(sentences, quote.open);
  const lastIndex = sentenceIndexAt(sentences, Math.max(quote.open, quote.close - 1));
  const first = sentences[firstIndex] as Sentence;
  const last = sentences[lastIndex] as Sentence;

  // After the quote: ",” Mattis said", "” he said", ",” said Mattis", "” with Russia, Tsahkna said".
  if (!quote.unmarked && quote.close < last.end) {
    const afterText = text.slice(quote.close, last.end);
    const nextQuote = afterText.search(/[“"]/);
    const limit = quote.close + (nextQuote >= 0 ? nextQuote : afterText.length);
    verbPattern.lastIndex = 0;
    const verb = verbPattern.exec(text.slice(quote.close, limit));
    if (verb && verb.index < 120) {
      const verbAt = quote.close + verb.index;
      const verbEnd = verbAt + verb[0].length;
      // The attribution's subject is the first name or role after the quote ("Elissa
      // Slotkin, who was ... for the Obama administration, told"), countries excepted.
      const before = actorMentionsBetween(ctx, lastIndex, quote.close, verbAt).filter(
        (m) => m.kind !== 'COUNTRY' && !m.possessive,
      );
      const firstMention = before.find((m) => speakerOf(ctx, m));
      const role = roleSpeaker(ctx, text, quote.close, verbAt, quote.close);
      if (firstMention && (!role || firstMention.start <= role.at)) {
        return { speakerKey: speakerOf(ctx, firstMention) as string, at: verbAt, confidence: 0.9 };
      }
      if (role) return { speakerKey: role.key, at: verbAt, confidence: 0.8 };
      const windowEnd = Math.min(limit, verbEnd + 80);
      const afterVerb = actorMentionsBetween(ctx, lastIndex, verbEnd, windowEnd).filter(
        (m) => m.kind !== 'COUNTRY' && !m.possessive,
      );
      const following = afterVerb.find((m) => speakerOf(ctx, m));
      const roleAfter = roleSpeaker(ctx, text, verbEnd, windowEnd, verbEnd);
      if (following && following.start - verbEnd < 60 && (!roleAfter || following.start <= roleAfter.at)) {
        return { speakerKey: speakerOf(ctx, following) as string, at: verbAt, confidence: 0.85 };
      }
      if (roleAfter) return { speakerKey: roleAfter.key, at: verbAt, confidence: 0.75 };
    }
  }

  // Before the quote, in its sentence: "Mattis said Thursday that there is “...”".
  const beforeText = text.slice(first.start, quote.open);
  const org = statementSource.exec(beforeText) ?? statementSource.exec(text.slice(quote.close, last.end));
  if (org) {
    const base = org.input === beforeText ? first.start : quote.close;
    const orgMention = actorMentionsBetween(
      ctx,
      org.input === beforeText ? firstIndex : lastIndex,
      base + org.index,
      base + org.index + org[0].length + 120,
    ).find((m) => m.kind === 'ORGANIZATION' && m.actorKey);
    if (orgMention?.actorKey) return { speakerKey: orgMention.actorKey, at: base + org.index, confidence: 0.8 };
  }
  // "Shoigu reacted angrily to Mattis's assertion ... that “...”": the quote is the
  // possessor's words, unless a plain verb of speech says whose they are ("Van Hollen
  // said of Trump's tweet: “...”").
  const plainSpeech =
    /\b(?:said|says|told|tells|added|adds|wrote|writes|replied|responded|stated|declared|tweeted)\b/.test(beforeText);
  const possessive = plainSpeech
    ? undefined
    : ctx
        .mentionsIn(firstIndex)
        .filter(
          (m) =>
            m.end <= quote.open &&
            m.possessive &&
            m.kind !== 'COUNTRY' &&
            speechNouns.test(text.slice(m.end, m.end + 30)),
        )
        .at(-1);
  if (possessive) {
    const key = speakerOf(ctx, possessive);
    if (key) return { speakerKey: key, at: possessive.start, confidence: 0.7 };
  }
  const according = /according to\s+/i.exec(text.slice(first.start, last.end));
  if (according) {
    const at = first.start + according.index + according[0].length;
    const m = ctx
      .mentionsIn(firstIndex)
      .concat(ctx.mentionsIn(lastIndex))
      .find((x) => x.start >= at && x.start < at + 40 && x.kind !== 'COUNTRY');
    const key = m ? speakerOf(ctx, m) : null;
    if (key && !(m && m.kind === 'ORGANIZATION' && /\b(news|agency|times|post|journal|press)\b/i.test(m.name))) {
      return { speakerKey: key, at, confidence: 0.75 };
    }
  }
  verbPattern.lastIndex = 0;
  let lastVerb: RegExpExecArray | null = null;
  for (const v of beforeText.matchAll(verbPattern)) lastVerb = v as RegExpExecArray;
  if (lastVerb) {
    const verbAt = first.start + lastVerb.index;
    // A possessive ("President Trump's Pentagon chief") qualifies the subject; it is not it.
    const subject = actorMentionsBetween(ctx, firstIndex, first.start, verbAt).filter(
      (m) =>
        !m.possessive &&
        (m.kind === 'PERSON' ||
          m.kind === 'PRONOUN' ||
          (m.kind === 'ORGANIZATION' && m.actorKey) ||
          (m.kind === 'UNKNOWN' && m.actorKey)),
    );
    // The clause's subject: the person nearest before the verb, skipping ones inside a
    // relative clause ("Mattis, who has called Russia ..., said").
    const candidate =
      subject.find((m) => m.kind === 'PERSON' || (m.kind === 'UNKNOWN' && m.actorKey)) ?? subject.at(-1);
    const role = roleSpeaker(ctx, text, first.start, verbAt, verbAt);
    // "Trump's Pentagon chief responded": the role phrase contains the candidate name.
    if (role && (!candidate || (candidate.start >= role.at && candidate.start < role.end))) {
      return { speakerKey: role.key, at: verbAt, confidence: 0.7 };
    }
    const key = candidate ? speakerOf(ctx, candidate) : null;
    if (key) return { speakerKey: key, at: verbAt, confidence: 0.75 };
    if (role) return { speakerKey: role.key, at: verbAt, confidence: 0.7 };
  }
  return null;
}

/** Where unmarked colon speech ends: before the first sentence that is narration again. */
function unmarkedExtent(sc: StatementContext, quote: QuoteSpan, speakerKey: string): { end: number } | null {
  const { sentences, article, context: ctx } = sc;
  const startIndex = sentenceIndexAt(sentences, quote.open);
  const speaker = ctx.actors.get(speakerKey);
  let end = (sentences[startIndex] as Sentence).end;
  for (let i = startIndex + 1; i < sentences.length && i < startIndex + 6; i += 1) {
    const s = sentences[i] as Sentence;
    if (s.paragraphIndex !== (sentences[startIndex] as Sentence).paragraphIndex) break;
    verbPattern.lastIndex = 0;
    const narration =
      /[“”"]/.test(s.text) ||
      verbPattern.test(s.text) ||
      /\b(he|she|his|her)\b/i.test(s.text.slice(0, 40)) ||
      (speaker && ctx.mentionsIn(i).some((m) => m.actorKey === speakerKey)) ||
      /^\W*(during|before|after|echoing|meanwhile|earlier|later)\b/i.test(s.text) ||
      /\b(secretary|minister|president|spokesman|the general)\b/i.test(s.text.slice(0, 60));
    if (narration) break;
    end = s.end;
  }
  let quoteEnd = end;
  while (quoteEnd > quote.open && /\s/.test(article.text[quoteEnd - 1] as string)) quoteEnd -= 1;
  return quoteEnd > quote.open ? { end: quoteEnd } : null;
}

function quoteMode(article: Article, quote: QuoteSpan, sentence: Sentence): QuoteMode {
  if (quote.unmarked) return 'UNMARKED';
  const before = article.text.slice(sentence.start, quote.open).trimEnd();
  const startsUpper = /^\p{Lu}/u.test(quote.text);
  if (startsUpper && (before === '' || /[,:]$/.test(before))) return 'DIRECT';
  if (startsUpper && /[.!?]["”]?$/.test(quote.text) && before === '') return 'DIRECT';
  return 'PARTIAL';
}

/** A temporal mention near the attribution, not inside the quoted words themselves. */
/** Words reported as said cannot have been said after the article was published. */
function afterPublication(m: TemporalMention, anchor: DateAnchor | null): boolean {
  return Boolean(anchor && m.date && m.date.start.getTime() > anchor.date.getTime() + 86_400_000);
}

function dateFor(
  sc: StatementContext,
  quote: QuoteSpan,
  attribution: Attribution,
): { claim: DateClaim; mention: TemporalMention | null } {
  const { sentences, article, anchor } = sc;
  const firstIndex = sentenceIndexAt(sentences, quote.open);
  const lastIndex = sentenceIndexAt(sentences, Math.max(quote.open, quote.close - 1));
  const from = (sentences[firstIndex] as Sentence).start;
  const to = (sentences[lastIndex] as Sentence).end;
  const window = article.text.slice(from, to);
  const candidates = findTemporalMentions(window, anchor, { tense: 'past' })
    .map((m) => ({ ...m, start: m.start + from, end: m.end + from }))
    .filter((m) => !quote.parts.some((p) => m.start >= p.start && m.end <= p.end))
    .filter((m) => m.kind !== 'year' && m.kind !== 'since-year' && !afterPublication(m, anchor));
  candidates.sort((a, b) => Math.abs(a.start - attribution.at) - Math.abs(b.start - attribution.at));
  const best = candidates[0];
  if (best) {
    return {
      claim: {
        date: best.date,
        basis: best.date ? (best.basis === 'EXPLICIT' ? 'EXPLICIT' : 'RELATIVE') : null,
        expression: best.text,
      },
      mention: best,
    };
  }
  return { claim: { date: null, basis: null, expression: null }, mention: null };
}

/**
 * A quote with no date beside it often follows a paraphrase that has one ("Mattis said
 * at NATO headquarters on Thursday that ..." then the quote): the date of the nearest
 * earlier sentence, in this paragraph or the one before, that names the same speaker.
 */
function contextDate(sc: StatementContext, sentenceIndex: number, speakerKey: string): DateClaim {
  const { sentences, context: ctx, article, anchor } = sc;
  const here = sentences[sentenceIndex] as Sentence;
  for (let i = sentenceIndex - 1; i >= 0 && i >= sentenceIndex - 2; i -= 1) {
    const s = sentences[i] as Sentence;
    if (here.paragraphIndex - s.paragraphIndex > 1) break;
    const names = ctx
      .mentionsIn(i)
      .some(
        (m) => m.actorKey === speakerKey || (m.kind === 'PRONOUN' && ctx.resolvePronoun(m.start, i) === speakerKey),
      );
    if (!names) continue;
    const found = findTemporalMentions(article.text.slice(s.start, s.end), anchor, { tense: 'past' }).filter(
      (m) =>
        m.kind !== 'year' &&
        !afterPublication(m, anchor) &&
        m.kind !== 'since-year' &&
        !/[“"]/.test(article.text.slice(s.start, s.start + m.start)),
    );
    const best = found[0];
    if (best)
      return {
        date: best.date,
        basis: best.date ? (best.basis === 'EXPLICIT' ? 'EXPLICIT' : 'RELATIVE') : null,
        expression: best.text,
      };
  }
  return { date: null, basis: null, expression: null };
}

function publicationClaim(published: DatedFact | null): DateClaim {
  if (!published) return { date: null, basis: null, expression: null };
  return {
    date: { start: published.start, end: published.end, precision: published.precision },
    basis: 'PUBLICATION',
    expression: null,
  };
}

export function extractStatements(sc: StatementContext, quotes: QuoteSpan[]): StatementDraft[] {
  const { article, sentences, context: ctx } = sc;
  const drafts: StatementDraft[] = [];
  let previous: { speakerKey: string; sentence: number; date: DateClaim } | null = null;
  let lastDraft: { draft: StatementDraft; quote: QuoteSpan; paragraph: number } | null = null;
  for (const quote of quotes) {
    if (sentences.length === 0) break;
    // Under MIN_STATEMENT_WORDS a marked quote can neither be a statement nor continue one,
    // so its attribution is never used; not looking for it keeps a storm of bare quotation
    // marks cheap.
    if (!quote.unmarked && quote.text.split(/\s+/, MIN_STATEMENT_WORDS).filter(Boolean).length < MIN_STATEMENT_WORDS)
      continue;
    const sentenceIndex = sentenceIndexAt(sentences, quote.open);
    const sentence = sentences[sentenceIndex] as Sentence;
    let attribution = findAttribution(sc, quote);
    // The rest of a quote split around its attribution ("...,” he said, “...”) or resumed
    // right after it belongs to the same statement.
    const closeParagraph: number | undefined = lastDraft
      ? sentences[sentenceIndexAt(sentences, Math.max(0, lastDraft.quote.close - 1))]?.paragraphIndex
      : -1;
    if (lastDraft && !quote.unmarked && !lastDraft.quote.unmarked && closeParagraph === sentence.paragraphIndex) {
      const between = article.text.slice(lastDraft.quote.close, quote.open);
      const sameSpeaker = !attribution || attribution.speakerKey === lastDraft.draft.speakerKey;
      // A quote with an attribution of its own after it is a remark of its own.
      const ownAttribution = attribution !== null && attribution.at >= quote.close;
      const words = quote.text.split(/\s+/).filter(Boolean).length;
      verbPattern.lastIndex = 0;
      const aroundAttribution = verbPattern.test(between);
      if (
        sameSpeaker &&
        !ownAttribution &&
        words >= MIN_STATEMENT_WORDS &&
        between.length <= 160 &&
        !/[“”"]/.test(between) &&
        (lastDraft.draft.mode !== 'PARTIAL' || aroundAttribution)
      ) {
        const d: StatementDraft = lastDraft.draft;
        d.quote = `${d.quote} ${quote.text}`.trim();
        const lastSentence = sentences[sentenceIndexAt(sentences, Math.max(quote.open, quote.close - 1))] as Sentence;
        d.evidence = {
          start: d.evidence.start,
          end: Math.max(d.evidence.end, lastSentence.end, quote.close),
          excerpt: '',
        };
        d.evidence.excerpt = article.text.slice(d.evidence.start, d.evidence.end);
        lastDraft = { draft: d, quote, paragraph: lastDraft.paragraph };
        continue;
      }
    }
    // A paragraph that is nothing but a quote continues the previous speaker.
    if (!attribution && previous && !quote.unmarked) {
      const paragraphStart = article.paragraphs[sentence.paragraphIndex]?.start ?? -1;
      const wholeParagraph = quote.open <= paragraphStart + 1;
      const previousParagraph = (sentences[previous.sentence] as Sentence).paragraphIndex;
      if (wholeParagraph && sentence.paragraphIndex - previousParagraph <= 2) {
        attribution = { speakerKey: previous.speakerKey, at: quote.open, confidence: 0.6 };
      }
    }
    if (!attribution) continue;
    let quoteText = quote.text;
    let parts = quote.parts;
    let close = quote.close;
    if (quote.unmarked) {
      const extent = unmarkedExtent(sc, quote, attribution.speakerKey);
      if (!extent) continue;
      quoteText = article.text.slice(quote.open, extent.end).replace(/\s+/g, ' ').trim();
      parts = [{ start: quote.open, end: extent.end }];
      close = extent.end;
    }
    const wordCount = quoteText.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    // Scare quotes, labels and titles are not statements.
    if (wordCount < MIN_STATEMENT_WORDS) continue;
    if (wordCount <= 6 && quoteText.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w))) continue;
    const mode = quoteMode(article, { ...quote, text: quoteText }, sentence);
    const { claim } = dateFor(sc, { ...quote, close, parts }, attribution);
    let date = claim;
    if (!date.date && !date.expression) date = contextDate(sc, sentenceIndex, attribution.speakerKey);
    if (!date.date && !date.expression) {
      // No date of its own: a continuation of the same speaker's remarks shares theirs,
      // anything else was said for this story (publication date).
      if (
        previous &&
        previous.speakerKey === attribution.speakerKey &&
        sentenceIndex - previous.sentence <= 2 &&
        previous.date.basis !== 'PUBLICATION'
      ) {
        date = previous.date;
      } else {
        date = publicationClaim(article.published);
      }
    }
    const lastSentence = sentences[sentenceIndexAt(sentences, Math.max(quote.open, close - 1))] as Sentence;
    const evidenceStart = Math.min(sentence.start, quote.open);
    const evidenceEnd = Math.max(lastSentence.end, close);
    const speaker = ctx.actors.get(attribution.speakerKey);
    const mentioned = new Set<string>();
    for (let i = sentenceIndex; i <= sentenceIndexAt(sentences, evidenceEnd - 1); i += 1) {
      for (const m of ctx.mentionsIn(i)) {
        if (m.actorKey && m.actorKey !== attribution.speakerKey && !m.actorKey.startsWith('country:'))
          mentioned.add(m.actorKey);
      }
    }
    drafts.push({
      kind: 'STATEMENT',
      speakerKey: attribution.speakerKey,
      quote: quoteText,
      mode,
      mentionedKeys: [...mentioned],
      evidence: { start: evidenceStart, end: evidenceEnd, excerpt: article.text.slice(evidenceStart, evidenceEnd) },
      date,
      status: 'OCCURRED',
      place: null,
      confidence: Math.min(
        1,
        attribution.confidence * (speaker?.kind === 'PERSON' ? 1 : 0.9) * (mode === 'PARTIAL' ? 0.9 : 1),
      ),
    });
    ctx.noteSpeaker(attribution.speakerKey, quote.open);
    previous = { speakerKey: attribution.speakerKey, sentence: sentenceIndex, date };
    lastDraft = {
      draft: drafts.at(-1) as StatementDraft,
      quote: { ...quote, close },
      paragraph: sentence.paragraphIndex,
    };
  }
  return drafts;
}
