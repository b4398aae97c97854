/**
 * How much two passages share, word for word: the measure that pairs an extracted quote
 * or excerpt with the gold one despite truncation, punctuation and typographic quotes. Pure.
 */

/** Lower-case, accent-free word tokens; punctuation separates words and is dropped; stop words stay. */
export function wordTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

export interface Overlap {
  /** Tokens the two have in common, counted with multiplicity. */
  shared: number;
  /** shared / the shorter passage's token count; 0 when either is empty. */
  ratio: number;
  /** shared / the longer passage's token count: prefers a fragment's own match over a longer remark. */
  coverage: number;
}

/**
 * |A ∩ B| / min(|A|, |B|) over token multisets, so a fragment wholly inside a longer
 * version of the same remark scores 1.
 */
export function tokenOverlap(a: readonly string[], b: readonly string[]): Overlap {
  const shorter = Math.min(a.length, b.length);
  if (shorter === 0) return { shared: 0, ratio: 0, coverage: 0 };
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of b) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(token, left - 1);
    }
  }
  return { shared, ratio: shared / shorter, coverage: shared / Math.max(a.length, b.length) };
}

/**
 * The overlap when two passages count as the same text, else null: at least `threshold`
 * overlap and two shared tokens; a one-word passage must equal the other exactly.
 */
export function passagesMatch(a: readonly string[], b: readonly string[], threshold: number): Overlap | null {
  if (a.length === 0 || b.length === 0) return null;
  if (a.length === 1 || b.length === 1) {
    return a.length === b.length && a[0] === b[0] ? { shared: 1, ratio: 1, coverage: 1 } : null;
  }
  const overlap = tokenOverlap(a, b);
  return overlap.shared >= 2 && overlap.ratio >= threshold ? overlap : null;
}
