// Ingest: from a raw scrape (text or HTML) to a clean, segmented Article. Pure: no file system, clock, network
// or environment. The stages run in a fixed order; each lives in its own file.

import { createHash } from 'node:crypto';
import { INGEST } from '../config.js';
import { bug, InputError } from '../errors.js';
import type { Article, IngestHints, IngestInput, Sentence } from '../types.js';
import { removeBoilerplate } from './boilerplate.js';
import { GENERIC_RULES, type LineRule, OUTLET_PROFILES } from './boilerplate-rules.js';
import { decodeInput } from './decode.js';
import { extractHtml, type HtmlExtract, looksLikeHtml } from './html.js';
import { htmlShape } from './html-shape.js';
import { extractMetadata } from './metadata.js';
import { foldText, normalizeText } from './normalize.js';
import { reflowLines } from './reflow.js';
import { PARAGRAPH_SEPARATOR, segmentParagraphs } from './segment.js';

/** Bump when the output of ingestArticle changes for some input: stored articles are re-derived when it does. */
export const INGEST_VERSION = '2';

/**
 * The fingerprint that decides "identical to the latest version": SHA-256 (hex) of the decoded, normalised text,
 * so a re-upload that differs only in invisible ways (CRLF line endings, trailing spaces, a BOM, NFD accents) is a
 * duplicate while any visible change is a new version: "Seoul  says\r\n" and "Seoul says\n" give one fingerprint.
 * HTML is fingerprinted as its normalised source, so a page saved again with changed markup is a new version.
 * Throws InputError ('empty', 'binary', 'invalid-utf8', 'too-large') for input that is not text.
 */
export function fingerprint(raw: string | Uint8Array): string {
  return createHash('sha256')
    .update(normalizeText(decodeInput(raw)))
    .digest('hex');
}

/** Runs the ingest pipeline. Throws InputError for input that is not an article, and nothing else. */
export function ingestArticle(input: IngestInput): Article {
  const hints: IngestHints = input.hints ?? {};
  // Size, encoding and binary checks come before any work, so no stage sees bytes that are not text.
  const decoded = decodeInput(input.raw);
  // HTML goes through Readability first, then the same text stages as a text scrape.
  const html = isHtml(decoded, hints) ? extractHtmlOrThrow(decoded) : null;
  // Invisible differences (no-break spaces, CRLF, NFD accents) must not reach the rules or the offsets.
  const normalized = normalizeText(html?.text ?? decoded);
  if (!/[\p{L}\p{N}]/u.test(normalized)) {
    throw new InputError('no-sentences', 'The input holds no words, so it has no sentence to compare.');
  }
  // Boilerplate goes before reflow, so a removed line between two halves of a sentence cannot keep them apart.
  const clean = removeBoilerplate(
    normalized,
    rulesFor(hints, normalized),
    new Set(html?.captions ?? []),
    hints.title ?? html?.title ?? null,
  );
  if (clean.lines.length === 0) {
    throw new InputError('no-article-text', 'Every line of the input is boilerplate: there is no article text.');
  }
  // Reflow before metadata, so the dateline is found at the start of the re-joined first paragraph.
  const paragraphs = reflowLines(clean.lines);
  // Metadata takes the headline and dateline out of the body before sentences are counted.
  const { metadata, paragraphs: body } = extractMetadata(paragraphs, {
    hints,
    htmlTitle: html?.title ?? null,
    htmlPublished: html?.published ?? null,
    htmlSiteName: html?.siteName ?? null,
    pageDates: clean.pageDates,
    agencyCredits: clean.agencyCredits,
    datelines: clean.datelines,
  });
  const language = hints.language ?? 'en';
  // Segmentation last: offsets point into the final clean text.
  const sentences = segmentParagraphs(body, language);
  const text = body.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
  if (sentences.length === 0) {
    throw new InputError('no-sentences', 'No sentence is left once the headline and boilerplate are taken out.');
  }
  if (sentences.length > INGEST.maxSentences) {
    throw new InputError(
      'too-large',
      `The article has ${sentences.length} sentences; the limit is ${INGEST.maxSentences}.`,
    );
  }
  checkSpans(text, sentences);
  return {
    id: hints.id ?? contentId(text),
    outlet: metadata.outlet,
    agency: metadata.agency,
    title: metadata.title,
    dateline: metadata.dateline,
    published: metadata.published,
    version: hints.version ?? 1,
    language,
    text,
    sentences,
    removed: clean.removed,
  };
}

function isHtml(text: string, hints: IngestHints): boolean {
  return hints.contentType === undefined ? looksLikeHtml(text) : hints.contentType === 'text/html';
}

function extractHtmlOrThrow(html: string): HtmlExtract {
  // Shape before DOM: a page built to be slow is refused before linkedom and Readability run.
  const shape = htmlShape(html);
  if (shape.elements > INGEST.maxHtmlElements) {
    throw new InputError(
      'too-complex',
      `This page has ${shape.elements} HTML elements; the limit is ${INGEST.maxHtmlElements}. Save only the article, or paste its text.`,
    );
  }
  if (shape.depth > INGEST.maxHtmlDepth) {
    throw new InputError(
      'too-complex',
      `This page nests HTML elements ${shape.depth} deep; the limit is ${INGEST.maxHtmlDepth}. Save only the article, or paste its text.`,
    );
  }
  const extract = extractHtml(html);
  if (extract === null) {
    throw new InputError('no-article-text', 'No article text could be found in this HTML page.');
  }
  return extract;
}

/** Generic rules first, then the rules of the outlet or agency profiles that apply to this scrape. */
function rulesFor(hints: IngestHints, text: string): LineRule[] {
  const named = [hints.outlet, hints.agency].filter((n) => n !== undefined);
  const profiles = OUTLET_PROFILES.filter(
    (p) =>
      named.some((n) => p.applies.test(n)) ||
      ((p.signatureContains === undefined || text.includes(p.signatureContains)) && p.signature.test(text)),
  );
  return [...GENERIC_RULES, ...profiles.flatMap((p) => p.rules)];
}

/** A stable id from the clean text: the same article scraped twice gets the same id. */
function contentId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** The contract's invariant: spans cover the text, in order, with only white space between them. */
function checkSpans(text: string, sentences: readonly Sentence[]): void {
  let cursor = 0;
  for (const s of sentences) {
    if (s.start < cursor || text.slice(s.start, s.end) !== s.text || text.slice(cursor, s.start).trim() !== '') {
      throw bug(`sentence ${s.index} does not fit the clean text at ${s.start}–${s.end}`);
    }
    cursor = s.end;
  }
  if (text.slice(cursor).trim() !== '' || sentences[0]?.start !== 0) {
    throw bug('sentence spans do not cover the clean text');
  }
}

export { foldText, normalizeText };
