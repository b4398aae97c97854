/**
 * Who said a quote: ordered sieves, most certain first. Each sieve looks at one shape of
 * attribution and either names the speaker or passes; the first that names one wins.
 *
 *  1. speech verb after the quote, its subject right beside it  (",” Mattis said", ",” said Mattis")
 *  2. a statement issued in an organisation's name              ("a statement from the Pentagon")
 *  3. a possessor's words                                        ("in response to Moon's question: “...”")
 *  4. "according to X"
 *  5. speech verb before the quote with its subject             ("Mattis said Thursday that ... “...”",
 *                                                                 "Graham, who had said ... “...”",
 *                                                                 "..., saying “...”", "X said: ..."
 *
 * Quotes that continue the previous paragraph's speaker are decided by the caller
 * (statements.ts), which knows the previous statement. A subject is only taken when
 * the words between it and the verb are ones a clause allows there (adverbs, auxiliaries,
 * a date, an appositive or relative clause set off by commas): the nearest person named
 * somewhere earlier in the sentence is not the speaker ("Without mentioning Trump by
 * name, Obama told ..." is Obama's).
 */
import { type ArticleContext, insideQuotation, type ResolvedMention } from './context.js';
import type { Token } from './language.js';
import {
  reportingParticiples,
  reportingVerbs,
  roleHeadWords,
  strongPersonTitles,
  unnamedSourceNouns,
} from './lexicon.js';
import { personNounInLexicon } from './name-kinds.js';
import type { QuoteSpan } from './quotes.js';
import type { Sentence } from './sentences.js';

export type SieveName =
  | 'VERB_AFTER'
  | 'STATEMENT_OF'
  | 'VERB_BEFORE'
  | 'POSSESSIVE'
  | 'ACCORDING_TO'
  | 'CONTINUATION'
  | 'PARAPHRASE';

export interface Attribution {
  speakerKey: string;
  /** Where the attribution (verb or speaker) is, to pick the right date expression. */
  at: number;
  confidence: number;
  sieve: SieveName;
}

export interface AttributionInput {
  context: ArticleContext;
  text: string;
  sentences: Sentence[];
  quote: QuoteSpan;
  firstIndex: number;
  lastIndex: number;
}

// Case-sensitive: "States" in "the United States" is not the verb "states".
export const verbPattern = new RegExp(`\\b(?:${reportingVerbs.join('|')})\\b`, 'g');
const participlePattern = new RegExp(
  `(?:(?:,|[”"])\\s*(?:${reportingParticiples.join('|')})\\b|\\s(?:${reportingParticiples.join('|')})(?=[,:]\\s*(?:[“"]|$)))`,
  'g',
);
/** A second verb of the main clause's subject: "Pavlopoulos thanked Obama ... and said". */
const coordinatedVerb = new RegExp(`(?:,\\s*|\\s)and\\s+(?:also\\s+)?(?:${reportingVerbs.join('|')})\\b`, 'g');
const speechNouns =
  /^\s*(?:\p{L}+\s+){0,2}?(?:assertion|remarks?|comments?|words|statement|warning|claim|response|message|answer|reply|testimony|speech|tweet|post|letter|argument|view|promise|pledge|vow|question|retort|plea|appeal|insistence)\b/iu;
const rolePhrase =
  /\b(?:the|a|an|its|his|her|their|[\p{Lu}][\p{L}.]*['’]s)\s+((?:[\p{L}.'’-]+\s+){0,4}?(?:secretary|minister|president|chief|officer|spokesman|spokeswoman|spokesperson|chairman|chairwoman|general|leader|ambassador|envoy|adviser|advisor|director|commander|head|diplomat|prosecutor|senator|premier|chancellor|secretary-general|king|queen|prince|counterpart|boss|admiral|governor|mayor|judge|coach|commissioner|investigator)(?:\s+of\s+(?:the\s+)?\p{L}+(?:\s+\p{Lu}\p{L}+)*)?)\b/giu;
const statementSource = /\b(?:a\s+)?statement\s+(?:from|by|issued by|released by|on behalf of)\s+(?:the\s+)?/i;
/** Words that open a subordinate clause: a verb after one of them is not the quote's attribution. */
const subordinator =
  /\b(?:even|though|although|because|while|whereas|when|whether|if|unless|since|what|which|that|who|whom|whose|where|after|before|as|than|until|despite|but)\b/i;
