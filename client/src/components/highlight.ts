/**
 * Splits a source passage into plain and highlighted parts, so the panel can mark the words
 * a citation supports (a statement's wording, or the actors named) without building HTML.
 * Matching ignores case and the difference between curly and straight quotes and between
 * runs of whitespace, because sources and extracted text differ in exactly those ways.
 */
export interface Segment {
  text: string;
  highlighted: boolean;
}

function fold(char: string): string {
  switch (char) {
    case '\u2018':
    case '\u2019':
    case '\u201B':
    case '`':
      return "'";
    case '\u201C':
    case '\u201D':
    case '\u201F':
      return '"';
    case '\u2013':
    case '\u2014':
      return '-';
    default:
      return /\s/.test(char) ? ' ' : char.toLowerCase();
  }
}

/** The folded text and, for each folded character, where it came from in the original. */
function folded(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = fold(text.charAt(i));
    if (char === ' ' && out.endsWith(' ')) continue;
    out += char;
    origin.push(i);
  }
  return { text: out, origin };
}

/** Ranges [start, end) of the passage covered by any of the needles. */
export function findRanges(passage: string, needles: readonly string[]): Array<[number, number]> {
  const haystack = folded(passage);
  const ranges: Array<[number, number]> = [];
  for (const needle of needles) {
    const wanted = folded(needle.trim()).text.replace(/^["' ]+|["'., ]+$/g, '');
    if (wanted.length < 2) continue;
    let from = 0;
    for (;;) {
      const at = haystack.text.indexOf(wanted, from);
      if (at < 0) break;
      const start = haystack.origin[at] ?? 0;
      const last = haystack.origin[at + wanted.length - 1] ?? start;
      ranges.push([start, last + 1]);
      from = at + wanted.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export function highlight(passage: string, needles: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of findRanges(passage, needles)) {
    if (start > at) segments.push({ text: passage.slice(at, start), highlighted: false });
    segments.push({ text: passage.slice(start, end), highlighted: true });
    at = end;
  }
  if (at < passage.length) segments.push({ text: passage.slice(at), highlighted: false });
  return segments;
}
