/** Sentence boundaries from the language layer: initials and abbreviations inside names do not end sentences. */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../server/src/extract/sentences.js';

const split = (text: string) => splitSentences(text, [{ kind: 'BODY', start: 0, end: text.length }]).map((s) => s.text);

describe('sentences around initials', () => {
  it.each([
    [
      'TSMC chief executive C.C. Wei said demand was strong. Shares rose.',
      'TSMC chief executive C.C. Wei said demand was strong.',
    ],
    ['Author J.K. Rowling wrote the book. It sold well.', 'Author J.K. Rowling wrote the book.'],
    [
      'Washington D.C. Officials said the roads were closed. Schools stayed open.',
      'Washington D.C. Officials said the roads were closed.',
    ],
    ['Michael L. Smith said it was over. Others disagreed.', 'Michael L. Smith said it was over.'],
    ['Gen. Joseph F. Dunford Jr. met his counterpart. They talked.', 'Gen. Joseph F. Dunford Jr. met his counterpart.'],
  ])('%s', (text, first) => {
    const sentences = split(text);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toBe(first);
  });
});