/** What may stand between a subject and its verb: adverbs, auxiliaries, "not". */
const fillerTags = new Set(['ADV', 'AUX', 'PART']);
const timeWords =
  /^(?:on|last|this|earlier|later|late|early|next|that|in|at|the|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|weekend|month|year|morning|afternoon|evening|night|day|again|\d{1,2}|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** Verbs that say outright whose words follow, unlike "reacted to X's assertion". */
const plainSpeech =
  /\b(?:said|says|told|tells|added|adds|wrote|writes|replied|responded|stated|declared|tweeted|asked|asks)\b/;
const newsOrganization = /\b(?:news|agency|times|post|journal|press|tribune|herald|reuters|gazette|magazine)\b/i;

function mentionsBetween(ctx: ArticleContext, sentenceIndex: number, from: number, to: number): ResolvedMention[] {
  return ctx.mentionsIn(sentenceIndex).filter((m) => m.start >= from && m.end <= to);
}

/** The actor a mention stands for, with pronouns resolved. Countries do not speak. */
export function speakerOf(ctx: ArticleContext, m: ResolvedMention): string | null {
  if (m.kind === 'PRONOUN') {
    const lower = m.name.toLowerCase();
    if (lower === 'he' || lower === 'she') return ctx.resolvePronoun(m.start, m.sentenceIndex, lower);
    return null;
  }
  if (!m.actorKey || m.actorKey.startsWith('country:')) return null;
  if (m.kind === 'COUNTRY') return null;
  return m.actorKey;
}

interface Subject {
  key: string;
  start: number;
  end: number;
}

/** Role phrases ("the defense secretary", "Trump's Pentagon chief") in [from, to) that resolve to a person. */
function rolesIn(ctx: ArticleContext, text: string, from: number, to: number): Subject[] {
  const out: Subject[] = [];
  for (const match of text.slice(from, to).matchAll(rolePhrase)) {
    const at = from + (match.index ?? 0);
    const key = ctx.resolveRole(match[0], at);
    if (key) out.push({ key, start: at, end: at + match[0].length });
  }
  return out;
}

/** A noun that denotes a person: compromise's person nouns, the titles, the words for unnamed sources. */
function personNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const singular = lower.replace(/(?<=[^s])s$/, '');
  // Journalists asking are the story's questions, not its speakers.
  if (mediaRoles.has(singular)) return false;
  for (const w of [lower, singular]) {
    if (strongPersonTitles.has(w) || roleHeadWords.has(w) || unnamedSourceNouns.has(w)) return true;
  }
  return personNounInLexicon(singular);
}

/** Those who speak on someone's behalf. */
const agentNoun = /^(?:spokes(?:man|woman|person|men|women|people)|aides?|advisers?|advisors?|lawyers?|attorneys?)$/i;

const mediaRoles = new Set(['reporter', 'journalist', 'correspondent', 'interviewer', 'host', 'anchor', 'moderator']);

/**
 * Described speakers in [from, to): "the soldier", "a senior administration official",
 * "federal prosecutors" (a determiner, or a plural with its modifiers, then a person noun).
 * Only where no named actor or role phrase is.
 */
