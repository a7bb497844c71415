import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, normalizeText } from '../../src/ingest/index.js';
import { STRAITS_TIMES, YONHAP } from './helpers.js';

describe('normalizeText', () => {
  it.each([
    ['CRLF and CR line endings become \\n', 'a\r\nb\rc', 'a\nb\nc'],
    ['no-break and narrow spaces become spaces', 'Seoul\u00a0says\u202fit', 'Seoul says it'],
    ['zero-width space, word joiner, BOM and soft hyphen go', '\ufeffSe\u200boul\u2060 re\u00adport', 'Seoul report'],
    ['runs of spaces and tabs collapse', 'a  \t b', 'a b'],
    ['lines are trimmed', '  a  \n  b  ', 'a\nb'],
    ['at most one blank line in a row', 'a\n\n\n\nb', 'a\n\nb'],
    ['decomposed accents are composed (NFC)', 'Muse\u0301e', 'Musée'],
    ['typography stays: curly quotes and dashes', 'SEOUL – “80 per cent”', 'SEOUL – “80 per cent”'],
    ['line and paragraph separators become \\n', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['control characters go', 'a\u0007b', 'ab'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('is idempotent on the seeds', () => {
    for (const seed of [STRAITS_TIMES, YONHAP]) {
      const once = normalizeText(seed);
      expect(normalizeText(once)).toBe(once);
    }
  });

  it('composes a letter and an accent that an invisible character kept apart', () => {
    const once = normalizeText('e\u200b\u0301');
    expect(once).toBe('é');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('foldText', () => {
  it('straightens quotes, plain dashes, NFKC, lower case', () => {
    expect(foldText('Seoul’s “80 per cent” – Jan. 11 — ﬁne…')).toBe('seoul\'s "80 per cent" - jan. 11 - fine...');
  });

  it('folds the two outlets’ spellings of the same quote to the same form', () => {
    expect(foldText('“brutal”')).toBe(foldText('"Brutal"'));
  });
});

describe('normalizeText skips replacements only where they change nothing', () => {
  /** The whole chain of replacements, always run: what normalizeText must equal. */
  const reference = (raw: string): string =>
    raw
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: tab, vertical tab and form feed are space-like.
      .replace(/[\t\u000B\u000C\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/[\u200B\u2060\uFEFF\u00AD]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the reference removes control characters.
      .replace(/[\u0000-\u0009\u000E-\u001F\u007F-\u009F]/g, '')
      .replace(/ {2,}/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
      .normalize('NFC');
  it('matches the full chain on text with and without unusual characters (property)', () => {
    const characters = fc.constantFrom(
      ...'ab é\n\r\t\u000b\u000c\u00a0\u1680\u2003\u200a\u200b\u202f\u205f\u3000\u2060\ufeff\u00ad\u0001\u0085\u2028\u2029\u007f\u0301'.split(
        '',
      ),
      // Marks and letters that compose or reorder (cedilla before acute, Hangul jamo), next to spaces and line feeds.
      ...['e', '\u0327', '\u1100', '\u1161', '\u11a8', '  ', ' \n', '\n ', '\n\n\n'],
    );
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 24, size: 'max' }), (chars) => {
        const raw = chars.join('');
        expect(normalizeText(raw)).toBe(reference(raw));
      }),
      { seed: 20251124, numRuns: 20_000 },
    );
  });
});
