// The Unicode sentence-break rules (UAX #29, SB6 to SB11) for text made only of characters whose Sentence_Break
// class is known here: printable ASCII, Latin-1 letters, the curly quotes, the en and em dashes and the ellipsis.
// Intl.Segmenter was a fifth of the ingest; this returns the boundaries it returns for the default English rules
// (test/ingest/segment.test.ts checks it against the segmenter on random and real text), and null for any text
// holding another character, which the caller then gives to the segmenter. No such character can be a paragraph
// separator, Format or Extend, so SB3 to SB5 never apply.

import type { StepCounter } from '../types.js';

const ANY = 0;
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
const UNKNOWN = 9;

/** Sentence_Break classes of U+0000 to U+00FF; UNKNOWN for controls, tab, NEL, NBSP, soft hyphen and signs. */
const LATIN1 = (() => {
  const classes = new Uint8Array(0x100).fill(UNKNOWN);
  for (let code = 0x21; code < 0x7f; code++) classes[code] = ANY;
  classes[0x20] = SP;
  for (let code = 0x30; code <= 0x39; code++) classes[code] = NUMERIC;
  for (let code = 0x41; code <= 0x5a; code++) classes[code] = UPPER;
  for (let code = 0x61; code <= 0x7a; code++) classes[code] = LOWER;
  for (let code = 0xc0; code <= 0xde; code++) classes[code] = UPPER;
  for (let code = 0xdf; code <= 0xff; code++) classes[code] = LOWER;
  classes[0xd7] = UNKNOWN; // ×
  classes[0xf7] = UNKNOWN; // ÷
  classes[0x2e] = ATERM;
  for (const c of '!?') classes[c.charCodeAt(0)] = STERM;
  for (const c of '"\'()[]{}') classes[c.charCodeAt(0)] = CLOSE;
  for (const c of ',-:;') classes[c.charCodeAt(0)] = SCONTINUE;
  return classes;
})();

function sentenceClass(code: number): number {
  if (code < 0x100) return LATIN1[code]!;
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201c: // “
    case 0x201d: // ”
      return CLOSE;
    case 0x2013: // –
    case 0x2014: // —
      return SCONTINUE;
    case 0x2026: // …
      return ANY;
    default:
      return UNKNOWN;
  }
}

/**
 * A character sentenceClass calls UNKNOWN (the same set, written out), and a terminator (ATerm or STerm).
 * Searched with expressions, not loops over char codes: they scan a paragraph about three times faster.
 */
const UNKNOWN_CHARACTER = /[^\x20-\x7e\xc0-\xd6\xd8-\xf6\xf8-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/;
const TERMINATOR = /[.!?]/g;

/**
 * The end offset of every segment Intl.Segmenter('en', { granularity: 'sentence' }) would return for `text`, in
 * order (the last is text.length), or null when the text holds a character this does not know.
 */
export function sentenceEnds(text: string, steps?: StepCounter): number[] | null {
  if (UNKNOWN_CHARACTER.test(text)) return null;
  const length = text.length;
  const ends: number[] = [];
  TERMINATOR.lastIndex = 0; // A shared expression: exec leaves it at 0 once it finds nothing, but be sure.
  for (let match = TERMINATOR.exec(text); match !== null; match = TERMINATOR.exec(text)) {
    const at = match.index;
    const terminator = sentenceClass(text.charCodeAt(at));
    // Only the end of the longest run SATerm Close* Sp* may be a boundary: SB9 and SB10 keep closers and
    // spaces with the terminator.
    let next = at + 1;
    while (next < length && sentenceClass(text.charCodeAt(next)) === CLOSE) next++;
    while (next < length && text.charCodeAt(next) === 0x20) next++;
    if (steps !== undefined) steps.count += next - at;
    if (next < length && breaksAt(text, at, next, terminator === ATERM, steps)) ends.push(next);
  }
  ends.push(length);
  return ends;
}

/** SB6 to SB8a, for the run from the terminator at `terminator` to `next`, the first character after it. */
function breaksAt(text: string, terminator: number, next: number, aTerm: boolean, steps?: StepCounter): boolean {
  const after = sentenceClass(text.charCodeAt(next));
  // SB8a: `etc.,` `?!`.
  if (after === SCONTINUE || after === ATERM || after === STERM) return false;
  if (aTerm) {
    if (next === terminator + 1) {
      // SB6: `58.8`.
      if (after === NUMERIC) return false;
      // SB7: `U.S`.
      if (after === UPPER && terminator > 0) {
        const before = sentenceClass(text.charCodeAt(terminator - 1));
        if (before === UPPER || before === LOWER) return false;
      }
    }
    // SB8: `Jan. 11 and`, `etc. (and`: a lower-case letter before any other letter or terminator.
    for (let at = next; at < text.length; at++) {
      if (steps !== undefined) steps.count++;
      const c = sentenceClass(text.charCodeAt(at));
      if (c === LOWER) return false;
      if (c === UPPER || c === ATERM || c === STERM) break;
    }
  }
  // SB11.
  return true;
}
