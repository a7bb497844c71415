// Stage 4: metadata. The headline, the dateline, the wire agency and the publication date come out of the text
// (or the HTML, or the hints); the headline and the dateline leave the body.

import type { IngestHints, SentenceRole } from '../types.js';
import { AGENCIES, AGENCY_NAMES, MONTH } from './boilerplate-rules.js';
import type { Paragraph } from './reflow.js';

export interface ArticleMetadata {
  title: string;
  dateline: string | null;
  agency: string | null;
  published: string | null;
  outlet: string | null;
}

/** A paragraph of the body, after the headline has left. */
export interface BodyParagraph {
  text: string;
  role: SentenceRole;
}

/** What earlier stages found: the HTML's metadata and the lines the boilerplate stage turned into metadata. */
export interface MetadataSources {
  hints: IngestHints;
  htmlTitle: string | null;
  htmlPublished: string | null;
  htmlSiteName: string | null;
  pageDates: readonly string[];
  agencyCredits: readonly string[];
  datelines: readonly string[];
}

const CAPS_PLACE = "\\p{Lu}[\\p{Lu}'’.-]{2,}(?: \\p{Lu}[\\p{Lu}'’.-]+){0,3}";
const TITLE_PLACE = '\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}';
const REGION = '\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}';
const DAY = `(?:${MONTH}) \\d{1,2}(?:, \\d{4})?`;
const AGENCY_IN_BRACKETS = "\\((?<agency>[\\p{L}/' ]{2,24})\\)";
/** An en or em dash, `--`, or a hyphen with spaces: `US-South Korean drills` has no dateline. */
const DASH = '(?: ?[–—] ?| ?-- ?| - )';

/**
 * Datelines that open the lead paragraph, tried in order. Each leaves a lead that still starts like a sentence.
 * `SEOUL – Seoul affirmed…` → `SEOUL`; `SEOUL, Jan. 12 (Yonhap) -- One of…` → `SEOUL`, Yonhap;
 * `SEOUL, South Korea (AP) — North Korea…` → `SEOUL, South Korea`, AP; `SEOUL, Jan 29 : Samsung…` → `SEOUL`;
 * `SEOUL, Nov 2, 2025 (BSS/AFP) - Two…` → `SEOUL`, AFP; `SEOUL, June 26. /TASS/. The…` → `SEOUL`, TASS;
 * `PARIS–French police…` → `PARIS`; `Seoul, South Korea - North Korea…` → `Seoul, South Korea`;
 * `New Delhi: A theft…` → `New Delhi`; `Jan. 11 (UPI) -- Ukraine…` → `Jan. 11`, UPI.
 */
const DATELINES: readonly RegExp[] = [
  new RegExp(
    `^(?<place>${CAPS_PLACE})(?:, (?<region>${REGION}))?(?:,? (?<date>${DAY}))?(?: ?${AGENCY_IN_BRACKETS})?(?:${DASH}| ?: )`,
    'u',
  ),
  new RegExp(`^(?<place>${CAPS_PLACE}), (?<date>${DAY})\\. /(?<agency>\\p{Lu}+)/\\. `, 'u'),
  new RegExp(`^(?<place>${TITLE_PLACE}), (?<region>${REGION})(?: ${AGENCY_IN_BRACKETS})?${DASH}`, 'u'),
  new RegExp(`^(?<place>${TITLE_PLACE})(?:, (?<date>${DAY}))? ${AGENCY_IN_BRACKETS}${DASH}`, 'u'),
  new RegExp(`^(?<place>${TITLE_PLACE}): `, 'u'),
  new RegExp(`^(?<date>${DAY}) ${AGENCY_IN_BRACKETS}${DASH}`, 'u'),
];

/** Words that open a lead like a dateline but are labels: `Exclusive: …`, `BREAKING – …` (compared in lower case). */
const NOT_PLACES = new Set(
  'exclusive breaking watch update updated analysis opinion editorial explainer live video photos source details background note summary comment review interview factbox timeline'.split(
    ' ',
  ),
);

/** An agency in brackets anywhere in the lead: `Kyiv (AFP) - …`. */
const BRACKETED_AGENCY = new RegExp(`\\((?:[\\p{L} ]+/)?(${AGENCIES.join('|')})\\)`, 'u');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Takes the headline and the dateline out of the paragraphs and gathers the metadata.
 * Precedence: hints (story.json or the caller) are authoritative when given; then the HTML's metadata; then what
 * the page text says.
 */
