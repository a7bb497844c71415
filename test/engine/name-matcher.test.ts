import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameMatcher } from '../../src/engine/aliases.js';

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
