// Dates resolved against the article's publication date and into the past, as news is written:
// in a story of Friday 21 Feb 2025, "Wednesday" → 2025-02-19, "last month" → 2025-01,
// "In January" → 2025-01, "Jan. 11" → 2025-01-11, "on Feb 19" → 2025-02-19.

import { allMatches } from './text.js';

export type DatePrecision = 'day' | 'month' | 'year' | 'week';

export interface DateMention {
  /** ISO date (YYYY-MM-DD), month (YYYY-MM), year (YYYY), or for a week its Monday and Sunday "YYYY-MM-DD/YYYY-MM-DD". */
  value: string;
  precision: DatePrecision;
  text: string;
  start: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH_NAME =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?)?\\.?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';

// Case-sensitive on purpose: "May" the month is capitalised, "may" the verb is not.
const MONTH_DAY = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}(?:,?\\s+(\\d{4})\\b)?`, 'g');
const MONTH_ALONE = new RegExp(
  `\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Ll]ast|[Tt]his|[Bb]y|[Uu]ntil|[Oo]f|[Ff]rom|[Tt]hrough)\\s+${MONTH_NAME}(?:\\s+(\\d{4}))?(?![\\s.]*\\d)`,
  'g',
);
/** Every spelling MONTH_NAME accepts starts with one of these (case matters there too). */
const MONTH_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const RELATIVE =
  /\b(yesterday|today|last week|last month|last year|this year|this month|earlier this month|earlier this year)\b/gi;
/** Every phrase RELATIVE accepts holds one of these (in any case): a cheaper test that can only say yes wrongly. */
const RELATIVE_HINT = /day|last|this/i;
const YEAR = /\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]f|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate)\s+((?:19|20)\d\d)\b/g;

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function isoMonth(year: number, month0: number): string {
  const date = new Date(Date.UTC(year, month0, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** A day written without a year is the latest such day not after publication (a few days' slack for time zones). */
function resolveDay(month0: number, day: number, year: number | undefined, published: Date | null): string | null {
  if (day < 1 || day > 31) return null;
  if (year !== undefined) return isoDay(new Date(Date.UTC(year, month0, day)));
  if (published === null) return null;
  let candidateYear = published.getUTCFullYear();
  const slackMs = 2 * 86_400_000;
  if (Date.UTC(candidateYear, month0, day) > published.getTime() + slackMs) candidateYear -= 1;
  return isoDay(new Date(Date.UTC(candidateYear, month0, day)));
}

export function parsePublished(published: string | null): Date | null {
  if (published === null || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return null;
  const date = new Date(`${published}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date found at `start`, unless `value` is null or an earlier pattern took part of its text. */
function addDate(
  found: DateMention[],
  value: string | null,
  precision: DatePrecision,
  start: number,
  matched: string,
): void {
  if (value === null) return;
  const end = start + matched.length;
  if (found.some((other) => start < other.end && other.start < end)) return;
  found.push({ value, precision, text: matched, start, end });
}

