import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithMark } from '../../src/ingest/line-ends.js';

describe('endsWithMark', () => {
  it('answers as /[marks][”"’)\\]]*$/u does (property)', () => {
    const sentence = endsWithMark('.!?…');
    const clause = endsWithMark('.!?…:;');
    const characters = fc.constantFrom(...'a .!?…:;”"’)]“(,-\u2028'.split(''));
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(sentence.test(text)).toBe(/[.!?…][”"’)\]]*$/u.test(text));
        expect(clause.test(text)).toBe(/[.!?…:;][”"’)\]]*$/u.test(text));
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
  });

  it('reads a real line end', () => {
    expect(endsWithMark('.!?…').test('Ri said he wanted to go to South Korea.”')).toBe(true);
    expect(endsWithMark('.!?…').test('Follow topic:')).toBe(false);
    expect(endsWithMark('.!?…:;').test('Follow topic:')).toBe(true);
  });
});
