import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeNumber, figureMatches, findNumbers, NUMBER_PATTERN, numbersAgree } from '../../src/engine/numbers.js';

// [sentence from the seeds or corpus, expected [value, qualifier, noun] list, expected years]
const CASES: Array<[string, Array<[number, string, string]>, number[]]> = [
  [
    'South Korean and Western intelligence agencies have said that more than 10,000 soldiers from the reclusive state were sent to Russia in 2024',
    [[10_000, 'min', 'troop']],
    [2024],
  ],
  [
    '“some 11,000 troops, missiles, 200 pieces of long-range artillery and a substantial amount of ammunition”',
    [
      [11_000, 'approx', 'troop'],
      [200, 'approx', 'artilleri'],
    ],
    [],
  ],
  ['since North Korea sent around 11,000 troops to support Russia', [[11_000, 'approx', 'troop']], []],
  ['Ri told the daily that he was now “80 per cent” decided', [[80, 'approx', 'percent']], []],
  ['“I have made up my mind 80 percent … Above all', [[80, 'approx', 'percent']], []],
  [
    'revenue rose 24% to 93.8 trillion won',
    [
      [24, 'approx', 'percent'],
      [93_800_000_000_000, 'approx', 'won'],
    ],
    [],
  ],
  ['questioning two wounded North Korean soldiers after they were captured', [[2, 'approx', 'troop']], []],
  ['Ri, born in 1999 and served as a scout sniper', [], [1999]],
  ['“Operating profit was also an all-time high, at KRW 20.1 trillion,”', [[20_100_000_000_000, 'approx', 'won']], []],
  ['stole nine major pieces of jewelry', [[9, 'approx', 'item']], []],
  [
    'two or three thieves were able to open two display cases',
    [
      [3, 'approx', 'thief'],
      [2, 'approx', 'displai'],
    ],
    [],
  ],
  ['One of the two North Korean soldiers captured by Ukraine', [[2, 'approx', 'troop']], []],
  ['The museum was targeted just after 9.30 on Sunday morning by four masked thieves', [[4, 'approx', 'thief']], []],
  ['At around 10:15 am local time, a gang of four burglars forced a door', [[4, 'approx', 'thief']], []],
  ['operating profit in the fourth quarter rose to 20 trillion won', [[20_000_000_000_000, 'approx', 'won']], []],
];

describe('findNumbers', () => {
  it.each(CASES)('%s', (sentence, expected, years) => {
    const scan = findNumbers(sentence);
    expect(scan.numbers.map((n) => [n.value, n.qualifier, n.noun])).toEqual(expected);
    expect(scan.years.map((y) => y.year)).toEqual(years);
  });

  it('reads 11,000 and 11000 as one value', () => {
    const [a] = findNumbers('some 11,000 troops').numbers;
    const [b] = findNumbers('some 11000 troops').numbers;
    expect(a?.value).toBe(b?.value);
  });

  it('describes a figure with its noun as written', () => {
    const text = 'more than 10,000 soldiers from the reclusive state';
    const [mention] = findNumbers(text).numbers;
    expect(mention && describeNumber(text, mention)).toBe('more than 10,000 soldiers');
  });
});

describe('numbersAgree', () => {
  const one = (text: string) => {
    const [mention] = findNumbers(text).numbers;
    if (mention === undefined) throw new Error(text);
    return mention;
  };
  it('some 11,000 = around 11,000 (both approximate)', () => {
    expect(numbersAgree(one('some 11,000 troops'), one('around 11,000 troops'))).toBe(true);
  });
  it('more than 10,000 ≠ around 11,000, and ≠ 10,000', () => {
    expect(numbersAgree(one('more than 10,000 soldiers'), one('around 11,000 troops'))).toBe(false);
    expect(numbersAgree(one('more than 10,000 soldiers'), one('10,000 soldiers'))).toBe(false);
  });
});

// Figures, their qualifiers, currencies, scales and neighbours that make or break a match.
const figurePiece = fc.constantFrom(
  '1',
  '10,000',
  '2024',
  '.5',
  ',',
  '.',
  ' ',
  '\n',
  'more than ',
  'some',
  'about ',
  'two',
  'ten',
  'often',
  'hundred',
  ' million',
  'bn',
  '%',
  ' per cent',
  '$',
  'us$',
  'krw',
  'usd ',
  '€',
  '₩',
  'x',
  'é',
  '\u0301',
  '٣',
  '😀',
  '\ud835',
  'troops',
  // Words that start as a qualifier, currency or number word does, or nearly: figureMatches tries the
  // pattern only where the first two characters fit one.
  'the',
  'at least ',
  'at',
  'up to ',
  'in excess of ',
  'an estimated ',
  'close to ',
  'upwards of ',
  'eur',
  'usd',
  'thirty',
  'dozen',
  'nine',
);
const figureText = fc.array(figurePiece, { maxLength: 16 }).map((pieces) => pieces.join(''));

describe('figureMatches', () => {
  it('finds exactly what the look-behind pattern finds', () => {
    fc.assert(
      fc.property(fc.oneof(figureText, fc.string({ unit: 'binary', maxLength: 30 })), (sample) => {
        const expected = [...sample.matchAll(NUMBER_PATTERN)].map((match) => [...match, match.index]);
        expect(figureMatches(sample).map((match) => [...match, match.index])).toEqual(expected);
      }),
      { numRuns: 4000 },
    );
  });
});
