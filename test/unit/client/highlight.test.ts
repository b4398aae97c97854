import { describe, expect, it } from 'vitest';
import { highlight } from '../../../client/src/components/highlight';

const marked = (passage: string, needles: string[]) =>
  highlight(passage, needles)
    .filter((segment) => segment.highlighted)
    .map((segment) => segment.text);

describe('highlight', () => {
  it('finds a quote despite curly quotes, case and line breaks', () => {
    const passage = 'He said: “We are not in a position\nright now to collaborate,” Mr. Mattis said.';
    expect(marked(passage, ['"we are not in a position right now to collaborate,"'])).toEqual([
      'We are not in a position\nright now to collaborate',
    ]);
  });

  it('keeps the passage whole: the segments join back to it', () => {
    const passage = 'Dunford met Gerasimov in Baku; Gerasimov spoke.';
    const segments = highlight(passage, ['Gerasimov', 'Dunford']);
    expect(segments.map((segment) => segment.text).join('')).toBe(passage);
    expect(segments.filter((segment) => segment.highlighted).map((segment) => segment.text)).toEqual([
      'Dunford',
      'Gerasimov',
      'Gerasimov',
    ]);
  });

  it('merges overlapping matches', () => {
    expect(marked('Vladimir Putin said', ['Vladimir Putin', 'Putin'])).toEqual(['Vladimir Putin']);
  });

  it('marks nothing when nothing matches, or for a needle too short to mean anything', () => {
    expect(highlight('Nothing here', ['absent', 'a'])).toEqual([{ text: 'Nothing here', highlighted: false }]);
    expect(highlight('', ['x'])).toEqual([]);
  });
});