export function findDates(text: string, published: Date | null): DateMention[] {
  const found: DateMention[] = [];
  // Most sentences name no month and hold no digit: then the patterns that need one cannot match, and
  // skipping them saves four scans of the sentence.
  const hasMonth = MONTH_HINT.test(text);
  const hasDigit = /\d/.test(text);
  // "Feb 19" and "19 Feb": the same date, its day and month captured in the other order.
  for (const [pattern, monthFirst] of [
    [MONTH_DAY, true],
    [DAY_MONTH, false],
  ] as const) {
    for (const match of hasMonth && hasDigit ? allMatches(pattern, text) : []) {
      const [whole, first = '', second = '', year] = match;
      const [month, day] = monthFirst ? [first, second] : [second, first];
      addDate(
        found,
        resolveDay(monthIndex(month), Number(day), year === undefined ? undefined : Number(year), published),
        'day',
        match.index,
        whole,
      );
    }
  }
  for (const match of hasMonth ? allMatches(MONTH_ALONE, text) : []) {
    const [whole, month = '', year] = match;
    const month0 = monthIndex(month);
    let value: string | null = null;
    if (year !== undefined) value = isoMonth(Number(year), month0);
    else if (published !== null) {
      const publishedYear = published.getUTCFullYear();
      value = isoMonth(month0 > published.getUTCMonth() ? publishedYear - 1 : publishedYear, month0);
    }
    addDate(found, value, 'month', match.index, whole);
  }
  if (published !== null) {
    // Every weekday name ends in "day": most sentences skip the scan.
    for (const match of text.includes('day') ? allMatches(WEEKDAY, text) : []) {
      const weekday = WEEKDAYS.indexOf((match[1] ?? '').toLowerCase());
      // The most recent such day, the publication day included: news says "on Wednesday" for today too.
      // The day after publication counts as that day: a page dated Tuesday in New York tells of a launch
      // on Wednesday in Seoul. Before → after: "Wednesday" on 2024-06-25 (Tue) → 2024-06-26, not 06-19.
      let back = (published.getUTCDay() - weekday + 7) % 7;
      if (back === 6) back = -1;
      addDate(found, isoDay(new Date(published.getTime() - back * 86_400_000)), 'day', match.index, match[0]);
    }
    for (const match of RELATIVE_HINT.test(text) ? allMatches(RELATIVE, text) : []) {
      const phrase = (match[1] ?? '').toLowerCase();
      const year = published.getUTCFullYear();
      const month0 = published.getUTCMonth();
      if (phrase === 'yesterday')
        addDate(found, isoDay(new Date(published.getTime() - 86_400_000)), 'day', match.index, match[0]);
      else if (phrase === 'today') addDate(found, isoDay(published), 'day', match.index, match[0]);
      else if (phrase === 'last month') addDate(found, isoMonth(year, month0 - 1), 'month', match.index, match[0]);
      else if (phrase === 'this month' || phrase === 'earlier this month')
        addDate(found, isoMonth(year, month0), 'month', match.index, match[0]);
      else if (phrase === 'last year') addDate(found, String(year - 1), 'year', match.index, match[0]);
      else if (phrase === 'this year' || phrase === 'earlier this year')
        addDate(found, String(year), 'year', match.index, match[0]);
      else if (phrase === 'last week') {
        const sinceMonday = (published.getUTCDay() + 6) % 7;
        const monday = new Date(published.getTime() - (sinceMonday + 7) * 86_400_000);
        const sunday = new Date(monday.getTime() + 6 * 86_400_000);
        addDate(found, `${isoDay(monday)}/${isoDay(sunday)}`, 'week', match.index, match[0]);
      }
    }
  }
  for (const match of hasDigit ? allMatches(YEAR, text) : []) {
    const year = match[1] ?? '';
    addDate(found, year, 'year', match.index + match[0].length - year.length, year);
  }
  return found.sort((a, b) => a.start - b.start);
}

function bounds(mention: Pick<DateMention, 'value' | 'precision'>): [string, string] {
  switch (mention.precision) {
    case 'day':
      return [mention.value, mention.value];
    case 'month':
      return [`${mention.value}-01`, `${mention.value}-31`];
    case 'year':
      return [`${mention.value}-01-01`, `${mention.value}-12-31`];
    case 'week': {
      const [from = '', to = ''] = mention.value.split('/');
      return [from, to];
    }
  }
}

/** Two dates are compatible when one span contains the other: 2025-02-19 lies in 2025-02 and in 2025. */
export function datesCompatible(a: DateMention, b: DateMention): boolean {
  const [aFrom, aTo] = bounds(a);
  const [bFrom, bTo] = bounds(b);
  return (aFrom <= bFrom && bTo <= aTo) || (bFrom <= aFrom && aTo <= bTo);
}