function describedIn(
  input: AttributionInput,
  sentenceIndex: number,
  from: number,
  to: number,
  taken: Subject[],
): Subject[] {
  const sentence = input.sentences[sentenceIndex] as Sentence;
  const tokens = tokensIn(sentence, from, to);
  const out: Subject[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.pos !== 'NOUN' || !personNoun(t.text)) continue;
    // Words inside quotation marks are someone's words, not the narration's subject
    // ("The “white suburban moms” remark").
    if (insideQuotation(input.text, t.start, sentence.start)) continue;
    if (tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'PROPN') continue; // not the head
    let k = i;
    while (k > 0 && ['ADJ', 'NOUN', 'PROPN'].includes((tokens[k - 1] as Token).pos) && i - k < 4) k -= 1;
    // "the same source", "other officials": words that tell no one apart.
    if (/^(?:same|other|another|some|many|several|few|most|all|both|more)$/i.test((tokens[k] as Token).text)) continue;
    const determiner = k > 0 && /^(?:the|a|an)$/i.test((tokens[k - 1] as Token).text);
    const plural = /s$/i.test(t.text) && k < i;
    if (!determiner && !plural) continue;
    const start = (tokens[k] as Token).start;
    // A body named inside the description is its modifier ("a White House spokeswoman");
    // a person named there is the speaker.
    if (taken.some((s) => s.start < t.end && start < s.end && !s.key.startsWith('org:'))) continue;
    // "Kyung Bok-cho, a Bloomberg journalist, said": an appositive describes the name before it.
    const openingAt = (tokens[k - 1] as Token | undefined)?.start ?? start;
    if (taken.some((s) => /^\s*,\s*$/.test(input.text.slice(s.end, openingAt)))) continue;
    const description = input.text.slice(start, t.end);
    const key = input.context.ensureDescribed(description, t.text, start);
    out.push({ key, start, end: t.end });
    // "a White House spokeswoman", "a spokesman for the State Department": an unnamed
    // spokesperson is marked as speaking for the body the article names.
    if (agentNoun.test(t.text)) {
      const after = /^\s+(?:for|to|at)\s+(?:the\s+)?/i.exec(input.text.slice(t.end, t.end + 12));
      const principal = input.context
        .mentionsIn(sentenceIndex)
        .find(
          (m) =>
            m.actorKey &&
            m.kind !== 'PRONOUN' &&
            ((m.start >= start && m.end <= t.start) || (after !== null && m.start === t.end + after[0].length)),
        );
      if (principal?.actorKey) input.context.noteAffiliation(key, principal.actorKey);
    }
  }
  return out;
}

/** "the company", "the firm": any organisation; "the ministry": one with that word in its name. */
const anyOrganizationHeads = new Set(['company', 'firm', 'agency', 'organization', 'organisation', 'bank', 'carrier']);
const namedOrganizationHeads = new Set([
  'ministry',
  'department',
  'embassy',
  'committee',
  'commission',
  'union',
  'league',
  'court',
  'council',
  'campaign',
  'office',
  'administration',
  'party',
]);
/** How far back "the company" may look for its organisation, and "it" (a sentence or two). */
const ORGANIZATION_REFERENCE_REACH = 2_000;
const IT_REFERENCE_REACH = 400;
const governmentBody =
  /\b(?:department|ministry|office|agency|administration|committee|commission|court|council|police|army|navy|military|government|senate|house|congress|parliament|embassy)\b/i;

/**
 * References to an organisation named earlier: "the company warned", "the ministry said",
 * "in which it said". Only the head of a noun phrase after "the" counts ("the company
 * spokesman" is a person), and "it" only outside quotation marks.
 */
function organizationReferencesIn(
  input: AttributionInput,
  sentenceIndex: number,
  from: number,
  to: number,
  taken: Subject[],
): Subject[] {
  const sentence = input.sentences[sentenceIndex] as Sentence;
  const tokens = tokensIn(sentence, from, to);
  const out: Subject[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const lower = t.text.toLowerCase();
    let key: string | null = null;
    let start = t.start;
    if (lower === 'it' && t.pos === 'PRON') {
      key = input.context.resolveOrganizationReference(null, t.start, IT_REFERENCE_REACH);
    } else if (anyOrganizationHeads.has(lower) || namedOrganizationHeads.has(lower)) {
      const previous = tokens[i - 1];
      const next = tokens[i + 1];
      if (!previous) continue;
      if (previous.text.toLowerCase() !== 'the') continue;
      if (next && (next.pos === 'NOUN' || next.pos === 'PROPN')) continue;
      start = previous.start;
      const head = anyOrganizationHeads.has(lower) ? null : lower;
      key = input.context.resolveOrganizationReference(head, t.start, ORGANIZATION_REFERENCE_REACH, {
        // A company is not a government body ("the company" after "the State Department").
        excluding: head === null && lower !== 'agency' ? governmentBody : null,
      });
    }
    if (!key || taken.some((s) => s.start < t.end && start < s.end)) continue;
    out.push({ key, start, end: t.end });
  }
  return out;
}

