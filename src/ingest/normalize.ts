// Stage 1: Unicode and white-space normalisation. Display text keeps the outlet's typography (curly quotes,
// en dashes); only invisible differences go. `foldText` gives the matching form.

/** Spaces that look like a space but are not U+0020: no-break, narrow no-break, figure, thin, ideographic… */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const SPACE_LIKE = /[\t\u000B\u000C\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Characters with no visible width that scrapers leave inside words: zero-width space, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;

/** Control characters other than the line feed (carriage returns are converted first). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0009\u000E-\u001F\u007F-\u009F]/g;

/** Any character that one of the line-ending, SPACE_LIKE, INVISIBLE or CONTROL replacements changes. */
const UNUSUAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\r\u2028\u2029\u0085\t\u000B\u000C\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\u2060\uFEFF\u00AD\u0000-\u0009\u000E-\u001F\u007F-\u009F]/;

/** What one of the space and line-feed replacements in normalizeText changes. */
const SPACING = / {2}| \n|\n |\n\n\n/;

/**
 * Normalises raw text: NFC, `\n` line endings, space-like characters to a space, invisible characters removed,
 * runs of spaces collapsed, lines trimmed, at most one blank line in a row, no leading or trailing blank lines.
 * Idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 *
 * `"Seoul\u00a0says  it\r\n\r\n\r\nsupports\u200b "` → `"Seoul says it\n\nsupports"`
 */
export function normalizeText(raw: string): string {
  const nfc = raw.normalize('NFC');
  // Most scrapes hold none of the characters the next four replacements look for: one scan instead of four.
  const unusual = UNUSUAL.test(nfc);
  const plain = unusual
    ? nfc
        .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
        .replace(SPACE_LIKE, ' ')
        .replace(INVISIBLE, '')
        .replace(CONTROL, (c) => (c === '\n' ? c : ''))
    : nfc;
  // Most scrapes have no run of spaces, no space at the end or start of a line and no run of blank lines: one
  // search for all three, not three passes (and a replacement at every line feed).
  const text = SPACING.test(plain)
    ? plain
        .replace(/ {2,}/g, ' ')
        // After the line above no run of spaces is left: at most one space on each side of a line feed.
        .replace(/ ?\n ?/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : plain.trim();
  // Unless the unusual characters were replaced, the text is still NFC: taking out spaces and line feeds
  // composes nothing (no canonical composition holds either), but taking out a control character between a
  // letter and its accent does.
  return unusual ? text.normalize('NFC') : text;
}

/**
 * The matching form of a text: NFKC, straight quotes, plain hyphens for every dash, lower case.
 * `"Seoul’s “80 per cent” – Jan. 11"` → `"seoul's \"80 per cent\" - jan. 11"`
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .toLowerCase();
}
