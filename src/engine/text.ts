// Text helpers shared by the feature extractors and the word diff: one folding rule and one tokenizer,
// so that what the extractors see and what the diff shows are cut the same way.
import type { StepCounter } from '../types.js';
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
/** The plain form of each typographic mark, by UTF-16 unit. */
const PLAIN_BY_CODE: Array<string | undefined> = [];
for (const [mark, plain] of PLAIN_MARKS) PLAIN_BY_CODE[mark.charCodeAt(0)] = plain;
/** Anything but printable ASCII, tab and line breaks: other text takes the general path, which is always right. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;
/**
 * ASCII and the marks that are their own NFKC form and combine with nothing (curly quotes, dashes, not
 * the spaces, U+2011 or U+2033): text of these alone is already NFKC, so normalize() can be skipped.
 */
const NFKC_AS_IS =
  /^[\t\n\r\x20-\x7e\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb\u2010\u2012-\u2015\u2212]*$/;

/** Each typographic mark as its plain form (one UTF-16 unit for one): ‘it’s’ → 'it's'. */
function plainMarks(text: string): string {
  let plain = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const mark = code >= 0xa0 ? PLAIN_BY_CODE[code] : undefined;
    if (mark !== undefined) {
      plain += text.slice(copied, at) + mark;
      copied = at + 1;
    }
  }
  return copied === 0 ? text : plain + text.slice(copied);
}

function fold(text: string): string {
  // ASCII is its own NFKC form and has no marks to replace: lower case is all there is to do (most words).
  if (!NOT_PLAIN_ASCII.test(text)) return text.toLowerCase();
  let base = text;
  if (!NFKC_AS_IS.test(text)) {
    const nfkc = text.normalize('NFKC');
    // NFKC may change length (ligatures, full-width forms); then offsets no longer line up, so keep the
    // original text's shape and fold only what is one-for-one.
    base = nfkc.length === text.length ? nfkc : text;
  }
  const marks = plainMarks(base);
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
 * Joining the tokens gives back the input exactly. The tokens are those of the /u expression
 * `(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['\u2019-][\p{L}\p{M}\p{N}]+)*)|(\s+)|([\s\S])`
 * (test/engine/tokenize.test.ts holds it and checks), scanned by hand: every sentence is tokenized several
 * times per comparison, and the match objects of matchAll were a large share of the garbage.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (start, end, kind) => tokens.push({ text: text.slice(start, end), kind, start, end }));
  return tokens;
}

/** The tokens of `tokenize(text)`, in order, as offsets and kinds: no token object or string for the caller to skip. */
export function forEachToken(text: string, visit: (start: number, end: number, kind: TokenKind) => void): void {
  const length = text.length;
  let start = 0;
  while (start < length) {
    const code = text.charCodeAt(start);
    let end: number;
    let kind: TokenKind;
    if (isDigit(code)) {
      kind = 'number';
      end = numberEnd(text, start);
    } else {
      const first = characterClass(text, start);
      if ((first & LETTER_OR_MARK) !== 0) {
        kind = 'word';
        end = wordEnd(text, start);
      } else if ((first & SPACE) !== 0) {
        kind = 'space';
        end = start + codePointWidth(text, start);
        while (end < length && (characterClass(text, end) & SPACE) !== 0) end += codePointWidth(text, end);
      } else {
        kind = 'punct';
        end = start + codePointWidth(text, start);
      }
    }
    visit(start, end, kind);
    start = end;
  }
}

/**
 * The word tokens of `tokenize(text)`, in order, without building the others: words can only start where
 * a letter or mark is, and numbers, spaces and punctuation hold none, so stepping over everything else one
 * code point at a time finds the same words. For the callers that want words alone (feature terms,
 * wordsOf), this saves a Token object per token.
 */
export function forEachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  const length = text.length;
  let start = 0;
  while (start < length) {
    const code = text.charCodeAt(start);
    // ASCII that is not a letter (space, digit, punctuation) never starts a word.
    const isLetter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    if (isLetter || (code >= 0x80 && (characterClass(text, start) & LETTER_OR_MARK) !== 0)) {
      const end = wordEnd(text, start);
      visit(text.slice(start, end), start, end);
      start = end;
    } else start += code < 0x80 ? 1 : codePointWidth(text, start);
  }
}

const LETTER_OR_MARK = 1;
const NUMBER = 2;
const SPACE = 4;
const LETTER_MARK_OR_NUMBER = LETTER_OR_MARK | NUMBER;

/** Character classes of non-ASCII code points, computed once each: the Unicode tables behind \p{…} and \s. */
const nonAsciiClasses = new Map<number, number>();

function characterClass(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER_OR_MARK;
    if (isDigit(code)) return NUMBER;
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? SPACE : 0;
  }
  const codePoint = text.codePointAt(at) as number;
  let found = nonAsciiClasses.get(codePoint);
  if (found === undefined) {
    const character = String.fromCodePoint(codePoint);
    found =
      (/^[\p{L}\p{M}]$/u.test(character) ? LETTER_OR_MARK : 0) |
      (/^\p{N}$/u.test(character) ? NUMBER : 0) |
      (/^\s$/u.test(character) ? SPACE : 0);
    nonAsciiClasses.set(codePoint, found);
  }
  return found;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** 2 for a surrogate pair, read whole as /u does; 1 otherwise (a lone surrogate included). */
function codePointWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function digitsEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  return at;
}

/** "10,000.5": one to three digits and thousands groups, or plain digits; then decimals if any. */
function numberEnd(text: string, start: number): number {
  let end = digitsEnd(text, start);
  if (end - start <= 3) {
    // Thousands groups only count after one to three digits: "1234,567" is 1234 , 567.
    let grouped = end;
    while (text.charCodeAt(grouped) === 0x2c && digitsEnd(text, grouped + 1) >= grouped + 4) grouped += 4;
    end = grouped;
  }
  if (text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
  return end;
}

/** A word: letters, marks and digits, joined by single apostrophes or hyphens ("Jae-woong", "didn't"). */
function wordEnd(text: string, start: number): number {
  const length = text.length;
  let end = start + codePointWidth(text, start);
  for (;;) {
    while (end < length && (characterClass(text, end) & LETTER_MARK_OR_NUMBER) !== 0) end += codePointWidth(text, end);
    const joiner = text.charCodeAt(end);
    const isJoiner = joiner === 0x27 || joiner === 0x2019 || joiner === 0x2d;
    if (!isJoiner || end + 1 >= length || (characterClass(text, end + 1) & LETTER_MARK_OR_NUMBER) === 0) return end;
    end += 1;
  }
}

/**
 * Lower-case words of a text, numbers excluded, hyphenated words also split into parts. Memoised per
 * comparison (the labels ask it of every sentence of both sides of a pair); callers must not change the array.
 */
export const wordsOf: (text: string) => readonly string[] = memoize(wordsOfText);

function wordsOfText(text: string): string[] {
  const words: string[] = [];
  forEachWord(foldForMatch(text), (word) => {
    const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
    words.push(bare);
    if (bare.includes('-')) for (const part of bare.split('-')) if (part.length > 0) words.push(part);
  });
  return words;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** Whether a code point (undefined at either end of the text) is a letter or a digit, \p{L} or \p{N}. */
export function isWordCodePoint(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x30 && codePoint <= 0x39)
    );
  }
  let isWord = nonAsciiWord.get(codePoint);
  if (isWord === undefined) {
    isWord = WORD_CHARACTER.test(String.fromCodePoint(codePoint));
    nonAsciiWord.set(codePoint, isWord);
  }
  return isWord;
}

/** Answers for non-ASCII code points, kept: curly quotes and dashes come up in every sentence. */
const nonAsciiWord = new Map<number, boolean>();

/** The code point that ends right before `at`, a surrogate pair read whole as a /u look-behind does. */
export function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (isLowSurrogate(low) && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

/**
 * The matches of a global expression in a text, as `[...text.matchAll(pattern)]` gives them, without the
 * copy of the expression that matchAll makes on every call (~0.2 µs a call, for a few matches at most). The
 * pattern's own lastIndex is used: set to 0 first, and left at 0 (exec resets it when no match is left).
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    // An empty match moves on by one character (a code point with /u), as matchAll does.
    if (match[0] === '') pattern.lastIndex = match.index + (pattern.unicode ? codePointWidth(text, match.index) : 1);
  }
  return matches;
}

/** White space other than a single space: where `text.replace(/\s+/g, ' ')` changes anything. */
const ODD_SPACE = /[^\S ]| {2}/;

/**
 * Each run of white space as one space: "a \n b" → "a b". Most text has single spaces only and comes back
 * as it is, without the replace building a copy.
 */
export function collapseSpaces(text: string): string {
  return ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Parse a written number: "10,000" → 10000, "20.1" → 20.1. */
export function parseNumeral(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Folded text that is already a slug but for its spaces: ASCII letters and digits joined by single spaces or hyphens. */
const PLAIN_SLUG = /^[a-z0-9]+(?:[ -][a-z0-9]+)*$/;

/** A key-safe slug: "Lee Jae-woong" → "lee-jae-woong". */
export function slugify(text: string): string {
  const folded = foldForMatch(text);
  // Most names need no more than their spaces turned into hyphens (the general path gives the same).
  if (PLAIN_SLUG.test(folded)) return folded.replace(/ /g, '-');
  return (
    folded
      .replace(/'s\b/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      // The look-behind starts a trailing run only at its first dash, so a long run is read once, not once per dash.
      .replace(/^-+|(?<!-)-+$/g, '')
  );
}

/**
 * Whether ranges asked in text order overlap any of a sentence's spans (names, dates, quotes). The spans are
 * sorted by start once, and a pointer moves past those that end before the range asked: a sentence is read once,
 * so one long sentence full of dates costs its length, not its tokens times its dates.
 */
export class SpanCursor {
  private readonly spans: ReadonlyArray<{ start: number; end: number }>;
  private at = 0;

  constructor(
    spans: ReadonlyArray<{ start: number; end: number }>,
    private readonly steps?: StepCounter,
  ) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }

  /** Ranges must be asked with non-decreasing starts. */
  overlaps(start: number, end: number): boolean {
    while (this.at < this.spans.length && (this.spans[this.at]?.end ?? 0) <= start) {
      this.at++;
      if (this.steps !== undefined) this.steps.count++;
    }
    for (let i = this.at; i < this.spans.length; i++) {
      if (this.steps !== undefined) this.steps.count++;
      const span = this.spans[i] as { start: number; end: number };
      if (span.start >= end) return false;
      if (span.end > start) return true;
    }
    return false;
  }
}
