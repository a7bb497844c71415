import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editScript } from '../../src/engine/myers.js';

/** jsdiff's answer reduced to what editScript gives: counts and kinds, no token values. */
function jsdiff(left: string[], right: string[], maxEditLength: number) {
  return diffArrays(left, right, { maxEditLength })?.map((change) => ({
    count: change.value.length,
    added: change.added,
    removed: change.removed,
  }));
}

// Few distinct tokens, so that many edit scripts of the same length exist and the tie-breaking is exercised.
const tokens = fc.array(fc.constantFrom('a', 'b', 'c', 'the', 'said'), { maxLength: 40 });

describe('editScript (jsdiff diffArrays, ported)', () => {
  it('gives exactly the edit script of jsdiff diffArrays', () => {
    fc.assert(
      fc.property(tokens, tokens, (left, right) => {
        expect(editScript(left, right, 400)).toEqual(jsdiff(left, right, 400));
      }),
      { numRuns: 500 },
    );
  });

  it('gives up, as jsdiff does, when the budget of edits runs out', () => {
    fc.assert(
      fc.property(tokens, tokens, fc.integer({ min: 0, max: 12 }), (left, right, budget) => {
        expect(editScript(left, right, budget)).toEqual(jsdiff(left, right, budget));
      }),
      { numRuns: 500 },
    );
    expect(editScript(['a', 'b', 'c'], ['x', 'y', 'z'], 5)).toBeUndefined();
  });

  it('keeps real sentences whole where they agree', () => {
    const left = 'more than 10,000 soldiers were sent'.split(' ');
    const right = 'around 11,000 soldiers were sent'.split(' ');
    expect(editScript(left, right, 400)).toEqual([
      { count: 3, added: false, removed: true },
      { count: 2, added: true, removed: false },
      { count: 3, added: false, removed: false },
    ]);
  });
});
