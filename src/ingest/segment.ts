// Stage 5: sentence segmentation. Intl.Segmenter finds candidate boundaries (it keeps every character, so offsets
// are exact, and it leaves "58.8" and "11,000" whole); merge rules then undo the splits it makes after
// abbreviations, initials, ellipses inside quotations and a quotation's own question mark. For text of common
// characters, sentenceEnds (sentence-break.ts) finds the same boundaries without the segmenter.

import { INGEST } from '../config.js';
import type { Sentence, SentenceRole } from '../types.js';
import { ABBREVIATIONS_BEFORE_NAME, ABBREVIATIONS_MAY_END, SENTENCE_STARTERS } from './abbreviations.js';
import { sentenceEnds } from './sentence-break.js';

export interface SegmentParagraph {
  text: string;
  role: SentenceRole;
}

/** Joins paragraphs into the article's clean text, one blank line between paragraphs. */
export const PARAGRAPH_SEPARATOR = '\n\n';

const BEFORE_NAME = new Set(ABBREVIATIONS_BEFORE_NAME);
const MAY_END = new Set(ABBREVIATIONS_MAY_END);
const STARTERS = new Set(SENTENCE_STARTERS);

/** A span of a paragraph: [start, end) offsets into the paragraph text; `end` excludes trailing white space. */
interface Span {
  start: number;
  end: number;
}

