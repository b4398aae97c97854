/**
 * The clause around a word: meetings and events take their participants and dates from
 * the clause of their trigger, not the whole sentence ("he expected ... when Dunford met
 * Gerasimov": the meeting is in the "when" clause).
 */
import type { Sentence } from './sentences.js';

const clauseBreak = /;|,\s+(?:but|while|which|whereas)\b|\b(?:when|after|before|until|because|that)\s/g;

export function clauseAround(sentence: Sentence, at: number): { start: number; end: number } {
  let start = sentence.start;
  let end = sentence.end;
  for (const m of sentence.text.matchAll(clauseBreak)) {
    const pos = sentence.start + (m.index ?? 0);
    if (pos < at) start = pos + m[0].length;
    else if (pos > at) {
      end = pos;
      break;
    }
  }
  return { start, end };
}
