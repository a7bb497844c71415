// Stage 2: boilerplate removal, line by line, with the rules in boilerplate-rules.ts. Every line taken out is
// recorded with the rule that took it out, so an editor can check that no real paragraph was dropped.
//
// The scrape is read in three regions: the head (before the first line of prose: site name, headline, byline,
// date), the article, and the tail (after the last line of prose: credits, tags, related links). Most rules hold
// in one region only, which keeps them narrow: "SEOUL" alone is a dateline in the head and a word anywhere else.

import { INGEST } from '../config.js';
import type { RemovedLine, SentenceRole } from '../types.js';
import {
  CAPTION_CREDIT,
  INLINE_RULES,
  type LineRule,
  RELATED_HEADING,
  type RulePlace,
  TRAILING_CREDIT,
} from './boilerplate-rules.js';
import { looksLikeHeadline } from './headline.js';
import { endsWithMark } from './line-ends.js';

/** Where a kept line stands: a sentence role, or the headline (which the metadata stage takes out). */
export type LineRole = SentenceRole | 'headline';

/** One kept line of the scrape. */
export interface Line {
  text: string;
  role: LineRole;
}

export interface CleanLines {
  lines: Line[];
  removed: RemovedLine[];
  /** Text the date rules took out (page date, time stamps, bylines with dates): `published` comes from these. */
  pageDates: string[];
  /** Agency names credited on their own line or after the last sentence. */
  agencyCredits: string[];
  /** Datelines printed on a line of their own ("SEOUL"). */
  datelines: string[];
}

/** A line that ends like a sentence. */
const ENDS_SENTENCE = endsWithMark('.!?…');

/** Ends like a sentence or a label: what follows it is not a list of links. */
const ENDS_CLAUSE = endsWithMark('.!?…:;');

/** Whether a line ends with a letter or ")": only then can TRAILING_CREDIT match (it ends with an agency name). */
function mayEndWithCredit(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return last === 0x29 || (last >= 0x41 && last <= 0x5a) || (last >= 0x61 && last <= 0x7a);
}

/**
 * A line that reads like article prose: enough words, ending like a sentence, or so long that it is article text
 * even though the scrape cut it mid-sentence. Bounds the head and the tail.
 */
export function isProse(line: string): boolean {
  const text = mayEndWithCredit(line) ? line.replace(TRAILING_CREDIT, '') : line;
  // Enough words, counted only as far as needed: most lines are long prose, decided after a few words.
  const enough = ENDS_SENTENCE.test(text)
    ? Math.min(INGEST.minProseWords, INGEST.minLongLineWords)
    : INGEST.minLongLineWords;
  return wordCount(text, enough) >= enough;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Answers for non-ASCII code points, kept: every line is counted, and most of its characters repeat. */
const nonAsciiLetterOrDigit = new Map<number, boolean>();

function isLetterOrDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  const codePoint = text.codePointAt(at) as number;
  let answer = nonAsciiLetterOrDigit.get(codePoint);
  if (answer === undefined) {
    answer = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
    nonAsciiLetterOrDigit.set(codePoint, answer);
  }
  return answer;
}

/**
 * The words of a line: stretches between single spaces that hold a letter or a digit ("—" and "|" are not
 * words). The count of `text.split(' ')` parts matching /[\p{L}\p{N}]/u, scanned by hand: it runs on every
 * line, and splitting allocated a string per word. The count stops at `limit`: callers compare it with a bound.
 */
export function wordCount(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let counted = false;
  for (let at = 0; at < text.length && count < limit; at++) {
    if (text.charCodeAt(at) === 0x20) counted = false;
    else if (!counted && isLetterOrDigit(text, at)) {
      count++;
      counted = true;
    }
  }
  return count;
}

/**
 * Removes boilerplate lines and marks captions and the headline.
 * `knownCaptions`: lines the HTML marked as captions (figcaption). `knownTitle`: the headline from hints or HTML.
 */
