/**
 * Whether two wordings are the same remark: one source truncates, another re-punctuates
 * or splits it. Measured on word tokens as the share of the shorter wording found in the
 * longer one.
 */
export function quoteTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** |A ∩ B| / min(|A|, |B|) over token multisets' distinct words, and the shared count. */
export function quoteOverlap(a: string, b: string): { overlap: number; shared: number } {
  const ta = new Set(quoteTokens(a));
  const tb = new Set(quoteTokens(b));
  if (ta.size === 0 || tb.size === 0) return { overlap: 0, shared: 0 };
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared += 1;
  return { overlap: shared / Math.min(ta.size, tb.size), shared };
}

/** The same remark: most of the shorter wording appears in the longer one. */
export function sameRemark(a: string, b: string): boolean {
  const { overlap, shared } = quoteOverlap(a, b);
  return overlap >= 0.7 && shared >= 3;
}
