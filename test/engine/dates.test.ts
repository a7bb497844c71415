import { describe, expect, it } from 'vitest';
import { datesCompatible, findDates, parsePublished } from '../../src/engine/dates.js';

const FRIDAY = parsePublished('2025-02-21');
const WEDNESDAY = parsePublished('2025-02-19');

// [text, publication date, expected [value, precision]]
const CASES: Array<[string, Date | null, Array<[string, string]>]> = [
  ['a news report said Wednesday, in what would be the first known case', FRIDAY, [['2025-02-19', 'day']]],
  ['captured by Ukrainian forces last month during combat', FRIDAY, [['2025-01', 'month']]],
  ['In January, Ukraine said investigators were questioning', WEDNESDAY, [['2025-01', 'month']]],
  ['posted on Ukrainian President Volodymyr Zelensky’s Telegram on Jan. 11.', FRIDAY, [['2025-01-11', 'day']]],
  ['Seoul affirmed on Feb 19 that North Korean troops', WEDNESDAY, [['2025-02-19', 'day']]],
  ['were sent to Russia in 2024 to help it', WEDNESDAY, [['2024', 'year']]],
  ['Seoul estimated last week that', WEDNESDAY, [['2025-02-10/2025-02-16', 'week']]],
  ['“I may have killed myself if I had a grenade with me.”', WEDNESDAY, []],
  // A day later in the year than publication is last year's: news dates lie in the past.
  ['on Dec 24 the talks began', parsePublished('2025-01-05'), [['2024-12-24', 'day']]],
  ['on Wednesday, the ministry said', WEDNESDAY, [['2025-02-19', 'day']]],
  ['"Wednesday" without a publication date is left unresolved', null, []],
];

describe('findDates', () => {
  it.each(CASES)('%s', (text, published, expected) => {
    expect(findDates(text, published).map((d) => [d.value, d.precision])).toEqual(expected);
  });
});

describe('datesCompatible', () => {
  it('a day is compatible with its month and year, not with another day', () => {
    const [day] = findDates('on Feb 19', WEDNESDAY);
    const [month] = findDates('in February', WEDNESDAY);
    const [other] = findDates('on Feb 20', WEDNESDAY);
    if (day === undefined || month === undefined || other === undefined) throw new Error('dates not found');
    expect(datesCompatible(day, month)).toBe(true);
    expect(datesCompatible(day, other)).toBe(false);
  });
});
