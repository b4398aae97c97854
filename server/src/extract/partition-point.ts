/**
 * Binary search for the lookups by position that extraction makes from every mention, quote
 * and date (a scan of everything before would cost a long article the square of its length).
 */

/**
 * The number of leading indexes in [0, length) for which `before` holds, given that it holds
 * for a prefix and then never again (as "starts at or before p" does over a sorted list).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
