// The HTML benchmark's metric, ported from its evaluate.py, on cases worked out by hand; the anchor folding; the
// floor check.
import { describe, expect, it } from 'vitest';
import { fold, foldWithOffsets } from '../../src/eval/fold.js';
import { scoreBenchmark, shingleMatching } from '../../src/eval/score-html.js';
import { floorBreaches } from '../../src/eval/totals.js';

describe('the benchmark metric', () => {
  it('matches 4-token shingles with their counts, normalised per page', () => {
    // truth: a b c d e → shingles abcd, bcde; prediction: a b c d x → abcd, bcdx.
    expect(shingleMatching('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    expect(shingleMatching('a b c d', 'a b c d')).toEqual({ tp: 1, fp: 0, fn: 0 });
    // Fewer than four tokens make one short shingle; punctuation is not a token.
    expect(shingleMatching('Hello, world!', 'hello world')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('averages precision and recall over pages and takes F1 of the means; a page empty on both sides is left out of both', () => {
    const score = scoreBenchmark({ a: 'one two three four five', b: '' }, { a: 'one two three four', b: '' });
    // Page a: truth {1234, 2345}, prediction {1234}: precision 1, recall 0.5. Page b has no shingle on either side.
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.5);
    expect(score.f1).toBeCloseTo((2 * 0.5) / 1.5, 10);
    // Exact token match: page a no, page b (both empty) yes.
    expect(score.accuracy).toBe(0.5);
  });
});

describe('anchor folding', () => {
  it('folds quotes, dashes, case and white space, and maps back to the original offsets', () => {
    const original = 'Ri – visibly\n\nwounded – told “Chosun”';
    const folded = foldWithOffsets(original);
    expect(folded.text).toBe('ri - visibly wounded - told "chosun"');
    const at = folded.text.indexOf('wounded');
    expect(original.slice(folded.offsets[at], (folded.offsets[at + 6] ?? 0) + 1)).toBe('wounded');
    expect(fold('  The  \u00ADsoldier’s ')).toBe("the soldier's");
  });
});

describe('the floor', () => {
  it('names every figure below its floor, above its ceiling, or not measured', () => {
    const totals = { engine: { alignmentRecall: 0.6 } as never, ingest: { residue: 0.08 } as never };
    expect(
      floorBreaches(totals, {
        min: { 'engine.alignmentRecall': 0.5, 'engine.conflictRecall': 0.1 },
        max: { 'ingest.residue': 0.07 },
      }),
    ).toEqual(['engine.conflictRecall: not measured (floor 0.1)', 'ingest.residue: 0.08 is above the ceiling 0.07']);
    expect(floorBreaches(totals, { min: { 'engine.alignmentRecall': 0.6 }, max: {} })).toEqual([]);
  });
});