/** The word before a segment's final full stop: `…met Dr.` → `Dr`; `…in the U.S.` → `U.S`. */
const LAST_WORD_BEFORE_STOP = /(?:^|[\s(“"‘'[])([\p{L}.]+)\.$/u;

/** A segment ending with an ellipsis, possibly before a closing quote. */
const ENDS_WITH_ELLIPSIS = /(?:\.{3}|…)$/u;

/** A quotation closed by its own question or exclamation mark: `…would they take me?”`. */
const ENDS_WITH_QUOTED_QUESTION = /[?!][”"’]$/u;

/**
 * An attribution after a quotation: up to four words then a speech verb.
 * `Ri said, when asked about his plan for the future.` → attribution.
 */
const ATTRIBUTION =
  /^(?:[\p{L}'’.-]+ ){1,4}?(?:said|says|asked|asks|told|tells|added|adds|wrote|writes|replied|recalled|insisted|explained|stated|noted|continued|according)\b/u;

/** After opening quotes or brackets, a lower-case letter: `he said.` continues the quotation's sentence. */
const STARTS_LOWER = /^[“"‘'([]*\p{Ll}/u;

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Splits paragraphs into sentences whose offsets point into `paragraphs.map(p => p.text).join('\n\n')`.
 */
export function segmentParagraphs(paragraphs: readonly SegmentParagraph[], language: string): Sentence[] {
  const segmenter = segmenterFor(language);
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const [paragraph, p] of paragraphs.entries()) {
    for (const span of splitParagraph(p.text, p.role, segmenter)) {
      sentences.push({
        index: sentences.length,
        text: p.text.slice(span.start, span.end),
        paragraph,
        role: p.role,
        start: offset + span.start,
        end: offset + span.end,
      });
    }
    offset += p.text.length + PARAGRAPH_SEPARATOR.length;
  }
  return sentences;
}

/** Candidate boundaries from Intl.Segmenter, then the merge rules, in order. */
export function splitParagraph(text: string, role: SentenceRole, segmenter: Intl.Segmenter): Span[] {
  const spans: Span[] = [];
  const quotes = quotationTracker(text);
  for (const { start: from, end: to, glued } of segmenterSpans(text, segmenter)) {
    const segment = text.slice(from, to);
    const trimmed = segment.trimEnd();
    if (trimmed === '') continue;
    const start = from + (segment.length - segment.trimStart().length);
    for (const [k, candidate] of splitGlued(text, start, from + trimmed.length).entries()) {
      const previous = spans.at(-1);
      if (previous !== undefined && ((glued && k === 0) || shouldMerge(text, previous, candidate, role, quotes))) {
        previous.end = candidate.end;
      } else {
        spans.push(candidate);
      }
    }
  }
  // A first segment of punctuation only ("— ") joins the sentence after it.
  const [first, second] = spans;
  if (first !== undefined && second !== undefined && !HAS_WORD.test(text.slice(first.start, first.end))) {
    second.start = first.start;
    spans.shift();
  }
  return spans;
}

/**
 * Intl.Segmenter's segments, except that an opening quotation mark it left at the end of a segment moves to the
 * start of the next: `…its army.“` | `Our soldiers…` → `…its army.` | `“Our soldiers…`.
 *
 * V8's segment iterator slows down quadratically on long strings (a 100 KB paragraph takes seconds), so the
 * segmenter reads windows of at most SEGMENTER_WINDOW characters, cut after a full stop and a space where the
 * window has one. A window cut elsewhere marks the next segment `glued`: it is no sentence start.
 */
function segmenterSpans(text: string, segmenter: Intl.Segmenter): (Span & { glued: boolean })[] {
  const spans: (Span & { glued: boolean })[] = [];
  let windowStart = 0;
  let glued = false;
  while (windowStart < text.length) {
    let windowEnd = Math.min(text.length, windowStart + SEGMENTER_WINDOW);
    let forced = false;
    if (windowEnd < text.length) {
      const window = text.slice(windowStart, windowEnd);
      const cut = lastMatchEnd(window, /[.!?…][”"’)\]]*\s+/gu) ?? lastMatchEnd(window, /\s+/gu);
      forced = cut === null || !/[.!?…]/u.test(window.slice(0, cut).trimEnd().slice(-3));
      if (cut !== null && cut > 0) windowEnd = windowStart + cut;
    }
    let start = windowStart;
    for (const segmentEnd of segmentEnds(text.slice(windowStart, windowEnd), segmenter)) {
      let end = windowStart + segmentEnd;
      const last = text.charCodeAt(end - 1);
      if (end < text.length && (last === 0x201c || last === 0x2018) && end - 1 > start) end -= 1;
      spans.push({ start, end, glued });
      glued = false;
      start = end;
    }
    if (start < windowEnd) spans.push({ start, end: windowEnd, glued: false });
    glued = forced;
    windowStart = windowEnd;
  }
  return spans;
}

/** The end offset of each of the segmenter's segments of `text`, computed without it where sentenceEnds can. */
function segmentEnds(text: string, segmenter: Intl.Segmenter): number[] {
  const ends = isPlainEnglish(segmenter) ? sentenceEnds(text) : null;
  if (ends !== null) return ends;
  return Array.from(segmenter.segment(text), ({ segment, index }) => index + segment.length);
}

/**
 * Whether a segmenter follows the default (untailored) English sentence rules, the ones sentenceEnds knows.
 */
function isPlainEnglish(segmenter: Intl.Segmenter): boolean {
  let plain = plainEnglish.get(segmenter);
  if (plain === undefined) {
    plain = /^en(?:-[A-Za-z0-9]+)*$/.test(segmenter.resolvedOptions().locale);
    plainEnglish.set(segmenter, plain);
  }
  return plain;
}

const plainEnglish = new WeakMap<Intl.Segmenter, boolean>();

function lastMatchEnd(text: string, pattern: RegExp): number | null {
  let end: number | null = null;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/**
 * Scrapes that lost the space after a full stop glue sentences together, and Intl.Segmenter does not split them:
 * `…according to the South Korean military.In a message sent to reporters…` → two candidates;
 * `…its trajectory.A military source said…` → two; `…its army.“Our soldiers…` → two. The merge rules
 * then keep `U.S.Army` whole.
 */
const GLUED = /(?<=[\p{L}\p{N})\]][.!?][”"’]?)(?=[“"‘]?\p{Lu}(?:\p{Ll}|\s))/gu;

/**
 * A terminator with something other than a space right after it: GLUED needs a quote or a capital there, so
 * without one the expression (a /u look-behind tried everywhere, ~3 % of a seed comparison) is skipped.
 */
const MAY_BE_GLUED = /[.!?][^ ]/;

/** GLUED's splits of text[start, end). */
function splitGlued(text: string, start: number, end: number): Span[] {
  const piece = text.slice(start, end);
  if (!MAY_BE_GLUED.test(piece)) return [{ start, end }];
  const spans: Span[] = [];
  let from = start;
  for (const match of piece.matchAll(GLUED)) {
    const at = start + match.index;
    if (at > from) spans.push({ start: from, end: at });
    from = at;
  }
  spans.push({ start: from, end });
  return spans;
}

/** True when the boundary between `previous` and `next` is not a sentence end. */
function shouldMerge(text: string, previous: Span, next: Span, role: SentenceRole, quotes: QuotationTracker): boolean {
  // The rules look at the end of the sentence so far only; a bounded slice keeps long paragraphs linear.
  const before = text.slice(Math.max(previous.start, previous.end - LOOK_BACK), previous.end);
  const after = text.slice(next.start, next.end);
  // `… — ` alone, or a stray closing bracket: no words, no sentence of its own.
  if (!HAS_WORD.test(after)) return true;
  // `…on Jan. 11.` | `[YONHAP]`, `… 2025.` | `(PHOTO NOT FOR SALE) (Yonhap)`: brackets alone belong to the sentence before.
  if (/^(?:[[(][^\])]*[\])]\s*)+$/u.test(after)) return true;
  // A caption's credit after its last sentence: `…Ongjin, Incheon.` | `Yonhap`; `…in Seoul.` | `© Jung Yeon-je / AFP`.
  if (role === 'caption' && next.end === text.length && !/[.!?…][”"’)\]]*$/u.test(after)) return true;
  // `he said.`: a sentence does not begin in lower case.
  if (STARTS_LOWER.test(after)) return true;
  const word = LAST_WORD_BEFORE_STOP.exec(before)?.[1];
  if (word !== undefined) {
    // `Dr.` | `Lee`: a title is followed by its name.
    if (BEFORE_NAME.has(word)) return true;
    // `Jan.` | `11`, `U.S.` | `Army`, `J.` | `R. R. Tolkien`: unless the next word opens sentences.
    if (MAY_END.has(word) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return !STARTERS.has(firstWord(after));
  }
  // `“I have made up my mind … [ROK].` | `If I apply for asylum, would they take me?” Ri said…`: a quotation that
  // closes later in the paragraph stays one sentence with its attribution, up to a length cap.
  const inside = quotes.insideAt(previous.end);
  if (
    inside &&
    quotes.closesAtOrAfter(next.start) &&
    withinWords(text, previous.start, next.end, INGEST.maxQuotationWords)
  ) {
    return true;
  }
  // `truly brutal...` | `I had never seen…”`: an ellipsis inside a quotation is a pause, not an end.
  if (ENDS_WITH_ELLIPSIS.test(before) && inside) return true;
  // `…would they take me?”` | `Ri said, when asked…`: the attribution belongs to the quotation.
  if (ENDS_WITH_QUOTED_QUESTION.test(before) && ATTRIBUTION.test(after)) return true;
  return false;
}

function firstWord(text: string): string {
  return /^[“"‘'([]*([\p{L}\p{N}]+)/u.exec(text)?.[1] ?? '';
}

/** Characters. Intl.Segmenter reads a paragraph in windows this long (see segmenterSpans). */
const SEGMENTER_WINDOW = 2000;

/** Characters. The merge rules read at most this much of the sentence before a boundary. */
const LOOK_BACK = 200;

interface QuotationTracker {
  /** True when more quotations were opened than closed before `position` (curly quotes; straight ones by parity). */
  insideAt(position: number): boolean;
  /** True when a mark that can close a quotation stands at or after `position`. */
  closesAtOrAfter(position: number): boolean;
}

/**
 * Counts quotation marks as the boundaries advance (they are asked in increasing order), so a paragraph is read
 * once, not once per boundary.
 */
function quotationTracker(text: string): QuotationTracker {
  let cursor = 0;
  let opened = 0;
  let closed = 0;
  let straight = 0;
  // Found when first asked: only a boundary inside a quotation asks.
  let lastClose: number | undefined;
  return {
    insideAt(position) {
      for (; cursor < position; cursor++) {
        const c = text[cursor];
        if (c === '“') opened++;
        else if (c === '”') closed++;
        else if (c === '"') straight++;
      }
      return opened + closed > 0 ? opened > closed : straight % 2 === 1;
    },
    closesAtOrAfter(position) {
      lastClose ??= lastClosingMark(text);
      return lastClose >= position;
    },
  };
}

/**
 * Math.max(text.lastIndexOf('”'), text.lastIndexOf('"')), with the straight quote looked for after the last
 * curly one only: a paragraph without straight quotes is not read back to its start.
 */
export function lastClosingMark(text: string): number {
  const curly = text.lastIndexOf('”');
  return text.indexOf('"', curly + 1) === -1 ? curly : text.lastIndexOf('"');
}

/** True when text[start, end) holds at most `limit` words; gives up early on long spans. */
function withinWords(text: string, start: number, end: number, limit: number): boolean {
  if (end - start > limit * 40) return false;
  return (
    text
      .slice(start, end)
      .split(/\s+/)
      .filter((w) => w !== '').length <= limit
  );
}

/**
 * One segmenter per language tag for the life of the process: building one (and resolving its locale) cost
 * more than segmenting a whole article, and a segmenter keeps no state between segment() calls.
 */
const segmenters = new Map<string, Intl.Segmenter>();
const MAX_SEGMENTERS = 32;

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(segmenterLocale(language), { granularity: 'sentence' });
    // Language tags come from input: a few are real, so an odd stream of made-up ones only empties the map.
    if (segmenters.size >= MAX_SEGMENTERS) segmenters.clear();
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Intl.Segmenter needs a valid locale; an unknown language tag falls back to English rules. */
function segmenterLocale(language: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([language])[0] ?? 'en';
  } catch {
    return 'en';
  }
}