/** Every possible subject in [from, to): named actors, he/she, resolvable role phrases, described people. */
function subjectsIn(input: AttributionInput, sentenceIndex: number, from: number, to: number): Subject[] {
  const { context: ctx, text } = input;
  const roles = rolesIn(ctx, text, from, to);
  const out: Subject[] = [];
  for (const m of mentionsBetween(ctx, sentenceIndex, from, to)) {
    if (m.possessive || m.kind === 'COUNTRY') continue;
    const key = speakerOf(ctx, m);
    // A name inside a role phrase ("Trump's Pentagon chief") is the role's qualifier.
    if (!key || roles.some((r) => m.start >= r.start && m.end <= r.end)) continue;
    out.push({ key, start: m.start, end: m.end });
  }
  out.push(...roles);
  out.push(...organizationReferencesIn(input, sentenceIndex, from, to, out));
  const described = describedIn(input, sentenceIndex, from, to, out);
  const modifiers = (s: Subject) => described.some((d) => s.start >= d.start && s.end <= d.end);
  return [...out.filter((s) => !modifiers(s)), ...described].sort((a, b) => a.start - b.start);
}

/** Tokens of the sentence inside [from, to). */
function tokensIn(sentence: Sentence, from: number, to: number): Token[] {
  return sentence.tokens.filter((t) => t.start >= from && t.end <= to);
}

function isFiller(t: Token): boolean {
  return fillerTags.has(t.pos) || t.text === ',' || timeWords.test(t.text);
}

/** True when [from, to) holds only what may sit between a subject and its verb. */
function onlyFiller(sentence: Sentence, from: number, to: number): boolean {
  return tokensIn(sentence, from, to).every(isFiller);
}

/** `to` moved back over the filler words just before it ("..., also said" -> before "also"). */
function beforeFiller(sentence: Sentence, from: number, to: number): number {
  const tokens = tokensIn(sentence, from, to);
  let end = to;
  for (let i = tokens.length - 1; i >= 0; i -= 1) {
    const t = tokens[i] as Token;
    if (t.text === ',' || !isFiller(t)) break;
    end = t.start;
  }
  return end;
}

/**
 * The subject of a finite speech verb at `verbAt`: the candidate right before it, or
 * the one before an appositive or relative clause that ends at the verb
 * ("Sekulow, chief counsel of the ACLJ, said", "Graham, who had said"), or before a
 * place or affiliation ("Robert Kelly of Pusan National University warned").
 */
