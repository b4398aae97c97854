/**
 * Bounded views of a sentence for patterns that read the few words just before or after a
 * position. A pattern anchored at one end only is retried from every start position, so on
 * a megabyte-long "word" (pasted base64, a run of one letter) it costs the square of that
 * length. The words such a pattern wants are a few dozen characters away, so it never
 * needs to see further than this.
 */
export const NEARBY_CHARS = 300;

/** The end of `text`, at most `chars` long and starting at a word boundary. */
export function tailWindow(text: string, chars = NEARBY_CHARS): string {
  if (text.length <= chars) return text;
  const tail = text.slice(-chars);
  const space = tail.search(/\s/);
  return space < 0 ? '' : tail.slice(space + 1);
}

/** The start of `text`, at most `chars` long and ending at a word boundary. */
export function headWindow(text: string, chars = NEARBY_CHARS): string {
  if (text.length <= chars) return text;
  const head = text.slice(0, chars);
  for (let i = head.length - 1; i >= 0; i -= 1) {
    if (/\s/.test(head[i] as string)) return head.slice(0, i);
  }
  return '';
}
