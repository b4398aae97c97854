/**
 * The day the narration is at when a sentence begins: the last day named in the reporter's
 * own words of the sentences before it, in its paragraph or the one before. "a day
 * earlier" and "the next day" are counted from it.
 */
import { type DateAnchor, findTemporalMentions } from './dates.js';
import type { Sentence } from './sentences.js';

/** How many sentences back the narrated day is looked for. */
const LOOK_BACK = 6;

export function narrationBefore(
  sentences: readonly Sentence[],
  sentenceIndex: number,
  anchor: DateAnchor | null,
  quoted: (offset: number, sentenceStart: number) => boolean,
): Date | null {
  const here = sentences[sentenceIndex];
  if (!here || !anchor) return null;
  for (let i = sentenceIndex - 1; i >= 0 && i >= sentenceIndex - LOOK_BACK; i -= 1) {
    const sentence = sentences[i] as Sentence;
    if (here.paragraphIndex - sentence.paragraphIndex > 1) break;
    const days = findTemporalMentions(sentence.text, anchor, { tense: 'past' }).filter(
      (m) => m.date?.precision === 'DAY' && m.kind !== 'narrative' && !quoted(sentence.start + m.start, sentence.start),
    );
    const last = days.at(-1);
    if (last?.date) return last.date.start;
  }
  return null;
}
