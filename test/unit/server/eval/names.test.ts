import { describe, expect, it } from 'vitest';
import {
  anyNameMatches,
  expandGoldName,
  givenNamesCompatible,
  namesMatch,
  normalizeName,
} from '../../../../server/src/eval/names.js';

describe('normalizeName', () => {
  it.each([
    ['Jim Mattis', ['jim', 'mattis']],
    ['U.S. Defense Secretary Jim Mattis', ['jim', 'mattis']],
    ['Gen. Valeriy Gerasimov', ['valery', 'gerasimov']],
    ['Joseph Dunford Jr.', ['joseph', 'dunford']],
    ['Secretary of State Mike Pompeo', ['mike', 'pompeo']],
    ['Russian President Vladimir Putin', ['vladimir', 'putin']],
    ['François Hollande', ['francois', 'hollande']],
    ['Recep Tayyip Erdoğan', ['recep', 'tayyip', 'erdogan']],
    ['Kim Jong-un', ['kim', 'jong', 'un']],
    ['H.R. McMaster', ['hr', 'mcmaster']],
    ['the Kremlin', ['kremlin']],
    ['President', ['president']],
    ['Saudi foreign minister', ['saudi', 'foreign', 'minister']],
    [
      'Office of the Director of National Intelligence',
      ['office', 'of', 'the', 'director', 'of', 'national', 'intelligence'],
    ],
    ["Tehran prosecutor's office", ['tehran', 'prosecutor', 'office']],
  ])('%j -> %j', (name, tokens) => {
    expect(normalizeName(name)?.tokens).toEqual(tokens);
  });

  it.each(['', '   ', '...', '—'])('gives null for %j, which names no one', (name) => {
    expect(normalizeName(name)).toBeNull();
  });
});

describe('givenNamesCompatible', () => {
  it.each([
    ['james', 'james', true],
    ['j', 'james', true],
    ['jim', 'james', true],
    ['chuck', 'charles', true],
    ['mike', 'michael', true],
    ['bill', 'william', true],
    ['bob', 'robert', true],
    ['joe', 'joseph', true],
    ['john', 'james', false],
    ['k', 'james', false],
    ['jim', 'john', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(givenNamesCompatible(a, b)).toBe(expected);
    expect(givenNamesCompatible(b, a)).toBe(expected);
  });
});

describe('namesMatch', () => {
  it.each([
    ['Jim Mattis', 'James Mattis'],
    ['Jim Mattis', 'James N. Mattis'],
    ['Defense Secretary Jim Mattis', 'Mattis'],
    ['Joseph Dunford Jr.', 'Joseph Dunford'],
    ['Gen. Joseph Dunford', 'J. Dunford'],
    ['Valery Gerasimov', 'Valeriy Gerasimov'],
    ['Sergei Shoigu', 'Sergey Shoigu'],
    ['Dmitriy Peskov', 'Dmitry Peskov'],
    ['Volodymyr Zelenskyy', 'Volodymyr Zelensky'],
    ['Mr. Trump', 'Donald Trump'],
    ['President Donald J. Trump', 'Donald Trump'],
    ['François Hollande', 'Francois Hollande'],
    ['Recep Tayyip Erdoğan', 'Erdogan'],
    ['Recep Tayyip Erdogan', 'Tayyip Erdogan'],
    ['Kim Jong-un', 'Kim Jong Un'],
    ['Kim Jong Un', 'Kim'],
    ['Moon Jae-in', 'President Moon'],
    ['King Salman', 'Salman'],
    ['Secretary of State Mike Pompeo', 'Michael Pompeo'],
    ['Russian President Vladimir Putin', 'Putin'],
    ['Chuck Hagel', 'Charles Hagel'],
    ['H.R. McMaster', 'H. R. McMaster'],
    ['Chris Van Hollen', 'Van Hollen'],
    ['NATO', 'NATO allies'],
    ['the Kremlin', 'Kremlin'],
    ['U.S. State Department', 'State Department'],
    ['Mattis’', 'Jim Mattis'],
  ])('%j matches %j', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });

  it.each([
    ['Donald Trump', 'Ivanka Trump'],
    ['George W. Bush', 'George H. W. Bush'],
    ['Jim Mattis', 'John Mattis'],
    ['Valery Gerasimov', 'Sergei Shoigu'],
    ['State Department', 'Justice Department'],
    ['Russian Foreign Ministry', 'Russian Defense Ministry'],
    ['Office of the Director of National Intelligence', 'Office of the Chairman of the Joint Chiefs of Staff'],
    ['Russia', 'Russian military'],
    ['', 'Trump'],
    ['...', '...'],
  ])('%j does not match %j', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
    expect(namesMatch(b, a)).toBe(false);
  });
});

describe('expandGoldName', () => {
  it('lets each of several joint speakers stand for the whole', () => {
    expect(expandGoldName('Donald Trump and Kim Jong Un')).toEqual([
      'Donald Trump and Kim Jong Un',
      'Donald Trump',
      'Kim Jong Un',
    ]);
    expect(expandGoldName('Barack Obama')).toEqual(['Barack Obama']);
  });

  it('is what anyNameMatches is given for gold names', () => {
    expect(anyNameMatches(expandGoldName('Donald Trump and Kim Jong Un'), ['Kim Jong-un', 'Chairman Kim'])).toBe(true);
    expect(anyNameMatches(['Jim Mattis'], ['James Mattis', 'Mattis'])).toBe(true);
    expect(anyNameMatches(['Jim Mattis'], [])).toBe(false);
    expect(anyNameMatches([], ['Jim Mattis'])).toBe(false);
  });
});