function subjectOfVerb(input: AttributionInput, sentenceIndex: number, verbAt: number): Subject | null {
  const { text } = input;
  const sentence = input.sentences[sentenceIndex] as Sentence;
  const candidates = subjectsIn(input, sentenceIndex, sentence.start, verbAt);
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const c = candidates[i] as Subject;
    // The object of a preposition is no subject ("..., a professor at Duke University, said").
    const lead = text.slice(Math.max(sentence.start, c.start - 12), c.start);
    if (i > 0 && /\b(?:at|of|for|from|with|in|on|by|to)\s+(?:the\s+)?$/i.test(lead)) continue;
    if (onlyFiller(sentence, c.end, verbAt)) return c;
    const gap = text.slice(c.end, beforeFiller(sentence, c.end, verbAt));
    // ", who (previously) had said" / ", which said": the verb is the relative clause's own.
    if (/^\s*,\s*(?:who|which)\s[^,;:“”"]{0,60}$/.test(gap)) return c;
    // ", an appositive or a relative clause, said": bounded, with no speech of its own
    // unless it is a relative clause ("Mattis, who has called Russia ..., said").
    const appositive = /^\s*,([^;:“”"]{1,160}),\s*$/.exec(gap);
    if (appositive) {
      const inner = appositive[1] as string;
      verbPattern.lastIndex = 0;
      const relative = /^\s*(?:who|which)\b/.test(inner);
      if ((relative || !verbPattern.test(inner)) && (inner.match(/,/g)?.length ?? 0) <= 2) return c;
    }
    // "Robert Kelly of Pusan National University in South Korea warned".
    if (/^\s+(?:of|from|at|in|with|for)\s+[^,;:“”"]{1,80}$/.test(gap)) {
      const inner = tokensIn(sentence, c.end, verbAt);
      if (inner.every((t) => t.pos !== 'VERB' && t.pos !== 'AUX')) return c;
    }
  }
  return null;
}

/**
 * The subject of a reporting participle (", saying ...", ", telling reporters ..."):
 * the main clause's subject, the first candidate of the sentence that is not the object
 * of a preposition and not inside an introductory phrase.
 */
function subjectOfParticiple(input: AttributionInput, sentenceIndex: number, participleAt: number): Subject | null {
  const { text } = input;
  const sentence = input.sentences[sentenceIndex] as Sentence;
  let clauseStart = sentence.start;
  // "Without mentioning Trump by name, Obama ..." / "In a statement, the embassy ...".
  const intro =
    /^\W*(?:[\p{Lu}]\p{Ll}*ing|without|after|before|while|when|in|at|on|during|asked|speaking|despite|as|with)\b[^,]{0,120},\s*/iu.exec(
      text.slice(sentence.start, participleAt),
    );
  if (intro) clauseStart = sentence.start + intro[0].length;
  const candidates = subjectsIn(input, sentenceIndex, clauseStart, participleAt);
  for (const c of candidates) {
    const before = text.slice(Math.max(clauseStart, c.start - 12), c.start);
    if (/\b(?:to|with|of|by|for|about|from|on|at|against|between|and|over|than)\s+$/i.test(before)) continue;
    // The subject opens the clause: at most a determiner or a title before it.
    if (tokensIn(sentence, clauseStart, c.start).length > 4) break;
    return c;
  }
  // "..., which later reported that Duncan backpedaled, saying": the subject of the clause
  // the participle closes, a name followed by its verb and a short predicate.
  const last = candidates.at(-1);
  if (last) {
    const predicate = tokensIn(sentence, last.end, participleAt).filter((t) => t.text !== ',');
    if (predicate[0]?.pos === 'VERB' && predicate.length <= 6 && /,\s*$/.test(text.slice(last.end, participleAt)))
      return last;
  }
  return null;
}

/** 1. ",” Mattis said" / ",” said Mattis" / "” he said": the verb after the quote, its subject beside it. */
export function verbAfterQuote(input: AttributionInput): Attribution | null {
  const { text, quote, sentences } = input;
  if (quote.unmarked) return null;
  let lastIndex = input.lastIndex;
  let last = sentences[lastIndex] as Sentence;
  const opensSentence = /^[\s[(]*$/.test(text.slice((sentences[input.firstIndex] as Sentence).start, quote.open));
  if (quote.close >= last.end - 1 && /[!?]$/.test(quote.text) && opensSentence) {
    // “... zero support!” Trump wrote: the exclamation ended the sentence for the splitter,
    // not for the writer, when the next sentence of the paragraph opens with its attribution.
    const next = sentences[lastIndex + 1];
    if (!next || next.paragraphIndex !== last.paragraphIndex || /^\s*[“"]/.test(next.text)) return null;
    lastIndex += 1;
    last = next;
    input = { ...input, lastIndex };
  } else if (quote.close >= last.end) return null;
  const afterText = text.slice(quote.close, last.end);
  const nextQuote = afterText.search(/[“"]/);
  const limit = quote.close + (nextQuote >= 0 ? nextQuote : afterText.length);
  verbPattern.lastIndex = 0;
  const verb = verbPattern.exec(text.slice(quote.close, limit));
  if (!verb || verb.index >= 120) return null;
  const verbAt = quote.close + verb.index;
  const verbEnd = verbAt + verb[0].length;
  const before = subjectsIn(input, lastIndex, quote.close, verbAt);
  const subject = before[0];
  if (subject) {
    // Only a short lead-in may precede the subject ("” with Russia, Tsahkna said");
    // a subordinate clause means the verb is not this quote's ("... even though that
    // was not what the Post story alleged").
    // A job description may lead in ("president of communications Jocelyn Moore said").
    const lead = text.slice(quote.close, subject.start);
    const leadTokens = tokensIn(last, quote.close, subject.start).filter((t) => /\p{L}/u.test(t.text));
    if (leadTokens.length > 8 || subordinator.test(lead) || leadTokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX'))
      return null;
    // The verb's own subject, when another name stands closer to it ("” Ryan spokesman
    // Kevin Seifert said" is Seifert's: the first name qualifies the second).
    const speaker = onlyFiller(last, subject.end, verbAt) ? subject : subjectOfVerb(input, lastIndex, verbAt);
    if (!speaker) return null;
    return { speakerKey: speaker.key, at: verbAt, confidence: 0.9, sieve: 'VERB_AFTER' };
  }
  // The verb first: ",” said Mattis", ",” said the defense secretary".
  const lead = text.slice(quote.close, verbAt);
  const adjacent = /^[\s,.!?—–-]*(?:\p{L}+\s+){0,1}$/u.test(lead.replace(/[”"’]/g, ''));
  // "“...” when the website was broken, said Gruber.": a clause of the reporter's own may
  // stand between the quote and an attribution that closes the sentence.
  const interposed =
    !adjacent && /,\s*$/.test(lead) && lead.length <= 120 && !/[“”"]/.test(lead) && !lead.match(verbPattern);
  if (!adjacent && !interposed) return null;
  const windowEnd = Math.min(limit, verbEnd + 80);
  const following = subjectsIn(input, lastIndex, verbEnd, windowEnd)[0];
  if (following && following.start - verbEnd < 60 && tokensIn(last, verbEnd, following.start).length <= 3) {
    if (interposed && !/^[\s,]*(?:[^,.;:]{0,80})?[.!?]?\s*$/u.test(text.slice(following.end, last.end))) return null;
    return { speakerKey: following.key, at: verbAt, confidence: interposed ? 0.75 : 0.85, sieve: 'VERB_AFTER' };
  }
  return null;
}

/** 2. "a statement from the Pentagon said ... “...”": words issued in an organisation's name. */
export function statementOf(input: AttributionInput): Attribution | null {
  const { context: ctx, text, quote, sentences, firstIndex, lastIndex } = input;
  const first = sentences[firstIndex] as Sentence;
  const last = sentences[lastIndex] as Sentence;
  const beforeText = text.slice(first.start, quote.open);
  const inBefore = statementSource.exec(beforeText);
  const match = inBefore ?? statementSource.exec(text.slice(quote.close, last.end));
  if (!match) return null;
  const base = inBefore ? first.start : quote.close;
  const org = mentionsBetween(
    ctx,
    inBefore ? firstIndex : lastIndex,
    base + match.index,
    base + match.index + match[0].length + 120,
  ).find((m) => m.kind === 'ORGANIZATION' && m.actorKey);
  if (!org?.actorKey) return null;
  return { speakerKey: org.actorKey, at: base + match.index, confidence: 0.8, sieve: 'STATEMENT_OF' };
}

/**
 * 5. "Mattis said Thursday that there is “...”", "..., saying “...”": a speech verb before
 * the quote in its sentence. The outermost clause's speaker is the source: in "Trump
 * tweeted that Salman denied “...”" and "Earnest says Obama called Erdogan to “...”"
 * the words are reported by the first.
 */
export function verbBeforeQuote(input: AttributionInput): Attribution | null {
  const { text, quote, sentences, firstIndex } = input;
  const first = sentences[firstIndex] as Sentence;
  const beforeText = text.slice(first.start, quote.open);
  const verbs: Array<{ at: number; end: number; clause: 'FINITE' | 'MAIN' }> = [];
  verbPattern.lastIndex = 0;
  for (const v of beforeText.matchAll(verbPattern)) {
    const at = first.start + (v.index ?? 0);
    const end = at + v[0].length;
    // "called Erdogan to express ..." is a phone call; "called it “...”" is speech.
    if (/^call/.test(v[0]) && quote.open - end > 40) continue;
    verbs.push({ at, end, clause: 'FINITE' });
  }
  for (const pattern of [participlePattern, coordinatedVerb]) {
    pattern.lastIndex = 0;
    for (const v of beforeText.matchAll(pattern)) {
      // The verb itself, after the comma or closing mark that introduced it.
      const at = first.start + (v.index ?? 0) + v[0].search(/\p{L}/u);
      verbs.push({ at, end: first.start + (v.index ?? 0) + v[0].length, clause: 'MAIN' });
    }
  }
  verbs.sort((a, b) => a.at - b.at);
  for (const verb of verbs) {
    // A verb inside an earlier quote of the sentence is quoted speech, not attribution.
    if (insideQuotation(text, verb.at, first.start)) continue;
    const subject =
      verb.clause === 'MAIN'
        ? subjectOfParticiple(input, firstIndex, verb.at)
        : subjectOfVerb(input, firstIndex, verb.at);
    if (subject) return { speakerKey: subject.key, at: verb.at, confidence: 0.75, sieve: 'VERB_BEFORE' };
  }
  return null;
}

/**
 * 3. "Shoigu reacted angrily to Mattis's assertion ... that “...”": the possessor's words,
 * unless a plain verb of speech says whose they are ("Van Hollen said of Trump's tweet").
 */
export function possessiveSpeech(input: AttributionInput): Attribution | null {
  const { context: ctx, text, quote, sentences, firstIndex } = input;
  const first = sentences[firstIndex] as Sentence;
  const beforeText = text.slice(first.start, quote.open);
  if (plainSpeech.test(beforeText)) return null;
  const possessor = ctx
    .mentionsIn(firstIndex)
    .filter((m) => m.end <= quote.open && m.possessive && m.kind !== 'COUNTRY' && speechNouns.test(text.slice(m.end)))
    .at(-1);
  const key = possessor ? speakerOf(ctx, possessor) : null;
  if (!possessor || !key) return null;
  return { speakerKey: key, at: possessor.start, confidence: 0.7, sieve: 'POSSESSIVE' };
}

/** 4. "according to Mattis" (a news outlet cited this way is a source, not a speaker). */
export function accordingTo(input: AttributionInput): Attribution | null {
  const { context: ctx, text, sentences, firstIndex, lastIndex } = input;
  const first = sentences[firstIndex] as Sentence;
  const last = sentences[lastIndex] as Sentence;
  const according = /according to\s+/i.exec(text.slice(first.start, last.end));
  if (!according) return null;
  const at = first.start + according.index + according[0].length;
  const m = ctx
    .mentionsIn(firstIndex)
    .concat(lastIndex === firstIndex ? [] : ctx.mentionsIn(lastIndex))
    .find((x) => x.start >= at && x.start < at + 40 && x.kind !== 'COUNTRY');
  const key = m ? speakerOf(ctx, m) : null;
  if (!m || !key || (m.kind === 'ORGANIZATION' && newsOrganization.test(m.name))) return null;
  return { speakerKey: key, at, confidence: 0.75, sieve: 'ACCORDING_TO' };
}

/**
 * 6. A quote that opens its sentence with no attribution of its own, after a sentence that
 * reports the same person's speech: "Mirkow ... said he was there for many reasons. “For
 * example ...”", "“It's surreal,” Allen said. “People around me ...”", or a paragraph
 * that is nothing but the quote after one that ends so ("NPR's Peter Kenyon says ...").
 * The speaker is the subject of that sentence's first speech verb outside quotation marks.
 */
export function paraphraseBefore(input: AttributionInput): Attribution | null {
  const { text, quote, sentences, firstIndex } = input;
  const first = sentences[firstIndex] as Sentence;
  if (quote.unmarked || !/^[\s[(]*$/.test(text.slice(first.start, quote.open))) return null;
  const previous = sentences[firstIndex - 1];
  if (!previous) return null;
  if (previous.paragraphIndex !== first.paragraphIndex) {
    // Only the paragraph right before, and only when the quote is the whole new paragraph's start.
    if (previous.paragraphIndex !== first.paragraphIndex - 1) return null;
  }
  verbPattern.lastIndex = 0;
  for (const v of previous.text.matchAll(verbPattern)) {
    const at = previous.start + (v.index ?? 0);
    if (insideQuotation(text, at, previous.start)) continue;
    const subject = subjectOfVerb(input, firstIndex - 1, at);
    return subject ? { speakerKey: subject.key, at, confidence: 0.65, sieve: 'PARAPHRASE' } : null;
  }
  return null;
}

/** The sieves in the order they are tried. */
export const attributionSieves: ReadonlyArray<(input: AttributionInput) => Attribution | null> = [
  verbAfterQuote,
  statementOf,
  possessiveSpeech,
  accordingTo,
  verbBeforeQuote,
];

export function findAttribution(input: AttributionInput): Attribution | null {
  for (const sieve of attributionSieves) {
    const found = sieve(input);
    if (found) return found;
  }
  return null;
}
