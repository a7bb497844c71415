// Names outside the alias table: runs of capitalised words ("Lee Jae-woong", "Bank of Korea"), with the words
// that open a sentence with a capital but name nothing (data/not-names.json) and titles before a name left out.
import type { EntityMention } from './aliases.js';
import notNames from './data/not-names.json' with { type: 'json' };
import { codePointBefore, foldForMatch, isWordCodePoint, SpanCursor, slugify } from './text.js';

/** Words that open a sentence with a capital but are not names ("The", "Asked", "However"). */
const NOT_NAMES: ReadonlySet<string> = new Set(notNames.words);

/** Titles that belong before a name but are not part of its key: "President Yoon" → yoon. */
const TITLES = new Set([
  'president',
  'minister',
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'general',
  'spokesperson',
  'spokesman',
]);

/** Lower-case words a name may hold inside ("Bank of Korea") but not end with. */
const LINKING_WORDS = new Set(['of', 'the', 'for', 'on', 'and']);

/**
 * A run of capitalised words from a capital onwards: "Lee Jae-woong", "Bank of Korea". Tried only where
 * capitalisedRuns has found a capital that starts a word.
 */
const CAPITALISED_RUN_AT =
  /\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*(?:\s+(?:(?:of|the|for|on|and)\s+)?\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)*/uy;

/** Answers for non-ASCII code points, kept: whether each is an upper-case letter, \p{Lu}. */
const nonAsciiUpper = new Map<number, boolean>();

function isUpperCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a;
  let isUpper = nonAsciiUpper.get(codePoint);
  if (isUpper === undefined) {
    isUpper = /^\p{Lu}$/u.test(String.fromCodePoint(codePoint));
    nonAsciiUpper.set(codePoint, isUpper);
  }
  return isUpper;
}

/**
 * Each run of capitalised words, left to right, as [start, run]: the matches of
 * `(?<![\p{L}\p{N}'’])` + CAPITALISED_RUN_AT run with matchAll (test/engine/aliases.test.ts checks it).
 * V8 tries a /u look-behind at every position of the text; here the look-behind is asked only at a
 * capital, and the run is matched from there with the sticky expression (a capital always starts one).
 */
export function capitalisedRuns(text: string): Array<[number, string]> {
  const runs: Array<[number, string]> = [];
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    const codePoint = code < 0x80 ? code : (text.codePointAt(at) as number);
    if (isUpperCodePoint(codePoint)) {
      const before = codePointBefore(text, at);
      if (!(before === 0x27 || before === 0x2019 || isWordCodePoint(before))) {
        CAPITALISED_RUN_AT.lastIndex = at;
        const run = (CAPITALISED_RUN_AT.exec(text) as RegExpExecArray)[0];
        runs.push([at, run]);
        at += run.length;
        continue;
      }
    }
    at += codePoint > 0xffff ? 2 : 1;
  }
  return runs;
}

/** `text` with the spans of `mentions` (in text order, as findAliasedEntities gives them) written as spaces. */
function blankOut(text: string, mentions: ReadonlyArray<EntityMention>): string {
  let blanked = '';
  let cursor = 0;
  for (const mention of mentions) {
    if (mention.start > cursor) blanked += text.slice(cursor, mention.start);
    const from = Math.max(mention.start, cursor);
    if (mention.end > from) {
      blanked += ' '.repeat(mention.end - from);
      cursor = mention.end;
    }
  }
  return blanked + text.slice(cursor);
}

/**
 * Names not in the alias table: runs of capitalised words ("Lee Jae-woong", "Reconnaissance General
 * Bureau"), skipping the sentence's first word when it is an ordinary word written with a capital.
 * `taken` holds the names already found (the alias-table mentions, in text order).
 */
export function findOtherEntities(text: string, taken: EntityMention[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  // Blank out names already found, so "Seoul’s Foreign Ministry" still yields "Foreign Ministry".
  const masked = taken.length === 0 ? text : blankOut(text, taken);
  // Runs come in text order: one pass over the names already taken, not one per run.
  const inTaken = new SpanCursor(taken);
  for (const [runStart, run] of capitalisedRuns(masked)) {
    let start = runStart;
    let name = run.endsWith("'s") || run.endsWith('’s') ? run.slice(0, -2) : run;
    const words = name.split(/\s+/);
    while (words.length > 0 && NOT_NAMES.has(foldForMatch(words[0] ?? ''))) {
      const dropped = words.shift() ?? '';
      start = masked.indexOf(words[0] ?? '', start + dropped.length);
    }
    while (words.length > 0 && LINKING_WORDS.has(words[words.length - 1] ?? '')) words.pop();
    if (words.length === 0 || start < 0) continue;
    name = words.length === 1 ? (words[0] as string) : words.join(' ');
    const end = start + name.length;
    if (inTaken.overlaps(start, end)) continue;
    if (words.length === 1 && (name.length < 2 || /^[A-Z]$/.test(name))) continue;
    // The key leaves out titles before the name: "President Yoon" → yoon.
    let first = 0;
    while (words.length - first > 1 && TITLES.has(foldForMatch(words[first] ?? ''))) first++;
    const label = first === 0 ? name : words.slice(first).join(' ');
    mentions.push({ key: slugify(label), label, kind: 'name', text: name, start, end });
  }
  return mentions;
}
