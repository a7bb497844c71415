// Text helpers shared by the feature extractors and the word diff: one folding rule and one tokenizer,
// so that what the extractors see and what the diff shows are cut the same way.
import { memoize } from './memo.js';

/**
 * The form used for matching: NFKC, straight quotes, plain dashes and spaces, lower case.
 * Offsets are kept (every replacement is one UTF-16 unit for one), so a match found in the folded form
 * can be shown in the outlet's own typography: “Brutal” → "brutal".
 */
export const foldForMatch: (text: string) => string = memoize(fold);

/** Typographic marks and their plain forms, one UTF-16 unit for one. */
const PLAIN_MARKS = new Map<string, string>([
  ...[...'\u2018\u2019\u201a\u201b\u2032'].map((mark): [string, string] => [mark, "'"]),
  ...[...'\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'].map((mark): [string, string] => [mark, '"']),
  ...[...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212'].map((mark): [string, string] => [mark, '-']),
  ...[...'\u00a0\u2007\u202f'].map((mark): [string, string] => [mark, ' ']),
]);
const TYPOGRAPHIC_MARK =
  /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2010-\u2015\u2212\u00a0\u2007\u202f]/g;
/** Anything but printable ASCII, tab and line breaks: other text takes the general path, which is always right. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

function fold(text: string): string {
  // ASCII is its own NFKC form and has no marks to replace: lower case is all there is to do (most words).
  if (!NOT_PLAIN_ASCII.test(text)) return text.toLowerCase();
  const nfkc = text.normalize('NFKC');
  // NFKC may change length (ligatures, full-width forms); then offsets no longer line up, so keep the
  // original text's shape and fold only what is one-for-one.
  const base = nfkc.length === text.length ? nfkc : text;
  // One pass for all marks (the four sets are disjoint and map to ASCII, so the order never mattered).
  const marks = base.replace(TYPOGRAPHIC_MARK, (mark) => PLAIN_MARKS.get(mark) ?? mark);
  const lower = marks.toLowerCase();
  if (lower.length === marks.length) return lower;
  // A rare letter whose lower case is longer ("İ"): lower-case letter by letter, keeping those as they are.
  return marks.replace(/\p{Lu}|\p{Lt}/gu, (letter) => {
    const folded = letter.toLowerCase();
    return folded.length === letter.length ? folded : letter;
  });
}

export type TokenKind = 'word' | 'number' | 'space' | 'punct';

export interface Token {
  text: string;
  kind: TokenKind;
  start: number;
  end: number;
}

/**
 * Words keep non-ASCII letters, inner apostrophes and hyphens (Zelenskyy, Eugénie, Jae-woong, didn't);
 * numbers stay whole with their separators ("10,000", "20.1"); each other character is its own token.
 * Joining the tokens gives back the input exactly.
 */
const TOKEN_PATTERN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['\u2019-][\p{L}\p{M}\p{N}]+)*)|(\s+)|([\s\S])/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    const kind: TokenKind =
      match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : match[3] !== undefined ? 'space' : 'punct';
    tokens.push({ text: match[0], kind, start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * Lower-case words of a text, numbers excluded, hyphenated words also split into parts. Memoised per
 * comparison (the labels ask it of every sentence of both sides of a pair); callers must not change the array.
 */
export const wordsOf: (text: string) => readonly string[] = memoize(wordsOfText);

function wordsOfText(text: string): string[] {
  const words: string[] = [];
  for (const token of tokenize(foldForMatch(text))) {
    if (token.kind !== 'word') continue;
    const bare = token.text.replace(/'s$/, '');
    words.push(bare);
    if (bare.includes('-')) words.push(...bare.split('-').filter((part) => part.length > 0));
  }
  return words;
}

/** Parse a written number: "10,000" → 10000, "20.1" → 20.1. */
export function parseNumeral(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** A key-safe slug: "Lee Jae-woong" → "lee-jae-woong". */
export function slugify(text: string): string {
  return foldForMatch(text)
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
