import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSentences, pairedUnits, rebuild } from '../../src/engine/word-diff.js';
import type { DiffRun } from '../../src/types.js';

/** The diff as a reader sees it: <del>left</del><ins>right</ins>, (left = right) for equivalents. */
function render(runs: DiffRun[]): string {
  return runs
    .map((run) =>
      run.op === 'equal'
        ? run.text
        : run.op === 'left'
          ? `<del>${run.text}</del>`
          : run.op === 'right'
            ? `<ins>${run.text}</ins>`
            : `(${run.left} = ${run.right})`,
    )
    .join('');
}

describe('diffSentences', () => {
  it('returns one equal run for identical sentences', () => {
    expect(render(diffSentences('Ri said so.', 'Ri said so.', 400).runs)).toBe('Ri said so.');
  });

  it('keeps numbers whole', () => {
    expect(render(diffSentences('more than 10,000 soldiers', 'more than 11,000 soldiers', 400).runs)).toBe(
      'more than <del>10,000</del><ins>11,000</ins> soldiers',
    );
  });

  it('marks per cent/percent, ROK/South Korea and 11,000/11000 as equivalent, not changed', () => {
    expect(render(diffSentences('he was 80 per cent decided', 'he was 80 percent decided', 400).runs)).toBe(
      'he was 80 (per cent = percent) decided',
    );
    expect(render(diffSentences('going to South Korea', 'going to the ROK', 400).runs)).toBe(
      'going to <ins>the </ins>(South Korea = ROK)',
    );
    expect(render(diffSentences('some 11,000 troops', 'some 11000 troops', 400).runs)).toBe(
      'some (11,000 = 11000) troops',
    );
  });

  it('marks curly against straight quotes as equivalent', () => {
    expect(render(diffSentences('“brutal” fighting', '"brutal" fighting', 400).runs)).toBe(
      '(“ = ")brutal(” = ") fighting',
    );
  });

  it('falls back to the two sentences whole when the edit budget runs out', () => {
    const result = diffSentences('alpha beta gamma delta', 'one two three four', 2);
    expect(result.truncated).toBe(true);
    expect(result.runs).toEqual([
      { op: 'left', text: 'alpha beta gamma delta' },
      { op: 'right', text: 'one two three four' },
    ]);
  });

  it('rebuilds both sentences from the runs (property)', () => {
    const word = fc.constantFrom(
      'Ri',
      'said',
      '10,000',
      'soldiers',
      'per cent',
      'percent',
      'ROK',
      'South Korea',
      '“',
      '"',
      ',',
      'Eugénie',
      'the',
    );
    const sentence = fc.array(word, { maxLength: 25 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(sentence, sentence, (left, right) => {
        const { runs } = diffSentences(left, right, 400);
        expect(rebuild(runs, 'left')).toBe(left);
        expect(rebuild(runs, 'right')).toBe(right);
      }),
      { seed: 20250219, numRuns: 300 },
    );
  });
});

describe('pairedUnits', () => {
  /** The positions jsdiff itself pairs when given the whole arrays. */
  function jsdiffPairs(left: string[], right: string[], maxEditLength: number): Array<[number, number]> | undefined {
    const changes = diffArrays(left, right, { maxEditLength });
    if (changes === undefined) return undefined;
    const pairs: Array<[number, number]> = [];
    let i = 0;
    let j = 0;
    for (const change of changes) {
      const count = change.value.length;
      if (change.removed) i += count;
      else if (change.added) j += count;
      else for (let k = 0; k < count; k++, i++, j++) pairs.push([i, j]);
    }
    return pairs;
  }

  it('pairs the same units as jsdiff on the whole arrays, budget included (property)', () => {
    // Few distinct keys, so that most arrays repeat keys and have equal-cost edit scripts to choose from.
    const keys = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), { maxLength: 30 });
    fc.assert(
      fc.property(keys, keys, fc.integer({ min: 0, max: 70 }), (left, right, maxEditLength) => {
        expect(pairedUnits(left, right, maxEditLength)).toEqual(jsdiffPairs(left, right, maxEditLength));
      }),
      { seed: 20250219, numRuns: 3000 },
    );
  });

  it('counts the units only one side has against the edit budget', () => {
    expect(pairedUnits(['a', 'x', 'y', 'b'], ['a', 'b'], 1)).toBeUndefined();
    expect(pairedUnits(['a', 'x', 'y', 'b'], ['a', 'b'], 2)).toEqual([
      [0, 0],
      [3, 1],
    ]);
  });
});
