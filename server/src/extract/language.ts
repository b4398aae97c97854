/**
 * The language layer: tokens, sentence boundaries and part-of-speech tags from wink-nlp's
 * English model (an npm package, so it installs with everything else and runs offline).
 * The model's sentence breaker knows initials and abbreviations ("C.C. Wei", "J.K.
 * Rowling", "Washington D.C. officials") and its tagger tells a proper noun from an
 * adjective or a common noun ("Democratic/ADJ Sen./PROPN"), which the rules in mentions.ts
 * and statements.ts build on.
 *
 * Offsets stay exact: wink keeps each token's text as written and the whitespace before
 * it, so every token is placed back at its own character offset in the article.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/** Universal POS tags as the model gives them (PROPN, NOUN, VERB, ADJ, PUNCT, SPACE, ...). */
export type PartOfSpeech = string;

export interface Token {
  /** Offsets into the text the token was read from. */
  start: number;
  end: number;
  text: string;
  pos: PartOfSpeech;
  /** The model's base form, lower case ("released" -> "release", "met" -> "meet"). */
  lemma: string;
}

export interface TaggedSentence {
  start: number;
  end: number;
  tokens: Token[];
}

let instance: WinkMethods | null = null;

/** Loaded on first use: importing the extraction stage stays cheap for code that never reads text. */
function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

/**
 * The text is read in slices no longer than this, each cut at a paragraph-like break or
 * a space: the model's cost is linear, but one call on a multi-megabyte string holds
 * all of its token arrays at once.
 */
const SLICE_CHARS = 100_000;

function sliceEnd(text: string, from: number, to: number): number {
  if (to - from <= SLICE_CHARS) return to;
  const limit = from + SLICE_CHARS;
  const newline = text.lastIndexOf('\n', limit);
  if (newline > from + SLICE_CHARS / 2) return newline + 1;
  for (let i = limit; i > from + SLICE_CHARS / 2; i -= 1) if (text[i] === ' ') return i + 1;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * The model's tokenizer takes time that grows with the square of a word's length (a
 * 26,000-character "word" costs a second). No real word is this long, so such a run is
 * kept out of the model and becomes one token of its own.
 */
const MAX_WORD_CHARS = 256;
const OVERLONG_WORD = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'g');

/** Reads text[from, to) with the model; tokens and sentences go to `out`, offsets into `text`. */
function readWithModel(text: string, from: number, to: number, out: TaggedSentence[]): void {
  if (to <= from) return;
  const { its } = nlp();
  const doc = nlp().readDoc(text.slice(from, to));
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as string[];
  // wink types its.lemma with a different signature from the other getters; it reads the same way.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.pos) as string[];
  const placed: (Token | null)[] = [];
  let at = from;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as string;
    at += (spaces[i] as string).length;
    // A token the model rewrote would put every later offset off; re-find it instead.
    let start = at;
    if (!text.startsWith(value, at)) {
      start = text.indexOf(value, at);
      if (start < 0 || start >= to) {
        placed.push(null);
        continue;
      }
    }
    placed.push(
      /^\s+$/.test(value)
        ? null
        : {
            start,
            end: start + value.length,
            text: value,
            pos: tags[i] ?? 'X',
            lemma: lemmas[i] ?? value.toLowerCase(),
          },
    );
    at = start + value.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const own = placed.slice(first, last + 1).filter((token): token is Token => token !== null);
    if (own.length === 0) continue;
    out.push({ start: (own[0] as Token).start, end: (own.at(-1) as Token).end, tokens: own });
  }
}

/** Tags text[from, to): its sentences, each with its tokens, offsets into `text`. Whitespace tokens are dropped. */
export function tagText(text: string, from = 0, to = text.length): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  for (let sliceStart = from; sliceStart < to; ) {
    const sliceStop = sliceEnd(text, sliceStart, to);
    let at = sliceStart;
    OVERLONG_WORD.lastIndex = 0;
    const slice = text.slice(sliceStart, sliceStop);
    for (const match of slice.matchAll(OVERLONG_WORD)) {
      const wordStart = sliceStart + (match.index ?? 0);
      const wordEnd = wordStart + match[0].length;
      readWithModel(text, at, wordStart, sentences);
      const word: Token = { start: wordStart, end: wordEnd, text: match[0], pos: 'X', lemma: match[0].toLowerCase() };
      const previous = sentences.at(-1);
      // The word continues the sentence it interrupts unless that sentence had ended.
      if (previous && previous.end >= wordStart - 1 && !/[.!?]$/.test(previous.tokens.at(-1)?.text ?? '.')) {
        previous.tokens.push(word);
        previous.end = wordEnd;
      } else sentences.push({ start: wordStart, end: wordEnd, tokens: [word] });
      at = wordEnd;
    }
    readWithModel(text, at, sliceStop, sentences);
    sliceStart = sliceStop;
  }
  return sentences;
}
