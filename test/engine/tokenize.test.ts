import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collapseSpaces,
  foldForMatch,
  forEachWord,
  type Token,
  type TokenKind,
  tokenize,
} from '../../src/engine/text.js';

/** The regular expression the hand-written tokenizer stands in for. */
const TOKEN_PATTERN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['\u2019-][\p{L}\p{M}\p{N}]+)*)|(\s+)|([\s\S])/gu;

function byRegExp(text: string): Token[] {
  return [...text.matchAll(TOKEN_PATTERN)].map((match) => {
    const kind: TokenKind =
      match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : match[3] !== undefined ? 'space' : 'punct';
    return { text: match[0], kind, start: match.index, end: match.index + match[0].length };
  });
}

// Pieces that meet at the edges the pattern cares about: thousands groups, decimals, joiners, marks,
// non-ASCII letters, digits and spaces, surrogate pairs and a lone surrogate.
const piece = fc.constantFrom(
  '1',
  '12',
  '1234',
  ',',
  ',000',
  '.',
  '.5',
  "'",
  '\u2019',
  '-',
  'a',
  'Zé',
  'e\u0301',
  '\u0301',
  '٣',
  '²',
  ' ',
  '\u00a0',
  '\t\n',
  '\u3000',
  '😀',
  '𝐀',
  '\ud800',
  '"',
  'Jae-woong',
  "didn't",
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('tokenize', () => {
  it('cuts exactly where the token pattern cuts', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(tokenize(sample)).toEqual(byRegExp(sample));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts any Unicode text as the pattern does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (sample) => {
        expect(tokenize(sample)).toEqual(byRegExp(sample));
      }),
      { numRuns: 2000 },
    );
  });

  it('visits exactly the word tokens with forEachWord', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (sample) => {
        const words: Token[] = [];
        forEachWord(sample, (word, start, end) => words.push({ text: word, kind: 'word', start, end }));
        expect(words).toEqual(byRegExp(sample).filter((token) => token.kind === 'word'));
      }),
      { numRuns: 4000 },
    );
  });

  it('keeps numbers, names and contractions whole', () => {
    const sample = 'Jae-woong didn’t see 10,000 or 20.1 (1234,567).';
    expect(tokenize(sample)).toEqual(byRegExp(sample));
    expect(
      tokenize(sample)
        .filter((token) => token.kind !== 'space')
        .map((token) => token.text),
    ).toEqual(['Jae-woong', 'didn’t', 'see', '10,000', 'or', '20.1', '(', '1234', ',', '567', ')', '.']);
  });
});

describe('collapseSpaces', () => {
  it('gives what replacing each white-space run by one space gives', () => {
    const spacing = fc.constantFrom(
      'a',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u3000',
      '\u2028',
      '\ufeff',
      '\u200b',
      'b c',
    );
    const sample = fc.oneof(
      fc.array(spacing, { maxLength: 12 }).map((pieces) => pieces.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(sample, (text) => {
        expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
      }),
      { numRuns: 4000 },
    );
  });
});

/** Folding as first written: NFKC when it keeps the length, each mark by a regular expression, lower case. */
function foldByRegExp(text: string): string {
  const plain: Record<string, string> = {};
  for (const mark of '\u2018\u2019\u201a\u201b\u2032') plain[mark] = "'";
  for (const mark of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb') plain[mark] = '"';
  for (const mark of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') plain[mark] = '-';
  for (const mark of '\u00a0\u2007\u202f') plain[mark] = ' ';
  const nfkc = text.normalize('NFKC');
  const base = nfkc.length === text.length ? nfkc : text;
  const marks = base.replace(
    /[\u2018-\u201f\u2032\u2033\u00ab\u00bb\u2010-\u2015\u2212\u00a0\u2007\u202f]/g,
    (mark) => plain[mark] ?? mark,
  );
  const lower = marks.toLowerCase();
  if (lower.length === marks.length) return lower;
  return marks.replace(/\p{Lu}|\p{Lt}/gu, (letter) => {
    const folded = letter.toLowerCase();
    return folded.length === letter.length ? folded : letter;
  });
}

describe('foldForMatch', () => {
  it('folds as NFKC, plain marks and lower case do, keeping the length', () => {
    const mark = fc.constantFrom(
      'A',
      'b',
      ' ',
      'İ',
      'ﬁ',
      'Ａ',
      'e\u0301',
      '\u0301',
      '’',
      '‘',
      '“',
      '”',
      '—',
      '–',
      '\u2011',
    );
    const other = fc.constantFrom(
      '\u2033',
      '\u00a0',
      '\u2007',
      '\u202f',
      '\u2032',
      '«',
      '»',
      '\u2212',
      '😀',
      '\ud800',
      'ⓐ',
      'ǅ',
    );
    const sample = fc.oneof(
      fc.array(fc.oneof(mark, other), { maxLength: 14 }).map((pieces) => pieces.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(sample, (text) => {
        expect(foldForMatch(text)).toBe(foldByRegExp(text));
      }),
      { numRuns: 4000 },
    );
  });
});
