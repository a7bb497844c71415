import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, forEachWord, type Token, type TokenKind, tokenize } from '../../src/engine/text.js';

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
