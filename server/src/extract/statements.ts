/**
 * Statements: who said which quoted words, and when. For each quote the speaker is
 * looked for beside it (",” Mattis said", "said Mattis", "Mattis said ... “...”",
 * "according to Mattis", "Mattis's assertion ... “...”"), then resolved: names through
 * the article's people, pronouns to their antecedent, roles to the person holding them.
 */
import type { Article, DatedFact } from '../ingest/types.js';
import { type Attribution, findAttribution, paraphraseBefore, verbPattern } from './attribution.js';
import { type ArticleContext, insideQuotation } from './context.js';
import { type DateAnchor, findTemporalMentions, type TemporalMention } from './dates.js';
import { narrationBefore } from './narration.js';
import type { QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';
import { findEmbeddedPosts } from './tweets.js';
import type { DateClaim, QuoteMode, StatementDraft } from './types.js';

export interface StatementContext {
  article: Article;
  context: ArticleContext;
  sentences: Sentence[];
  anchor: DateAnchor | null;
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
  const candidates = findTemporalMentions(window, anchor, {
    tense: 'past',
    narration: () =>
      narrationBefore(sentences, firstIndex, anchor, (offset, from) => insideQuotation(article.text, offset, from)),
  })
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
        (m) =>
          m.actorKey === speakerKey || (m.kind === 'PRONOUN' && ctx.resolvePronoun(m.start, i, m.name) === speakerKey),
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
    // Taken from the narration around the remark, not said of it: CONTEXT.
    if (best) return { date: best.date, basis: best.date ? 'CONTEXT' : null, expression: best.text };
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

/** A speech verb right after the quote ("...,” it read"): an attribution, resolved or not. */
function attributedAfter(sc: StatementContext, quote: QuoteSpan): boolean {
  const { sentences, article } = sc;
  const lastSentence = sentences[sentenceIndexAt(sentences, Math.max(quote.open, quote.close - 1))] as Sentence;
  verbPattern.lastIndex = 0;
  return verbPattern.test(article.text.slice(quote.close, Math.min(lastSentence.end, quote.close + 40)));
}

interface OpenDraft {
  draft: StatementDraft;
  quote: QuoteSpan;
  paragraph: number;
  /** Where the statement's attribution is: between two parts, it is what split them. */
  attributionAt: number;
}

/**
 * Whether `quote` goes on with the statement just made: in the same paragraph around its
 * attribution ("“A,” she said. “B.”", "“A.” He added, “B.”"), or as the whole of the next
 * paragraph with no attribution of its own. A quote with an attribution of its own, a
 * different speaker, or a new sentence that names someone at length first is a remark
 * of its own.
 */
function continues(sc: StatementContext, open: OpenDraft, quote: QuoteSpan, attribution: Attribution | null): boolean {
  const { article, sentences } = sc;
  const words = quote.text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_STATEMENT_WORDS) return false;
  if (attribution && attribution.speakerKey !== open.draft.speakerKey) return false;
  // A quote with an attribution of its own after it (“B,” he added) is a remark of its own.
  if (attribution && attribution.at >= quote.close) return false;
  const sentenceIndex = sentenceIndexAt(sentences, quote.open);
  const sentence = sentences[sentenceIndex] as Sentence;
  const closeSentence = sentenceIndexAt(sentences, Math.max(0, open.quote.close - 1));
  const closeParagraph = (sentences[closeSentence] as Sentence).paragraphIndex;
  const between = article.text.slice(open.quote.close, quote.open);
  if (/[“”"]/.test(between)) return false;
  if (sentence.paragraphIndex === closeParagraph + 1) {
    // The next paragraph, opening with the quote, attributed to no one else.
    const paragraphStart = article.paragraphs[sentence.paragraphIndex]?.start ?? -1;
    return (
      !attribution && !attributedAfter(sc, quote) && open.draft.mode !== 'PARTIAL' && quote.open <= paragraphStart + 1
    );
  }
  if (sentence.paragraphIndex !== closeParagraph || between.length > 160) return false;
  verbPattern.lastIndex = 0;
  if (open.draft.mode === 'PARTIAL' && !verbPattern.test(between)) return false;
  // Across a sentence break, the new sentence may only open with a short lead-in.
  const lead = article.text.slice(Math.max(sentence.start, open.quote.close), quote.open);
  // and the quote must be speech set off on its own ("He added, “...”"), not a fragment
  // inside a new paraphrase ("He said the king “will be involved ...”").
  // "“A?” Trump tweeted, adding, “B”": the first part's attribution, in this sentence, split them.
  const splitByAttribution =
    open.attributionAt >= open.quote.close &&
    open.attributionAt < quote.open &&
    sentenceIndexAt(sentences, open.attributionAt) === sentenceIndex;
  return (
    closeSentence === sentenceIndex ||
    splitByAttribution ||
    (lead.trim().length <= 30 && quoteMode(article, quote, sentence) === 'DIRECT')
  );
}

export function extractStatements(sc: StatementContext, quotes: QuoteSpan[]): StatementDraft[] {
  const { article, sentences, context: ctx } = sc;
  const drafts: StatementDraft[] = [];
  let previous: { speakerKey: string; sentence: number; date: DateClaim } | null = null;
  let lastDraft: OpenDraft | null = null;
  for (const quote of quotes) {
    if (sentences.length === 0) break;
    // Under MIN_STATEMENT_WORDS a marked quote can neither be a statement nor continue one,
    // so its attribution is never used; not looking for it keeps a storm of bare quotation
    // marks cheap.
    if (!quote.unmarked && quote.text.split(/\s+/, MIN_STATEMENT_WORDS).filter(Boolean).length < MIN_STATEMENT_WORDS)
      continue;
    const sentenceIndex = sentenceIndexAt(sentences, quote.open);
    const sentence = sentences[sentenceIndex] as Sentence;
    const input = {
      context: ctx,
      text: article.text,
      sentences,
      quote,
      firstIndex: sentenceIndex,
      lastIndex: sentenceIndexAt(sentences, Math.max(quote.open, quote.close - 1)),
    };
    let attribution = findAttribution(input);
    // The rest of a quote split around its attribution ("...,” he said, “...”), resumed
    // right after it, or carried on in the next paragraph with no attribution of its own,
    // belongs to the same statement.
    if (lastDraft && !quote.unmarked && !lastDraft.quote.unmarked && continues(sc, lastDraft, quote, attribution)) {
      const d: StatementDraft = lastDraft.draft;
      // The parts stay apart: an ellipsis marks the words left out between them.
      d.quote = `${d.quote} … ${quote.text}`.trim();
      d.quoteParts = [...d.quoteParts, ...quote.parts];
      const lastSentence = sentences[sentenceIndexAt(sentences, Math.max(quote.open, quote.close - 1))] as Sentence;
      const end = Math.max(d.evidence.end, lastSentence.end, quote.close);
      d.evidence = { start: d.evidence.start, end, excerpt: article.text.slice(d.evidence.start, end) };
      lastDraft = { draft: d, quote, paragraph: lastDraft.paragraph, attributionAt: lastDraft.attributionAt };
      continue;
    }
    // A quote after a sentence that reports someone's speech is theirs.
    if (!attribution && !quote.unmarked && !attributedAfter(sc, quote)) {
      attribution = paraphraseBefore(input);
    }
    // A paragraph that is nothing but a quote continues the previous speaker, unless the
    // paragraph before introduces it for someone else ("As The Two-Way noted ...:").
    const introduced = /:\s*$/.test(article.text.slice(Math.max(0, quote.open - 400), quote.open));
    if (!attribution && previous && !quote.unmarked && !introduced) {
      const paragraphStart = article.paragraphs[sentence.paragraphIndex]?.start ?? -1;
      const wholeParagraph = quote.open <= paragraphStart + 1;
      const previousParagraph = (sentences[previous.sentence] as Sentence).paragraphIndex;
      // (“...,” said commenter “Nestor 33.”: an attribution of its own, if unresolved, is
      // still someone else's.)
      if (wholeParagraph && !attributedAfter(sc, quote) && sentence.paragraphIndex - previousParagraph <= 2) {
        attribution = { speakerKey: previous.speakerKey, at: quote.open, confidence: 0.6, sieve: 'CONTINUATION' };
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
      quoteParts: parts,
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
      attributionAt: attribution.at,
    };
  }
  drafts.push(...postStatements(sc, drafts));
  return drafts;
}

/** Letters and digits only, lower-cased: how a post's words are compared with a quote of them. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Embedded posts as statements of their authors, dated by their signature. A post the
 * article also quotes in quotation marks is already a statement and is not repeated.
 */
function postStatements(sc: StatementContext, drafts: readonly StatementDraft[]): StatementDraft[] {
  const { article, sentences, context: ctx, anchor } = sc;
  const out: StatementDraft[] = [];
  for (const post of findEmbeddedPosts(article.text, article.paragraphs)) {
    const sentenceIndex = sentenceIndexAt(sentences, post.author.start);
    const author = ctx
      .mentionsIn(sentenceIndex)
      .find((m) => m.start < post.author.end && post.author.start < m.end && m.actorKey);
    // The signature names its account holder outright: a name the mention rules do not
    // read as one ("Act on a Dream") is taken as written, as the organisation it must be.
    const speakerKey =
      author?.actorKey ??
      (/^\p{Lu}/u.test(post.author.name) && !author ? ctx.ensureOrganization(post.author.name) : null);
    if (!speakerKey || speakerKey.startsWith('country:')) continue;
    const words = article.text.slice(post.words.start, post.words.end).replace(/\s+/g, ' ');
    const probe = comparable(words.replace(/[….]+$/u, '')).slice(0, 40);
    const quoted = [...drafts, ...out].some((d) => d.speakerKey === speakerKey && comparable(d.quote).includes(probe));
    if (quoted) continue;
    const when = findTemporalMentions(post.date.text, anchor, { tense: 'past' })[0];
    const date: DateClaim = when?.date
      ? { date: when.date, basis: 'EXPLICIT', expression: post.date.text }
      : publicationClaim(article.published);
    const evidenceEnd = post.date.end;
    out.push({
      kind: 'STATEMENT',
      speakerKey,
      quote: words,
      quoteParts: [post.words],
      mode: 'DIRECT',
      mentionedKeys: [],
      evidence: {
        start: post.words.start,
        end: evidenceEnd,
        excerpt: article.text.slice(post.words.start, evidenceEnd),
      },
      date,
      status: 'OCCURRED',
      place: null,
      // The signature names the author outright.
      confidence: 0.9,
    });
  }
  return out;
}
