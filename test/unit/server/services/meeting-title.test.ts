/**
 * Meeting titles for every status: only a meeting that occurred "met"; an announced,
 * postponed or cancelled one did not take place and keeps the announcement's wording.
 */
import { describe, expect, it } from 'vitest';
import { meetingTitle } from '../../../../server/src/services/store-extraction.js';

describe('meetingTitle', () => {
  const names = ['Valeriy Gerasimov', 'Joseph Dunford Jr.'];

  it.each([
    ['OCCURRED', 'IN_PERSON', 'Joseph Dunford Jr. and Valeriy Gerasimov met in Baku'],
    ['SCHEDULED', 'IN_PERSON', 'Joseph Dunford Jr. and Valeriy Gerasimov to meet in Baku'],
    ['POSTPONED', 'IN_PERSON', 'Joseph Dunford Jr. and Valeriy Gerasimov to meet in Baku'],
    ['CANCELLED', 'IN_PERSON', 'Joseph Dunford Jr. and Valeriy Gerasimov to meet in Baku'],
    ['OCCURRED', 'PHONE', 'Joseph Dunford Jr. and Valeriy Gerasimov spoke by phone in Baku'],
    ['CANCELLED', 'PHONE', 'Joseph Dunford Jr. and Valeriy Gerasimov to speak by phone in Baku'],
  ] as const)('%s %s: %s', (status, format, title) => {
    expect(meetingTitle(names, status, format, 'Baku')).toBe(title);
  });
});
