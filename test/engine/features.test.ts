import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAliasedEntities, newEntityContext } from '../../src/engine/aliases.js';
import { findOtherEntities } from '../../src/engine/capitalised-names.js';
import { mergeByStart } from '../../src/engine/features.js';

describe('mergeByStart', () => {
  it('gives what a stable sort of the two lists joined gives', () => {
    // Items carry their list and place, so a tie broken the wrong way shows.
    const sortedList = (tag: string) =>
      fc
        .array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 })
        .map((starts) => [...starts].sort((a, b) => a - b).map((start, k) => ({ start, id: `${tag}${k}` })));
    fc.assert(
      fc.property(sortedList('a'), sortedList('b'), (first, second) => {
        const merged = mergeByStart(first, second);
        expect(merged).toEqual([...first, ...second].sort((x, y) => x.start - y.start));
        expect(merged).not.toBe(first);
      }),
      { numRuns: 5000 },
    );
  });

  it('puts a sentence’s alias-table names and other names in text order', () => {
    const text = 'Foreign Ministry spokesperson Lee Jae-woong told reporters in Seoul that Ri could go to South Korea.';
    const aliased = findAliasedEntities(text, newEntityContext());
    const entities = mergeByStart(aliased, findOtherEntities(text, aliased));
    expect(entities.map((entity) => entity.text)).toEqual([
      'Foreign Ministry',
      'Lee Jae-woong',
      'Seoul',
      'Ri',
      'South Korea',
    ]);
  });
});
