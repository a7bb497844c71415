import { describe, expect, it } from 'vitest';
import type { SentenceFeatures } from '../../src/engine/features.js';
import { mergeStemVariants } from '../../src/engine/similarity.js';

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
    mergeStemVariants([left, right]);
    expect(Object.fromEntries(right[0]?.terms ?? [])).toEqual({ constitut: 3, 'e:constitutional-court': 1 });
    // abcdefghij joins abcdef (shortest), not abcdefgh; "abcdez" and "offic…" share only five letters.
    expect(Object.fromEntries(right[1]?.terms ?? [])).toEqual({ abcdef: 2, abcdez: 1, offici: 1, office: 1 });
    expect(Object.fromEntries(left[0]?.terms ?? [])).toEqual({ constitut: 1, abcdef: 1 });
  });
});