export function extractMetadata(
  paragraphs: readonly Paragraph[],
  sources: MetadataSources,
): { metadata: ArticleMetadata; paragraphs: BodyParagraph[] } {
  const { hints } = sources;
  const headline = paragraphs.find((p) => p.role === 'headline')?.text ?? null;
  let body: BodyParagraph[] = [];
  for (const p of paragraphs) if (p.role !== 'headline') body.push({ text: p.text, role: p.role });

  let dateline: { place: string; agency: string | null; date: string | null } | null = null;
  const lead = body.findIndex((p) => p.role === 'body');
  const leadParagraph = body[lead];
  if (leadParagraph !== undefined) {
    const found = findDateline(leadParagraph.text);
    if (found !== null) {
      dateline = found;
      body = body.map((p, i) => (i === lead ? { ...p, text: found.rest } : p));
    }
  }
  const lineDateline = sources.datelines[0];
  if (dateline === null && lineDateline !== undefined) dateline = parseDatelineLine(lineDateline);

  const bracketed = leadParagraph === undefined ? null : (BRACKETED_AGENCY.exec(leadParagraph.text)?.[1] ?? null);
  const credited = sources.agencyCredits.map(agencyName).find((a) => a !== null) ?? null;
  const metadata: ArticleMetadata = {
    title: hints.title ?? sources.htmlTitle ?? headline ?? '',
    dateline: dateline?.place ?? null,
    agency: hints.agency ?? dateline?.agency ?? bracketed ?? credited ?? null,
    published:
      hints.published ??
      sources.htmlPublished ??
      firstDate(sources.pageDates) ??
      (dateline?.date ? parseDate(dateline.date) : null),
    outlet: hints.outlet ?? sources.htmlSiteName ?? null,
  };
  return { metadata, paragraphs: body };
}

/** The dateline at the start of a lead paragraph, and the lead without it. */
export function findDateline(
  text: string,
): { place: string; agency: string | null; date: string | null; rest: string } | null {
  for (const pattern of DATELINES) {
    const match = pattern.exec(text);
    const groups = match?.groups;
    if (match === null || groups === undefined) continue;
    const rest = text.slice(match[0].length);
    // What is left must still open a sentence, and a label is not a place.
    if (!/^[“"‘'(]*[\p{Lu}\p{N}]/u.test(rest)) continue;
    const place = groups.place ?? groups.date;
    if (place === undefined || NOT_PLACES.has(place.toLowerCase()) || AGENCIES.includes(place)) continue;
    return {
      place: groups.region === undefined ? place : `${place}, ${groups.region}`,
      agency: groups.agency === undefined ? null : agencyName(groups.agency),
      date: groups.date ?? null,
      rest,
    };
  }
  return null;
}

/** `SEOUL` → `SEOUL`; `Seoul, Nov 2 (AFP) Nov 02, 2025` → `Seoul`, AFP, `Nov 02, 2025`. */
function parseDatelineLine(line: string): { place: string; agency: string | null; date: string | null } {
  // One space at most after the bracket (runs of spaces are collapsed by now): `\s*(.*)` could split a run of
  // spaces two ways at every character, which recheck found quadratic.
  const match = /^([^,]+)(?:, [^(]*\(([^)]+)\) ?(.*))?$/u.exec(line);
  return {
    place: match?.[1] ?? line,
    agency: match?.[2] === undefined ? null : agencyName(match[2]),
    date: match?.[3] || null,
  };
}

/** The agency a credit names: `AFP`, `(Yonhap)`, `BSS/AFP`, `The Associated Press` → `AFP`, `Yonhap`, `AFP`, `AP`. */
export function agencyName(credit: string): string | null {
  const text = credit.replace(/[()]/g, '').trim();
  const full = AGENCY_NAMES[text];
  if (full !== undefined) return full;
  for (const part of text.split('/').reverse()) {
    const known = AGENCIES.find((a) => a.toLowerCase() === part.trim().toLowerCase());
    if (known !== undefined) return known;
  }
  return null;
}

/**
 * The first date in a line, as ISO: `Friday, February 21, 2025` → `2025-02-21`; `21 Feb 2025` → `2025-02-21`;
 * `Published : June 26, 2024 - 07:44` → `2024-06-26`; `2024-06-26 | 00:10` → `2024-06-26`.
 */
export function parseDate(line: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  if (iso !== null) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Not \b before the month: under /u it falls between any two non-ASCII letters, so a long run of them (a
  // Korean line) was read from every position; a month starts where no letter, digit or _ stands before it.
  const monthFirst = /(?<![\p{L}\p{N}_])(\p{L}{3})\p{L}*\.? (\d{1,2}),? (\d{4})\b/u.exec(line);
  if (monthFirst !== null) return validDate(Number(monthFirst[3]), monthNumber(monthFirst[1]), Number(monthFirst[2]));
  const dayFirst = /\b(\d{1,2}) (\p{L}{3})\p{L}*\.? (\d{4})\b/u.exec(line);
  if (dayFirst !== null) return validDate(Number(dayFirst[3]), monthNumber(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf(name?.toLowerCase() ?? '') + 1;
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return null;
  return date.toISOString().slice(0, 10);
}

function firstDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    const date = parseDate(line);
    if (date !== null) return date;
  }
  return null;
}
