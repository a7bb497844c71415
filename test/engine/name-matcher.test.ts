import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalisedRuns, NameMatcher } from '../../src/engine/aliases.js';

const NAMES = ['north korea', 'korea', 'n. korea', 'u.s.', 'us', 'the daily', 'seoul', 'ri', 'zelenskyy', 'zelensky'];

/** The regular expression NameMatcher stands in for. */
function byRegExp(names: string[], text: string): Array<[number, string]> {
  const sorted = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = sorted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((match): [number, string] => [match.index, match[0]]);
}

// Names, their pieces and neighbours that make or break a whole-word match, including a surrogate pair.
const piece = fc.constantFrom(...NAMES, ' ', '.', "'", 'x', 'é', '7', '😀', '-', 'south ', 'ri-', 'korean');
const text = fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join(''));

describe('NameMatcher', () => {
  it('finds exactly what the look-around alternation finds', () => {
    const matcher = new NameMatcher(NAMES);
    fc.assert(
      fc.property(text, (sample) => {
        expect(matcher.matchAll(sample)).toEqual(byRegExp(NAMES, sample));
      }),
      { numRuns: 1000 },
    );
  });

  it('prefers the longest name and needs a whole word', () => {
    const matcher = new NameMatcher(NAMES);
    expect(matcher.matchAll('north korea and korean troops, u.s. and us')).toEqual([
      [0, 'north korea'],
      [31, 'u.s.'],
      [40, 'us'],
    ]);
  });
});

/** The expression capitalisedRuns stands in for. */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*(?:\s+(?:(?:of|the|for|on|and)\s+)?\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)*/gu;

// Capitals and what may stand before or inside a run: apostrophes, hyphens, marks, linking words, digits,
// an upper-case letter outside the BMP, a lone surrogate.
const runPiece = fc.constantFrom(
  'Lee',
  'Jae-woong',
  'A',
  'x',
  'É',
  'é',
  '\u0301',
  '𝐀',
  '😀',
  '\ud835',
  "'",
  '’',
  '’s',
  '-',
  ' ',
  '  ',
  '\n',
  '\u00a0',
  'of ',
  'the ',
  'and',
  '7',
  '.',
  'Bank',
);
const runText = fc.array(runPiece, { maxLength: 20 }).map((pieces) => pieces.join(''));

describe('capitalisedRuns', () => {
  it('finds exactly what the look-behind expression finds', () => {
    fc.assert(
      fc.property(fc.oneof(runText, fc.string({ unit: 'binary', maxLength: 30 })), (sample) => {
        const expected = [...sample.matchAll(CAPITALISED_RUN)].map((match): [number, string] => [
          match.index,
          match[0],
        ]);
        expect(capitalisedRuns(sample)).toEqual(expected);
      }),
      { numRuns: 4000 },
    );
  });
});
