// Stage 4: metadata. The headline, the dateline, the wire agency and the publication date come out of the text
// (or the HTML, or the hints) and the headline and dateline leave the body.

import { INGEST } from '../config.js';
import type { IngestHints } from '../types.js';
import { AGENCIES } from './boilerplate-rules.js';
import type { Paragraph } from './reflow.js';

export interface ArticleMetadata {
  title: string;
  dateline: string | null;
  agency: string | null;
  published: string | null;
  outlet: string | null;
}

/** What earlier stages found: the HTML's metadata and the lines the boilerplate stage turned into metadata. */
export interface MetadataSources {
  hints: IngestHints;
  htmlTitle: string | null;
  htmlPublished: string | null;
  htmlSiteName: string | null;
  pageDates: readonly string[];
  agencyCredits: readonly string[];
}

/**
 * A dateline opening the first paragraph: a place in capitals, optionally a date and an agency in brackets,
 * then a dash or a colon.
 * `SEOUL – Seoul affirmed…` → `SEOUL`; `KYIV: Ukraine…` → `KYIV`; `SEOUL, Jan. 12 (Yonhap) -- North Korea…` →
 * `SEOUL`, agency `Yonhap`; `WASHINGTON (AP) — …` → `WASHINGTON`, agency `AP`.
 */
const DATELINE =
  /^(?<place>\p{Lu}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*){0,3})(?:, (?<date>\p{Lu}\p{Ll}{2,8}\.? \d{1,2}))?(?: \((?<agency>[\p{L} ]{2,20})\))? ?(?:[–—]|--?|:) +/u;

/** An agency named in brackets after a place or at the start: `Kyiv (AFP) - …`, `(Yonhap) -- …`. */
const BRACKETED_AGENCY = new RegExp(`\\((${AGENCIES.join('|')})\\)`);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Takes the headline and the dateline out of the paragraphs and gathers the metadata.
 * Precedence: hints (story.json or the caller) are authoritative when given; then the HTML's metadata; then what
 * the page text says.
 */
export function extractMetadata(
  paragraphs: Paragraph[],
  sources: MetadataSources,
): { metadata: ArticleMetadata; paragraphs: Paragraph[] } {
  const { hints } = sources;
  let body = paragraphs;
  let pageTitle: string | null = null;
  const first = body[0];
  const knownTitle = hints.title ?? sources.htmlTitle;
  if (first !== undefined && body.length > 1 && (first.text === knownTitle || looksLikeHeadline(first.text))) {
    pageTitle = first.text;
    body = body.slice(1);
  }

  let dateline: string | null = null;
  let datelineAgency: string | null = null;
  const lead = body.findIndex((p) => p.role === 'body');
  const leadParagraph = body[lead];
  if (leadParagraph !== undefined) {
    const match = DATELINE.exec(leadParagraph.text);
    const rest = match === null ? '' : leadParagraph.text.slice(match[0].length);
    // The rest must still read as a sentence, so "NATO – the alliance…" is not taken for a dateline.
    if (match?.groups?.place !== undefined && /^[“"‘'(]*\p{Lu}/u.test(rest) && isDatelinePlace(match.groups.place)) {
      dateline = match.groups.place;
      datelineAgency = match.groups.agency ?? null;
      body = body.map((p, i) => (i === lead ? { ...p, text: rest } : p));
    }
  }
  const bracketed = leadParagraph === undefined ? null : (BRACKETED_AGENCY.exec(leadParagraph.text)?.[1] ?? null);

  const metadata: ArticleMetadata = {
    title: hints.title ?? sources.htmlTitle ?? pageTitle ?? '',
    dateline,
    agency: hints.agency ?? datelineAgency ?? bracketed ?? sources.agencyCredits[0] ?? null,
    published: hints.published ?? sources.htmlPublished ?? firstDate(sources.pageDates),
    outlet: hints.outlet ?? sources.htmlSiteName ?? null,
  };
  return { metadata, paragraphs: body };
}

/**
 * A headline: a short line that does not end with a full stop.
 * `Seoul says it supports North Korean POWs’ right to asylum in South` → true.
 */
export function looksLikeHeadline(text: string): boolean {
  const words = text.split(' ').length;
  return words <= INGEST.maxHeadlineWords && !/[.:;,][”"’)\]]*$/u.test(text);
}

/** Short all-capital words are often organisations ("NATO –"); a place in a dateline is usually longer or several words. */
function isDatelinePlace(place: string): boolean {
  return place.length >= 3 && !AGENCIES.includes(place);
}

/** `Friday, February 21, 2025` → `2025-02-21`; `21 Feb 2025` → `2025-02-21`. */
export function parsePageDate(line: string): string | null {
  const monthFirst = /(\p{L}{3})\p{L}*\.? (\d{1,2}),? (\d{4})$/u.exec(line);
  const dayFirst = /(\d{1,2}) (\p{L}{3})\p{L}*\.? (\d{4})$/u.exec(line);
  const [month, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  const m = MONTHS.indexOf(month?.toLowerCase() ?? '');
  const d = Number(day);
  if (m < 0 || year === undefined || !(d >= 1 && d <= 31)) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function firstDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    const date = parsePageDate(line);
    if (date !== null) return date;
  }
  return null;
}
