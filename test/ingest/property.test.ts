import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingestArticle, normalizeText } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';
import { STRAITS_TIMES, YONHAP } from './helpers.js';

/** Fixed seed: a failure is reproducible, and the suite's outcome does not depend on the run. */
const RUN = { seed: 20250219, numRuns: 300 };

/** Lines of the seeds, boilerplate included, plus white-space and punctuation pieces: inputs shaped like scrapes. */
const seedLines = [...STRAITS_TIMES.split('\n'), ...YONHAP.split('\n')];
const piece = fc.oneof(
  fc.constantFrom(...seedLines),
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '\r\n',
    '\t',
    '“',
    '”',
    '...',
    '…',
    'U.S.',
    'Jan. 11',
    '?”',
    '<p>',
    '</p>',
    '\u200b',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const separator = fc.constantFrom('\n', '\n\n', ' ', '');
const scrape = fc
  .array(fc.tuple(piece, separator), { maxLength: 30 })
  .map((parts) => parts.map(([text, sep]) => text + sep).join(''));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  scrape,
);

function spansRebuildText(article: Article): boolean {
  let cursor = 0;
  for (const s of article.sentences) {
    if (article.text.slice(s.start, s.end) !== s.text || article.text.slice(cursor, s.start).trim() !== '')
      return false;
    cursor = s.end;
  }
  return article.sentences[0]?.start === 0 && cursor === article.text.length;
}

describe('ingestArticle on arbitrary strings', () => {
  it('returns an Article whose spans rebuild its text, or throws an InputError, and nothing else', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        let article: Article;
        try {
          article = ingestArticle({ raw });
        } catch (error) {
          return error instanceof InputError;
        }
        return spansRebuildText(article) && article.sentences.every((s) => s.text.trim() === s.text && s.text !== '');
      }),
      RUN,
    );
  });

  it('accepts arbitrary bytes the same way', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => {
        try {
          return spansRebuildText(ingestArticle({ raw }));
        } catch (error) {
          return error instanceof InputError;
        }
      }),
      RUN,
    );
  });
});

describe('normalizeText', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      RUN,
    );
  });
});