export function removeBoilerplate(
  text: string,
  rules: readonly LineRule[],
  knownCaptions: ReadonlySet<string> = new Set(),
  knownTitle: string | null = null,
): CleanLines {
  const out: CleanLines = { lines: [], removed: [], pageDates: [], agencyCredits: [], datelines: [] };
  const raw = text.split('\n').map((line) => applyInlineRules(line, out));
  const prose = new ProseLines(raw);
  const cut = relatedLinksStart(raw, prose);
  // A credit or note that a head or tail rule knows is not prose, even when it ends with a full stop:
  // `(The article has been published through a syndicated feed. …)` must not make itself the last paragraph.
  const framing = rules.filter((r) => r.place !== 'anywhere' && r.after === undefined);
  const [firstProse, lastProse] = firstAndLast(
    cut,
    (i) => prose.at(i) && !framing.some((r) => r.pattern.test(raw[i] as string)),
  );
  const chrome = tailChrome(
    raw,
    lastProse,
    cut,
    (line, i) => ruleFor(rules, line, placeOf(i, firstProse, lastProse), null) !== undefined,
  );

  // Kept lines by their raw text: a later line replaces an earlier one of the same text.
  const keptByText = new Map<string, Line>();
  let headline: Line | null = null;
  let previousRule: string | null = null;
  let previousRaw: string | null = null;

  for (const [i, line] of raw.entries()) {
    if (line === '') continue;
    const adjacentCopy = previousRaw === line;
    previousRaw = line;
    if (i >= cut) {
      previousRule = removeLine(out, line, 'related-links');
      continue;
    }
    const copy = keptByText.get(line);
    if (copy !== undefined) {
      if (copy === headline) {
        previousRule = removeLine(out, line, 'duplicate-headline');
        continue;
      }
      if (adjacentCopy) {
        // The same line twice in a row: a caption scraped from the image and from its figcaption.
        copy.role = 'caption';
        previousRule = removeLine(out, line, 'duplicate-caption');
        continue;
      }
      if (wordCount(line, INGEST.minDuplicateWords) >= INGEST.minDuplicateWords) {
        previousRule = removeLine(out, line, 'duplicate-paragraph');
        continue;
      }
    }
    const rule = ruleFor(rules, line, placeOf(i, firstProse, lastProse), previousRule);
    if (rule !== undefined) {
      if (rule.action === 'page-date') out.pageDates.push(line);
      if (rule.action === 'agency-credit') out.agencyCredits.push(line);
      if (rule.action === 'dateline') out.datelines.push(line);
      previousRule = removeLine(out, line, rule.name);
      continue;
    }
    if (chrome.has(i)) {
      previousRule = removeLine(out, line, 'tail-chrome');
      continue;
    }
    let kept = line;
    if (i === lastProse) {
      const credit = TRAILING_CREDIT.exec(line);
      if (credit?.[1] !== undefined) {
        kept = line.slice(0, credit.index);
        out.removed.push({ text: line.slice(credit.index).trim(), rule: 'agency-credit' });
        out.agencyCredits.push(credit[1].replace(/[()]/g, ''));
      }
    }
    let role: LineRole = 'body';
    if ((knownCaptions.size > 0 && knownCaptions.has(kept)) || CAPTION_CREDIT.test(kept)) {
      role = 'caption';
    } else if (i < firstProse) {
      // The head holds the headline, perhaps a standfirst, and page furniture before and after them.
      if (headline === null && (kept === knownTitle || looksLikeHeadline(kept))) {
        role = 'headline';
      } else if (
        wordCount(kept, INGEST.maxPageHeaderWords + 1) <= INGEST.maxPageHeaderWords &&
        !ENDS_CLAUSE.test(kept)
      ) {
        // `Japan Today`, `SpaceWar.com - Your World At War`, `2min`: a site name, section or widget, not text.
        previousRule = removeLine(out, line, 'page-header');
        continue;
      } else if (headline !== null) {
        role = 'standfirst';
      }
    }
    const entry: Line = { text: kept, role };
    if (role === 'headline') headline = entry;
    out.lines.push(entry);
    keptByText.set(line, entry);
    previousRule = null;
  }
  // A headline with no article under it is the article: `The council met on Monday` pasted alone is one sentence.
  if (headline !== null && !out.lines.some((l) => l.role === 'body')) headline.role = 'body';
  return out;
}

