// The folding under which gold anchors are matched: lower case, straight quotes, plain dashes, one space for any
// run of white space, no invisible characters. It keeps a map back to the original offsets, so an anchor found in
// the folded text names a span of the clean text ("The “Louvre”" and "the \"louvre\"" are the same anchor).

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** `offsets[i]` is the offset in the original text of the folded character `i`; one more entry for the end. */
  offsets: number[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const INVISIBLE = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/;
const SPACE = /\s/;

/** Folds one text, remembering where each folded character came from. */
export function foldWithOffsets(original: string): FoldedText {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const char = original[i] ?? '';
    if (INVISIBLE.test(char)) continue;
    if (SPACE.test(char)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (text.length > 0) {
        text += ' ';
        offsets.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    const folded = foldChar(char);
    for (const unit of folded) {
      text += unit;
      offsets.push(i);
    }
  }
  offsets.push(original.length);
  return { text, offsets };
}

/** Folds an anchor or any short text for comparison (no offsets). */
export function fold(text: string): string {
  return foldWithOffsets(text).text;
}

function foldChar(char: string): string {
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (DASHES.test(char)) return '-';
  if (char === '\u2026') return '...';
  return char.normalize('NFKC').toLowerCase();
}

/** Every start offset (in the folded text) where `needle` occurs. */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}
