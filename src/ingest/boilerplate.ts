// Stage 2: boilerplate removal, line by line, with the rules in boilerplate-rules.ts. Every line taken out is
// recorded with the rule that took it out, so an editor can check that no real paragraph was dropped.

import { INGEST } from '../config.js';
import type { RemovedLine, SentenceRole } from '../types.js';
import { AGENCIES, CAPTION_CREDIT, type LineRule, type RulePlace } from './boilerplate-rules.js';

/** One kept line of the scrape. */
export interface Line {
  text: string;
  /** A blank line or a removed line stood between this line and the previous kept one. */
  breakBefore: boolean;
  role: SentenceRole;
}

export interface CleanLines {
  lines: Line[];
  removed: RemovedLine[];
  /** Lines the `page-date` rule took out, in order: the metadata stage reads the date from them. */
  pageDates: string[];
  /** Agency names credited on their own line or after the last sentence. */
  agencyCredits: string[];
}

/**
 * The last sentence followed by a bare agency name on the same line.
 * `…have not replied. AFP` → text `…have not replied.`, credit `AFP`.
 */
const TRAILING_CREDIT = new RegExp(`(?<=[.!?”"’])\\s+(${AGENCIES.join('|')})$`);

/** A line that reads like article prose: enough words, ending like a sentence. Boundaries of head and tail. */
function isProse(line: string): boolean {
  const text = line.replace(TRAILING_CREDIT, '');
  return text.split(' ').length >= INGEST.minProseWords && /[.!?…][”"’)\]]*$/u.test(text);
}

/**
 * Removes boilerplate lines. `knownCaptions` are lines the HTML marked as captions (figcaption).
 */
export function removeBoilerplate(
  text: string,
  rules: readonly LineRule[],
  knownCaptions: ReadonlySet<string> = new Set(),
): CleanLines {
  const raw = text.split('\n');
  const proseIndexes = raw.flatMap((line, i) => (isProse(line) ? [i] : []));
  const firstProse = proseIndexes[0] ?? raw.length;
  const lastProse = proseIndexes.at(-1) ?? -1;
  const placeOf = (i: number): RulePlace => (i < firstProse ? 'head' : i > lastProse ? 'tail' : 'anywhere');

  const out: CleanLines = { lines: [], removed: [], pageDates: [], agencyCredits: [] };
  const seen = new Set<string>();
  let pendingBreak = false;
  let previousRule: string | null = null;

  for (const [i, line] of raw.entries()) {
    if (line === '') {
      pendingBreak = true;
      continue;
    }
    const previous = out.lines.at(-1);
    const duplicate = duplicateRule(line, previous, out.lines.length, seen);
    if (duplicate !== null) {
      if (duplicate === 'duplicate-caption' && previous !== undefined) previous.role = 'caption';
      out.removed.push({ text: line, rule: duplicate });
      pendingBreak = true;
      previousRule = duplicate;
      continue;
    }
    const place = placeOf(i);
    const rule = rules.find(
      (r) =>
        (r.place === 'anywhere' || r.place === place) &&
        (r.after === undefined || r.after === previousRule) &&
        r.pattern.test(line),
    );
    if (rule !== undefined && rule.action !== 'caption') {
      out.removed.push({ text: line, rule: rule.name });
      if (rule.action === 'page-date') out.pageDates.push(line);
      if (rule.action === 'agency-credit') out.agencyCredits.push(line);
      pendingBreak = true;
      previousRule = rule.name;
      continue;
    }
    previousRule = null;
    seen.add(line);
    let kept = line;
    if (i === lastProse) {
      const credit = TRAILING_CREDIT.exec(line);
      if (credit?.[1] !== undefined) {
        kept = line.slice(0, credit.index);
        out.removed.push({ text: credit[1], rule: 'agency-credit' });
        out.agencyCredits.push(credit[1]);
      }
    }
    const caption = rule?.action === 'caption' || knownCaptions.has(line) || CAPTION_CREDIT.test(line);
    out.lines.push({
      text: kept,
      breakBefore: pendingBreak && out.lines.length > 0,
      role: caption ? 'caption' : 'body',
    });
    pendingBreak = false;
  }
  return out;
}

/**
 * Scrapers repeat lines: a photo caption taken from both the image's alt text and its figcaption, a headline
 * printed twice, a whole summary printed twice. The adjacent copy of a caption keeps one copy, as a caption;
 * a later copy of any paragraph goes.
 */
function duplicateRule(
  line: string,
  previous: Line | undefined,
  keptCount: number,
  seen: ReadonlySet<string>,
): string | null {
  if (!seen.has(line)) return null;
  if (previous?.text === line) return keptCount === 1 ? 'duplicate-title' : 'duplicate-caption';
  return line.split(' ').length >= INGEST.minDuplicateWords ? 'duplicate-paragraph' : null;
}
