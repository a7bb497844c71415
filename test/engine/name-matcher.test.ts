import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aliasedInOnePass,
  aliasedInTwoPasses,
  compileAliases,
  findAliasedEntities,
  newEntityContext,
} from '../../src/engine/aliases.js';
import { capitalisedRuns } from '../../src/engine/capitalised-names.js';
import aliasData from '../../src/engine/data/aliases.json' with { type: 'json' };
import { NameMatcher } from '../../src/engine/name-matcher.js';
import { foldForMatch } from '../../src/engine/text.js';

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

// Alias-table names in several casings, names that overlap ("South Korea", "South Korean", "the South"),
// cased names ("US", "the North") beside lower-case look-alikes, typographic marks, and text that folding
// changes beyond case (é, a ligature, a combining mark, a surrogate pair) so the one pass must step aside.
const aliasPiece = fc.constantFrom(
  'South Korea',
  'south korean',
  'the South',
  'the South ',
  'The South',
  'Korean',
  'North Korea',
  'N. Korea',
  'US',
  'us',
  'U.S.',
  'UN',
  'the daily',
  'Chosun Ilbo',
  'Seoul',
  "Seoul's spy agency",
  'Seoul’s spy agency',
  'Kim Jong-un',
  'Kursk',
  'the North',
  'ROK',
  'RO',
  'the',
  'the south korean',
  'u.s. army',
  'U.S. Army',
  'Seoul’s',
  ' ',
  '  ',
  '\n',
  '.',
  "'",
  '’',
  '“',
  '—',
  '-',
  'x',
  '7',
  'é',
  'ﬁ',
  'e\u0301',
  '😀',
  '\u00a0',
);
const aliasText = fc.array(aliasPiece, { maxLength: 16 }).map((pieces) => pieces.join(''));

/** A small table where a folded and a cased name start alike: "the" and "the South", "us" and "US". */
const SMALL = compileAliases({
  entities: [
    { key: 'south', label: 'South', kind: 'country', names: ['the South', 'the south korean', 'South Korea', 'ROK'] },
    { key: 'the', label: 'The', kind: 'word', names: ['the', 'us', 'Seoul’s'] },
    { key: 'us', label: 'US', kind: 'country', names: ['US', 'U.S.', 'u.s. army'] },
  ],
  referBack: [{ kind: 'newspaper', names: ['the daily'] }],
  equivalences: [],
});
const REAL = compileAliases(aliasData);

describe('aliasedInOnePass', () => {
  it('finds what the two passes and the sort find, or steps aside', () => {
    const withPaper = newEntityContext();
    findAliasedEntities('Chosun Ilbo', withPaper);
    let onePass = 0;
    fc.assert(
      fc.property(aliasText, fc.boolean(), fc.boolean(), (sample, paper, small) => {
        const table = small ? SMALL : REAL;
        const context = paper ? withPaper : newEntityContext();
        const folded = foldForMatch(sample);
        const expected = aliasedInTwoPasses(table, sample, folded, context);
        const found = folded.length === sample.length ? aliasedInOnePass(table, sample, folded, context) : null;
        if (found !== null) {
          onePass++;
          expect(found).toEqual(expected);
        }
        if (!small) {
          const copy = paper ? { lastOfKind: new Map(withPaper.lastOfKind) } : newEntityContext();
          expect(findAliasedEntities(sample, copy)).toEqual(expected);
        }
      }),
      { numRuns: 6000 },
    );
    expect(onePass).toBeGreaterThan(1000);
  });
});
