import { describe, expect, it } from 'vitest';
import { coreNameWords, normalizeAlias, personKey, surnameOf } from '../../../../server/src/extract/names.js';

describe('person names', () => {
  it.each([
    ['Valery Gerasimov', 'Gen. Valeriy Gerasimov'],
    ['Sergei Shoigu', 'Gen. Sergey Shoigu'],
    ['Jim Mattis', 'James N. Mattis'],
    ['Joseph Dunford', 'Marine Gen. Joseph Dunford Jr.'],
    ['Yuri Ushakov', 'Yuriy Ushakov'],
    ['Alexei Navalny', 'Aleksey Navalny'],
    ['Mohammed bin Salman', 'Muhammad bin Salman'],
  ])('%s and %s share a key', (a, b) => {
    expect(personKey(a)).toBe(personKey(b));
  });

  it.each([
    ['Jim Mattis', 'Jane Mattis'],
    ['Donald Trump', 'Melania Trump'],
    ['Valery Gerasimov', 'Valery Gergiev'],
  ])('%s and %s stay apart', (a, b) => {
    expect(personKey(a)).not.toBe(personKey(b));
  });

  it('strips titles, middle initials and suffixes', () => {
    expect(coreNameWords('U.S. Defense Secretary James N. Mattis Jr.')).toEqual(['james', 'mattis']);
    expect(normalizeAlias('Mr. Putin’s')).toBe('putin');
    expect(surnameOf('Gen. Valeriy Gerasimov')).toBe('gerasimov');
  });

  it('survives hostile input', () => {
    expect(personKey('')).toBe('');
    expect(personKey('!!! ???')).toBe('');
    expect(normalizeAlias('مُحَمَّد بن سلمان')).toBeTypeOf('string');
    expect(personKey('😀 😀')).toBe('');
  });
});
