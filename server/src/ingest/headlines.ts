/**
 * Whether a line reads like a headline: short, capitalised, several words, and not a
 * sentence (no final period). Used only on the lines before the story starts.
 */

const MAX_HEADLINE_LENGTH = 200;
const MIN_HEADLINE_WORDS = 3;

export function looksLikeHeadline(text: string): boolean {
  if (text.length > MAX_HEADLINE_LENGTH) return false;
  // A sentence, a lead-in ("Reuters reports that:") or a cut-off teaser ("..."); a final
  // initialism ("... at U.N.") is not a sentence end.
  const endsWithInitialism = /(?:^|\s)(?:\p{Lu}\.){2,}$/u.test(text);
  if (/[.:;,]["'\u201d\u2019)]?$/.test(text) && !endsWithInitialism) return false;
  if (/(?:\.\.\.|\u2026)$/.test(text)) return false;
  if (!/^["'\u201c\u2018([]?[\p{Lu}\p{N}]/u.test(text)) return false;
  return text.split(' ').filter((word) => /\p{L}/u.test(word)).length >= MIN_HEADLINE_WORDS;
}
