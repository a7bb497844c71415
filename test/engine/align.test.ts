import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../src/config.js';
import { sameWordingScore, type Wording } from '../../src/engine/align.js';

/** The rule as first written: count every shared word, then compare the share of the union. */
function sameWordingByCount(a: Wording, b: Wording): number {
  if (a.size < ENGINE.sameWordingMinWords || b.size < ENGINE.sameWordingMinWords) return 0;
  if (Math.min(a.size, b.size) / Math.max(a.size, b.size) < ENGINE.sameWordingShare) return 0;
  let shared = 0;
  for (const stem of a.stems) if (b.stems.has(stem)) shared++;
  for (const key of a.entities) if (b.entities.includes(key)) shared++;
  return shared / (a.size + b.size - shared) >= ENGINE.sameWordingShare ? ENGINE.sameWordingScore : 0;
}

function wording(stems: string[], entities: string[]): Wording {
  const set = new Set(stems);
  const keys = [...new Set(entities)];
  return { stems: set, entities: keys, size: set.size + keys.length };
}

describe('sameWordingScore', () => {
  it('gives the same-wording score to two sentences that differ only in a figure', () => {
    const a = wording(['minist', 'said', 'troop', 'sent'], ['north-korea']);
    const b = wording(['minist', 'said', 'troop', 'sent'], ['north-korea']);
    expect(sameWordingScore(a, b, ENGINE)).toBe(ENGINE.sameWordingScore);
    expect(sameWordingScore(a, wording(['minist', 'said', 'drone', 'attack'], ['north-korea']), ENGINE)).toBe(0);
  });

  it('stops early only where counting every word would say no as well', () => {
    // Small vocabularies, so that most pairs share much and the early exit is tried near the threshold.
    const stems = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmn'), { maxLength: 14 });
    const entities = fc.uniqueArray(fc.constantFrom('e1', 'e2', 'e3', 'e4'), { maxLength: 4 });
    const side = fc.tuple(stems, entities).map(([s, e]) => wording(s, e));
    fc.assert(
      fc.property(side, side, (a, b) => {
        expect(sameWordingScore(a, b, ENGINE)).toBe(sameWordingByCount(a, b));
      }),
      { numRuns: 20_000 },
    );
  });
});
