import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../src/config.js';
import type { SentenceFeatures } from '../../src/engine/features.js';
import { countDocumentFrequency, mergeStemVariants } from '../../src/engine/similarity.js';

function sentence(terms: Record<string, number>): SentenceFeatures {
  return { terms: new Map(Object.entries(terms)), quoteTerms: new Map() } as unknown as SentenceFeatures;
}

describe('mergeStemVariants', () => {
  it('merges a stem into its shortest prefix of six letters or more that is a stem of either article', () => {
    const left = [sentence({ constitut: 1, abcdef: 1 })];
    const right = [
      sentence({ constitution: 1, constitutional: 2, 'e:constitutional-court': 1 }),
      sentence({ abcdefgh: 1, abcdefghij: 1, abcdez: 1, offici: 1, office: 1 }),
    ];
    mergeStemVariants([left, right], ENGINE.minSharedStem);
    expect(Object.fromEntries(right[0]?.terms ?? [])).toEqual({ constitut: 3, 'e:constitutional-court': 1 });
    // abcdefghij joins abcdef (shortest), not abcdefgh; "abcdez" and "offic…" share only five letters.
    expect(Object.fromEntries(right[1]?.terms ?? [])).toEqual({ abcdef: 2, abcdez: 1, offici: 1, office: 1 });
    expect(Object.fromEntries(left[0]?.terms ?? [])).toEqual({ constitut: 1, abcdef: 1 });
  });
});

describe('mergeStemVariants document frequencies', () => {
  it('are what counting the merged sentences gives, with term maps shared by sentences of the same text', () => {
    // Stems that extend one another ("constitut", "constitution", "constitutional"), other terms, and
    // sentences that share one map, as the feature cache makes them do for repeated text.
    const term = fc.constantFrom(
      'constitut',
      'constitution',
      'constitutional',
      'abcdef',
      'abcdefgh',
      'offici',
      'e:korea',
      'n::3',
    );
    const terms = fc.dictionary(term, fc.integer({ min: 1, max: 3 }), { maxKeys: 6 });
    const side = fc.array(fc.tuple(terms, fc.nat({ max: 3 })), { maxLength: 6 });
    fc.assert(
      fc.property(side, side, (leftMaps, rightMaps) => {
        const made: SentenceFeatures[] = [];
        const build = (maps: Array<[Record<string, number>, number]>) =>
          maps.map(([record, shareWith]) => {
            const built = made[shareWith] ?? sentence(record);
            made.push(built);
            return built;
          });
        const left = build(leftMaps);
        const right = build(rightMaps);
        const counted = mergeStemVariants([left, right], ENGINE.minSharedStem);
        const recount = new Map<string, number>();
        countDocumentFrequency(left, recount);
        countDocumentFrequency(right, recount);
        for (const [key, value] of recount) expect([key, counted.get(key)]).toEqual([key, value]);
        for (const [key, value] of counted) if (value !== 0) expect([key, recount.get(key)]).toEqual([key, value]);
      }),
      { numRuns: 3000 },
    );
  });
});
