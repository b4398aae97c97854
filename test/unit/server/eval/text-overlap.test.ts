import { describe, expect, it } from 'vitest';
import { passagesMatch, tokenOverlap, wordTokens } from '../../../../server/src/eval/text-overlap.js';

describe('wordTokens', () => {
  it('lower-cases, strips accents and punctuation, keeps stop words', () => {
    expect(wordTokens('“We’re NOT going — to the café,” he said.')).toEqual([
      'we',
      're',
      'not',
      'going',
      'to',
      'the',
      'cafe',
      'he',
      'said',
    ]);
  });

  it('treats straight and typographic apostrophes alike', () => {
    expect(wordTokens("We're")).toEqual(wordTokens('We’re'));
  });

  it('gives nothing for punctuation only', () => {
    expect(wordTokens(' — … ')).toEqual([]);
  });
});

describe('tokenOverlap', () => {
  it('divides shared tokens by the shorter passage, counting repeats', () => {
    expect(tokenOverlap(['a', 'b', 'c', 'd'], ['a', 'b'])).toEqual({ shared: 2, ratio: 1, coverage: 0.5 });
    expect(tokenOverlap(['nato', 'nato', 'will'], ['nato', 'will', 'will'])).toEqual({
      shared: 2,
      ratio: 2 / 3,
      coverage: 2 / 3,
    });
    expect(tokenOverlap([], ['a'])).toEqual({ shared: 0, ratio: 0, coverage: 0 });
  });
});

describe('passagesMatch', () => {
  const t = wordTokens;
  it.each([
    ['identical', 'NATO will never turn off dialogue', 'NATO will never turn off dialogue', 0.6, 1],
    ['fragment inside a longer remark', 'rogue killers', 'these could have been rogue killers. I mean', 0.6, 1],
    ['exactly at the threshold (3/5)', 'one two three four five', 'one two three six seven', 0.6, 0.6],
    ['just below the threshold (2/5)', 'one two three four five', 'one two six seven eight', 0.6, null],
    ['one shared token is not enough', 'baseless claims', 'baseless accusations', 0.5, null],
    ['one-word quote, exact', 'Baseless!', '“baseless”', 0.6, 1],
    ['one-word quote inside a longer one', 'baseless', 'the claims are baseless', 0.6, null],
    ['empty', '', 'anything at all', 0.6, null],
  ])('%s', (_label, a, b, threshold, expected) => {
    const result = passagesMatch(t(a), t(b), threshold);
    expect(result?.ratio ?? null).toBe(expected);
    expect(passagesMatch(t(b), t(a), threshold)?.ratio ?? null).toBe(expected);
  });
});