/** Whether each line is prose, worked out once per line: the related-links search and the prose bounds both ask. */
class ProseLines {
  private readonly answers: Array<boolean | undefined> = [];

  constructor(private readonly lines: readonly string[]) {}

  at(i: number): boolean {
    this.answers[i] ??= isProse(this.lines[i] as string);
    return this.answers[i];
  }
}

/** Where line `i` stands: before the first line of prose, after the last, or among them. */
function placeOf(i: number, firstProse: number, lastProse: number): RulePlace {
  return i < firstProse ? 'head' : i > lastProse ? 'tail' : 'anywhere';
}

/** The first rule that removes `line` in its place of the page, after a line removed by `previousRule`. */
function ruleFor(
  rules: readonly LineRule[],
  line: string,
  place: RulePlace,
  previousRule: string | null,
): LineRule | undefined {
  return rules.find(
    (r) =>
      (r.place === 'anywhere' || r.place === place) &&
      (r.after === undefined || r.after === previousRule) &&
      r.pattern.test(line),
  );
}

/** Notes `line` as removed by `rule`, and gives the rule back for the next line's rules to see. */
function removeLine(out: CleanLines, line: string, rule: string): string {
  out.removed.push({ text: line, rule });
  return rule;
}

/**
 * The first and the last index below `end` where `holds`, or [end, -1] if there is none. Searched from each end,
 * so the lines between are never asked (asking is a word count and a dozen expressions per line).
 */
export function firstAndLast(end: number, holds: (i: number) => boolean): [number, number] {
  let first = 0;
  while (first < end && !holds(first)) first++;
  if (first === end) return [end, -1];
  let last = end - 1;
  while (last > first && !holds(last)) last--;
  return [first, last];
}

/** Applies the inline rules to one line; a rule applies only if text is left once its part is out. */
function applyInlineRules(line: string, out: CleanLines): string {
  let text = line;
  for (const rule of INLINE_RULES) {
    if (rule.contains !== undefined && !text.includes(rule.contains)) continue;
    const parts = text.match(rule.pattern);
    if (parts === null) continue;
    const rest = text.replace(rule.pattern, '').trim();
    if (!/[\p{L}\p{N}]/u.test(rest)) continue;
    for (const part of parts) {
      out.removed.push({ text: part.trim(), rule: rule.name });
      if (rule.action === 'page-date') out.pageDates.push(part);
    }
    text = rest;
  }
  return text;
}

/**
 * Index of the heading that starts a list of other articles ("More from Headlines", "Recent Posts"), or the number
 * of lines when there is none. Only after some prose: a page never lists related links before its article.
 */
function relatedLinksStart(lines: readonly string[], prose: ProseLines): number {
  let seenProse = false;
  for (const [i, line] of lines.entries()) {
    if (seenProse && RELATED_HEADING.test(line)) return i;
    if (!seenProse && prose.at(i)) seenProse = true;
  }
  return lines.length;
}

/**
 * Tail lines that are page furniture: after the last sentence, three or more lines, at least one of which a rule
 * already knows, and none of the others ending like a sentence (a credit, "Share"). Tags
 * (`World News`, `North Korea`, `Missile`) and sidebars of headlines with view counts look like this; a truncated
 * last paragraph (one line) does not.
 */
function tailChrome(
  lines: readonly string[],
  lastProse: number,
  cut: number,
  known: (line: string, i: number) => boolean,
): Set<number> {
  const tail: number[] = [];
  for (let i = lastProse + 1; i < cut; i++) if (lines[i] !== '') tail.push(i);
  const unknown = tail.filter((i) => !known(lines[i] as string, i));
  const furniture =
    tail.length >= INGEST.minTailChromeLines &&
    unknown.length < tail.length &&
    unknown.every((i) => !ENDS_CLAUSE.test(lines[i] as string));
  return new Set(furniture ? tail : []);
}
