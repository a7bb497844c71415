// Labels for a matched pair: `differ` when the two outlets say something incompatible (another figure,
// date, speaker, quoted wording or a negation), otherwise `agree`; either way with the reasons a reader
// can check. Added detail and equivalent wording are reported but do not make a pair differ.
import type { DiffRun, Reason, Relation } from '../types.js';
import { aliasesIn, aliasKind } from './aliases.js';
import { type DateMention, datesCompatible } from './dates.js';
import { canonicalPhrase } from './equivalences.js';
import type { SentenceFeatures } from './features.js';
import { memoize } from './memo.js';
import { STOPWORDS, sameName, stem } from './nlp.js';
import { describeNumber, findNumbers, isCountNoun, type NumberMention, numbersAgree } from './numbers.js';
import type { Speaker } from './quotes.js';
import { foldForMatch, forEachWord, wordsOf } from './text.js';
import { meaningfulEquivalents } from './word-diff.js';

export interface ClassifyOptions extends ConflictOptions {
  nameMatch: number;
  maxDetailPhrases: number;
}

/** The settings the conflicts of a pair use (EngineSettings, src/config.ts ENGINE). */
export interface ConflictOptions {
  quoteCoverage: number;
  maxDateChangeSlack: number;
}

export interface PairClassification {
  relation: Relation;
  reasons: Reason[];
}

interface Side {
  features: ReadonlyArray<SentenceFeatures>;
  /** The outlet's name as a reader knows it, for "Only The Straits Times has: …". */
  name: string;
}

interface NumberWithText {
  mention: NumberMention;
  text: string;
}

/** A figure with the sentence it is in, the words around it looked at only when they decide something. */
interface SentenceNumber {
  mention: NumberMention;
  sentence: string;
}

function numbersOf(side: Side): SentenceNumber[] {
  const found: SentenceNumber[] = [];
  for (const sentence of side.features) {
    for (const mention of sentence.numbers) found.push({ mention, sentence: sentence.text });
  }
  return found;
}

function withText(number: SentenceNumber): NumberWithText {
  return { mention: number.mention, text: describeNumber(number.sentence, number.mention) };
}

/** Whether two figures share a content word around them: the same thing measured. */
function shareContext(a: SentenceNumber, b: SentenceNumber): boolean {
  const theirs = contextStems(b.sentence, b.mention);
  for (const word of contextStems(a.sentence, a.mention)) if (theirs.has(word)) return true;
  return false;
}

/** Content-word stems of the four words on each side of a figure: what it measures. */
function contextStems(text: string, mention: NumberMention): Set<string> {
  const before = wordsOf(text.slice(Math.max(0, mention.start - 60), mention.start)).slice(-4);
  const after = wordsOf(text.slice(mention.end, mention.end + 60)).slice(0, 4);
  return new Set([...before, ...after].filter((word) => !STOPWORDS.has(word)).map(stem));
}

/**
 * Figures for the same counted noun that find no agreeing figure on the other side, in pairs:
 * "more than 10,000 soldiers" / "around 11,000 troops". A figure only one side gives is added detail.
 */
export function numberConflicts(left: Side, right: Side): Array<[NumberWithText, NumberWithText]> {
  const conflicts: Array<[NumberWithText, NumberWithText]> = [];
  const leftNumbers = numbersOf(left);
  const rightNumbers = numbersOf(right);
  // No figure on one side, no pair of figures: most sentence pairs.
  if (leftNumbers.length === 0 || rightNumbers.length === 0) return conflicts;
  const nouns = [...new Set(leftNumbers.map((n) => n.mention.noun))].filter((noun) => noun !== '').sort();
  for (const noun of nouns) {
    const l = leftNumbers.filter((n) => n.mention.noun === noun);
    const r = rightNumbers.filter((n) => n.mention.noun === noun);
    const lonelyLeft = l.filter((a) => !r.some((b) => numbersAgree(a.mention, b.mention)));
    const lonelyRight = r.filter((b) => !l.some((a) => numbersAgree(a.mention, b.mention)));
    const count = Math.min(lonelyLeft.length, lonelyRight.length);
    for (let k = 0; k < count; k++) {
      const a = lonelyLeft[k] as SentenceNumber;
      const b = lonelyRight[k] as SentenceNumber;
      // Percentages and sums measure many things in one sentence: "up 24 per cent from a year earlier" and
      // "a quarter-on-quarter increase of 9 percent" are two facts. They conflict only when the words
      // around them share something; counted things ("troops", "items") always do.
      if (!isCountNoun(noun) && !shareContext(a, b)) continue;
      conflicts.push([withText(a), withText(b)]);
    }
  }
  return conflicts;
}

/** A date with its offset in the side's sentences joined by one space, as the word diff sees them. */
interface PlacedDate {
  date: DateMention;
  offset: number;
}

function datesOf(side: Side): PlacedDate[] {
  const found: PlacedDate[] = [];
  let base = 0;
  for (const sentence of side.features) {
    for (const date of sentence.dates) found.push({ date, offset: base + date.start });
    base += sentence.text.length + 1;
  }
  return found;
}

function within(offset: number, length: number, from: number, to: number): boolean {
  return offset < to && from < offset + length;
}

/**
 * Two dates in different places of the sentences usually date different things ("told AFP on Sunday" /
 * "the interview on 28 October"); a date changed where the other outlet wrote its date is a conflict.
 */
function inOneChange(a: PlacedDate, b: PlacedDate, blocks: ReadonlyArray<ChangeBlock>, slack: number): boolean {
  return blocks.some(
    (block) =>
      within(a.offset, a.date.text.length, block.leftFrom, block.leftTo) &&
      within(b.offset, b.date.text.length, block.rightFrom, block.rightTo) &&
      block.anchored &&
      block.leftTo - block.leftFrom - a.date.text.length <= slack &&
      block.rightTo - block.rightFrom - b.date.text.length <= slack,
  );
}

/** Dates of comparable precision with no compatible date on the other side: "Jan. 11" / "Jan. 12". */
export function dateConflicts(
  left: Side,
  right: Side,
  slack: number,
  runs?: ReadonlyArray<DiffRun>,
): Array<[DateMention, DateMention]> {
  const conflicts: Array<[DateMention, DateMention]> = [];
  const leftDates = datesOf(left);
  const rightDates = datesOf(right);
  // No date on one side, nothing to compare: most sentence pairs.
  if (leftDates.length === 0 || rightDates.length === 0) return conflicts;
  // Worked out only when two lonely dates are to be placed, which is rare.
  let blocks: ChangeBlock[] | undefined;
  // A year ("in 2024") and a day ("on Feb 19") usually date different events, so only like is compared with like.
  for (const coarse of [false, true]) {
    const l = leftDates.filter((a) => (a.date.precision === 'year') === coarse);
    const r = rightDates.filter((b) => (b.date.precision === 'year') === coarse);
    const lonelyLeft = l.filter((a) => !r.some((b) => datesCompatible(a.date, b.date)));
    const lonelyRight = r.filter((b) => !l.some((a) => datesCompatible(a.date, b.date)));
    // The first pair, left date by left date.
    search: for (const a of lonelyLeft) {
      for (const b of lonelyRight) {
        // Without the word diff's runs the dates cannot be placed, and any two count.
        if (runs !== undefined) blocks ??= changeBlocks(runs);
        if (blocks === undefined || inOneChange(a, b, blocks, slack)) {
          conflicts.push([a.date, b.date]);
          break search;
        }
      }
    }
  }
  return conflicts;
}

interface ChangeBlock {
  leftFrom: number;
  leftTo: number;
  rightFrom: number;
  rightTo: number;
  /** True when the shared words right before or after the change anchor it ("said on" …, … "that the"). */
  anchored: boolean;
}

/** Shared words that anchor a change: a word of three letters or more that is not a bare preposition. */
function anchors(text: string): boolean {
  return /\p{L}{3,}/u.test(
    text.replace(/(?<![\p{L}])(?:on|in|at|by|for|the|of|and|from|since|until)(?![\p{L}])/giu, ''),
  );
}

/** Each stretch of changed runs of a word diff, as offsets into the left and the right text. */
function changeBlocks(runs: ReadonlyArray<DiffRun>): ChangeBlock[] {
  const blocks: ChangeBlock[] = [];
  let leftAt = 0;
  let rightAt = 0;
  let current: ChangeBlock | null = null;
  let sharedBefore = '';
  for (const run of runs) {
    if (run.op === 'left' || run.op === 'right') {
      current ??= {
        leftFrom: leftAt,
        leftTo: leftAt,
        rightFrom: rightAt,
        rightTo: rightAt,
        anchored: anchors(sharedBefore.slice(-20)),
      };
      if (run.op === 'left') {
        leftAt += run.text.length;
        current.leftTo = leftAt;
      } else {
        rightAt += run.text.length;
        current.rightTo = rightAt;
      }
      sharedBefore = '';
      continue;
    }
    const shared = run.op === 'equal' ? run.text : run.left;
    if (current !== null) {
      current.anchored ||= anchors(shared.slice(0, 20));
      blocks.push(current);
      current = null;
    }
    sharedBefore += shared;
    leftAt += run.op === 'equal' ? run.text.length : run.left.length;
    rightAt += run.op === 'equal' ? run.text.length : run.right.length;
  }
  if (current !== null) blocks.push(current);
  return blocks;
}

/** Roles that stand for an unnamed source: attributing to one of them instead of a named person is a difference. */
const UNNAMED_SOURCE_ROLES = new Set(['role:offici', 'role:sourc', 'role:diplomat']);

function isPersonKey(key: string): boolean {
  const kind = aliasKind(key);
  return !key.startsWith('role:') && (kind === undefined || kind === 'person');
}

function firstSpeaker(side: Side): Speaker | null {
  for (const sentence of side.features) if (sentence.speaker !== null) return sentence.speaker;
  return null;
}

/**
 * Different attribution: two different named people, or a named person against an unnamed official.
 * "the official" against "Foreign Ministry spokesperson Lee Jae-woong" differs; "he" (Ri) against "Ri"
 * does not; "Seoul" against "an official" is left alone (a government speaks through its officials).
 */
export function speakerConflict(left: Side, right: Side, options: ClassifyOptions): [Speaker, Speaker] | null {
  const a = firstSpeaker(left);
  const b = firstSpeaker(right);
  if (a === null || b === null || a.key === b.key) return null;
  const aPerson = isPersonKey(a.key);
  const bPerson = isPersonKey(b.key);
  if (aPerson && bPerson) {
    return sameName(a.key, b.key, options.nameMatch) ? null : [a, b];
  }
  if ((aPerson && UNNAMED_SOURCE_ROLES.has(b.key)) || (bPerson && UNNAMED_SOURCE_ROLES.has(a.key))) return [a, b];
  return null;
}

/** Quotes of two words or more (a quoted single word is a term, not a quote): "any white space" is the test. */
export function isQuotePhrase(text: string): boolean {
  return /\s/.test(text);
}

function quotesOf(side: Side): string[] {
  const quotes: string[] = [];
  for (const sentence of side.features) {
    for (const quote of sentence.quotes) if (isQuotePhrase(quote.text)) quotes.push(quote.text);
  }
  return quotes;
}

/** Canonical words of a quote (numbers and entity keys included), for comparing quotes regardless of order. */
export const quoteWords: (text: string) => string[] = memoize(quoteWordsOf);

/** The words of a quote: runs of letters, digits, hyphens and the brackets of entity keys ("[person:ri]"), so
 * punctuation inside or around a quote does not count as a wording change. */
const QUOTE_WORD = /[\p{L}\p{N}[\]-]+/gu;

function quoteWordsOf(text: string): string[] {
  const words: string[] = [];
  // stem() changes a-z words only; entity keys, numbers and other letters stay as they are.
  for (const word of canonicalPhrase(text).match(QUOTE_WORD) ?? []) if (!STOPWORDS.has(word)) words.push(stem(word));
  return words;
}

/** Whether most of a quote's words are among `pool`: the same quote, perhaps shortened or with "KRW 20.1" for "20.1 … won". */
export function quoteCovered(words: ReadonlyArray<string>, pool: ReadonlySet<string>, share: number): boolean {
  const total = words.length;
  if (total === 0) return true;
  // The answer is found / total >= share once every word is looked up; the loop stops as soon as the words
  // found already reach the share, or those still possible cannot (the same test on the same numbers, so
  // the same answer): two unrelated quotes are told apart after a few words, not all of them.
  let found = 0;
  let missing = 0;
  for (const word of words) {
    if (pool.has(word)) {
      if (++found / total >= share) return true;
    } else if ((total - ++missing) / total < share) return false;
  }
  return found / total >= share;
}

/** Every word quoted in `quotes`. */
function quoteWordPool(quotes: ReadonlyArray<string>): Set<string> {
  const words = new Set<string>();
  for (const quote of quotes) for (const word of quoteWords(quote)) words.add(word);
  return words;
}

/** A quote cut off where the stored page ends ("the wor") is the start of the other's, not other words. */
function startsOne(quote: string, others: ReadonlyArray<string>): boolean {
  return others.some((other) => foldForMatch(other).startsWith(foldForMatch(quote).trim()));
}

/**
 * Quoted words that the other side does not quote, when both sides quote: Yonhap's "I will seek refuge
 * … If I apply for asylum" against The Straits Times' "plans to apply for refugee status". A quote that
 * one side shortens ("80 per cent" inside "I have made up my mind 80 percent") is not a difference.
 */
export function quoteConflict(left: Side, right: Side, share: number): [string, string] | null {
  const l = quotesOf(left);
  if (l.length === 0) return null;
  const r = quotesOf(right);
  if (r.length === 0) return null;
  const leftPool = quoteWordPool(l);
  const rightPool = quoteWordPool(r);
  const lonelyLeft = l.find((quote) => !quoteCovered(quoteWords(quote), rightPool, share) && !startsOne(quote, r));
  const lonelyRight = r.find((quote) => !quoteCovered(quoteWords(quote), leftPool, share) && !startsOne(quote, l));
  return lonelyLeft !== undefined && lonelyRight !== undefined ? [lonelyLeft, lonelyRight] : null;
}

/** How every match of NEGATION_WORDS ends, in lower case: a cheap test to run first. */
const NEGATION_ENDINGS = [
  'not',
  'no',
  'never',
  'neither',
  'nor',
  'none',
  'nobody',
  'nothing',
  'cannot',
  'without',
  "n't",
  'n’t',
];
const NEGATION_WORDS = /(?<![\p{L}'])(?:not|no|never|neither|nor|none|nobody|nothing|cannot|without|\p{L}+n['’]t)$/iu;

/**
 * A negation one side adds to words both sides share: in the word diff, a one-sided run that ends in a
 * negation and is followed by words both sides have. "he <ins>never </ins>knew he would fight" differs;
 * "… details<ins> but gave no further details</ins>" is added detail, not a negation of shared words.
 */
function negationConflict(
  runs: ReadonlyArray<DiffRun>,
  truncated: boolean,
): { side: 'left' | 'right'; words: string; phrase: string } | null {
  if (truncated) return null;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as DiffRun;
    if (run.op !== 'left' && run.op !== 'right') continue;
    // The run without the white space and commas it ends with, as /[\s,]+$/ would cut it.
    let length = run.text.length;
    while (length > 0 && /[\s,]/.test(run.text.charAt(length - 1))) length--;
    // The look-behind expression is tried at every position of the run; most runs do not even end like a
    // negation. (Only ASCII letters match these letters under /iu, so lower-casing the end is enough.)
    const end = run.text.slice(Math.max(0, length - 7), length).toLowerCase();
    if (!NEGATION_ENDINGS.some((ending) => end.endsWith(ending))) continue;
    const trimmed = run.text.slice(0, length);
    const negationMatch = trimmed.match(NEGATION_WORDS);
    if (negationMatch === null) continue;
    // The other side of the same change, if any, must not carry its own negation ("did not" / "didn't").
    const neighbours = [runs[i - 1], runs[i + 1]].filter(
      (r): r is DiffRun => r !== undefined && (r.op === 'left' || r.op === 'right') && r.op !== run.op,
    );
    if (
      neighbours.some(
        (r) =>
          r.op !== 'equivalent' &&
          r.op !== 'equal' &&
          /(?<![\p{L}])(?:not|no|never)(?![\p{L}])|n['’]t(?![\p{L}])/iu.test(r.text),
      )
    )
      continue;
    let next = runs[i + 1];
    if (next !== undefined && next.op !== 'equal' && next.op !== 'equivalent') next = runs[i + 2];
    if (next === undefined || (next.op !== 'equal' && next.op !== 'equivalent')) continue;
    const shared = next.op === 'equal' ? next.text : next.left;
    if (!/\p{L}{3,}/u.test(shared)) continue;
    const phrase = `${negationMatch[0]} ${shared.trim().split(/\s+/).slice(0, 5).join(' ')}`;
    return { side: run.op, words: negationMatch[0], phrase };
  }
  return null;
}

/** What the other side of a pair says, for telling added detail from rewording: built when first asked. */
export interface OtherSide {
  sentences: ReadonlyArray<SentenceFeatures>;
  entities: Set<string>;
  /** Stems of the words the sentences' `stems` leave out for standing in a name or a date: built when first asked. */
  spanStems: Set<string> | undefined;
  /** Stems of every word of the sentences, for the rare stems a stop word or a single letter can have. */
  allStems: Set<string> | undefined;
}

export function otherSideOf(other: Side): OtherSide {
  const entities = new Set<string>();
  for (const sentence of other.features) for (const entity of sentence.entities) entities.add(entity.key);
  return { sentences: other.features, entities, spanStems: undefined, allStems: undefined };
}

/** The stem of each stop word: the only stems a stop word of the other side can give. */
const STOPWORD_STEMS: ReadonlySet<string> = new Set([...STOPWORDS].map(stem));

/**
 * Whether a word of the other side has this stem (as the set of stem(word) for every word of wordsOf(text)
 * would say). Most stems are among the sentences' content stems (features.ts: every word but stop words,
 * single letters and the words in an alias-table name or a date), so the other side's words are not
 * stemmed again one by one. A stem not found there can only come from a left-out word: from a stop word
 * or a single letter (stem() keeps those as they are), which only these stems can, or from a word in a
 * name or a date, whose words alone are stemmed.
 */
export function knowsStem(other: OtherSide, stemmed: string): boolean {
  for (const sentence of other.sentences) if (sentence.stems.has(stemmed)) return true;
  if (stemmed.length < 2 || STOPWORD_STEMS.has(stemmed)) {
    other.allStems ??= allStemsOf(other.sentences);
    return other.allStems.has(stemmed);
  }
  other.spanStems ??= spanStemsOf(other.sentences);
  return other.spanStems.has(stemmed);
}

function allStemsOf(sentences: ReadonlyArray<SentenceFeatures>): Set<string> {
  const stems = new Set<string>();
  for (const sentence of sentences) for (const word of wordsOf(sentence.text)) stems.add(stem(word));
  return stems;
}

/** Stems of the words (and their hyphen parts, as wordsOf gives them) that overlap an alias-table name or a date. */
function spanStemsOf(sentences: ReadonlyArray<SentenceFeatures>): Set<string> {
  const stems = new Set<string>();
  for (const sentence of sentences) {
    // The spans features.ts leaves out of `stems`: its alias-table mentions (the other names are of kind
    // "name") and its dates, in the folded text's offsets (folding keeps the length).
    const spans: Array<{ start: number; end: number }> = [];
    for (const entity of sentence.entities) if (entity.kind !== 'name') spans.push(entity);
    for (const date of sentence.dates) spans.push(date);
    if (spans.length === 0) continue;
    const folded = foldForMatch(sentence.text);
    for (const span of spans) {
      // Only the words around the span are read: from right after the white space before it to the white
      // space after it. No word holds white space, so the words there are those a scan of the whole text finds.
      let from = span.start;
      while (from > 0 && !isSpaceCode(folded.charCodeAt(from - 1))) from--;
      let to = span.end;
      while (to < folded.length && !isSpaceCode(folded.charCodeAt(to))) to++;
      forEachWord(folded.slice(from, to), (token, start, end) => {
        let inSpan = false;
        for (const other of spans) if (from + start < other.end && other.start < from + end) inSpan = true;
        if (!inSpan) return;
        const bare = token.endsWith("'s") ? token.slice(0, -2) : token;
        stems.add(stem(bare));
        if (bare.includes('-')) for (const part of bare.split('-')) if (part.length > 0) stems.add(stem(part));
      });
    }
  }
  return stems;
}

/** Whether a UTF-16 unit is white space, as /\s/ says: ASCII answered without the expression. */
function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(String.fromCharCode(code));
}

/** A word of a changed run that says something the other side does not: the test is cheapest first. */
export function isFreshWord(word: string, other: OtherSide): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !knowsStem(other, stem(word)) && !/^(?:not|\p{L}+n't)$/u.test(word);
}

/**
 * Whether a word of wordsOf(text) is fresh, read off the text's words as they are found: the run texts are
 * new strings, so wordsOf would only file each one's word list in its memo, never to be asked again.
 */
export function hasFreshWord(text: string, other: OtherSide): boolean {
  let fresh = false;
  // The words of wordsOf: each word without "'s", then the parts of a hyphenated one.
  forEachWord(foldForMatch(text), (word) => {
    if (fresh) return;
    const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
    if (isFreshWord(bare, other)) fresh = true;
    else if (bare.includes('-')) {
      for (const part of bare.split('-')) if (part.length > 0 && isFreshWord(part, other)) fresh = true;
    }
  });
  return fresh;
}

/** A character a shown phrase does not start or end with: white space, punctuation, quotes, brackets, dashes. */
const EDGE_PUNCTUATION = /[\s,.;:–—"“”'‘’()[\]-]/;

/** The phrase without the white space and punctuation around it: ", the daily’s “report” " → "the daily’s “report". */
function withoutEdgePunctuation(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && EDGE_PUNCTUATION.test(text.charAt(from))) from++;
  while (to > from && EDGE_PUNCTUATION.test(text.charAt(to - 1))) to--;
  return text.slice(from, to);
}

/** Phrases of one side's changed runs that carry content words the other side lacks. */
function addedPhrases(runs: ReadonlyArray<DiffRun>, side: 'left' | 'right', other: Side, limit: number): string[] {
  let otherSide: OtherSide | undefined;
  let otherNumbers: Set<number> | undefined;
  const phrases: string[] = [];
  for (const run of runs) {
    if (run.op !== side) continue;
    otherSide ??= otherSideOf(other);
    let text = run.text;
    // Only a name the other side has is taken out, so with none there is no need to look for names.
    if (otherSide.entities.size > 0) {
      for (const entity of aliasesIn(text)) {
        if (otherSide.entities.has(entity.key)) text = text.replace(entity.text, ' ');
      }
    }
    const fresh = hasFreshWord(text, otherSide);
    // A figure the other side does not give is added detail too: "declined by 10 per cent". Looked for only
    // when no fresh word already makes the run added detail.
    if (!fresh) {
      if (otherNumbers === undefined) {
        otherNumbers = new Set();
        for (const sentence of other.features) for (const n of sentence.numbers) otherNumbers.add(n.value);
      }
      const numbers = otherNumbers;
      if (!findNumbers(run.text).numbers.some((n) => !numbers.has(n.value))) continue;
    }
    const phrase = withoutEdgePunctuation(run.text);
    phrases.push(phrase.length > 90 ? `${phrase.slice(0, 87)}…` : phrase);
  }
  return phrases.length > limit ? [...phrases.slice(0, limit), '…'] : phrases;
}

/** The figure, date and quote conflicts of a pair: the labels and the facts table both need them. */
export interface PairConflicts {
  numbers: Array<[NumberWithText, NumberWithText]>;
  dates: Array<[DateMention, DateMention]>;
  quote: [string, string] | null;
}

export function pairConflicts(
  left: Side,
  right: Side,
  runs: ReadonlyArray<DiffRun>,
  options: ConflictOptions,
): PairConflicts {
  return {
    numbers: numberConflicts(left, right),
    dates: dateConflicts(left, right, options.maxDateChangeSlack, runs),
    quote: quoteConflict(left, right, options.quoteCoverage),
  };
}

/** `conflicts`, when given, must be pairConflicts of the same pair: the caller computed them already. */
export function classifyPair(
  left: Side,
  right: Side,
  runs: ReadonlyArray<DiffRun>,
  diffTruncated: boolean,
  options: ClassifyOptions,
  conflicts: PairConflicts = pairConflicts(left, right, runs, options),
): PairClassification {
  const reasons: Reason[] = [];
  for (const [a, b] of conflicts.numbers) {
    reasons.push({
      code: 'number-differs',
      detail: `The numbers differ: ${a.text} / ${b.text}`,
      left: a.text,
      right: b.text,
    });
  }
  for (const [a, b] of conflicts.dates) {
    reasons.push({
      code: 'date-differs',
      detail: `The dates differ: ${a.text} (${a.value}) / ${b.text} (${b.value})`,
      left: a.value,
      right: b.value,
    });
  }
  const speakers = speakerConflict(left, right, options);
  if (speakers !== null) {
    const [a, b] = speakers;
    reasons.push({
      code: 'speaker-differs',
      detail: `The words are attributed to different people: ${a.text} / ${b.text}`,
      left: a.text,
      right: b.text,
    });
  }
  const quotes = conflicts.quote;
  if (quotes !== null) {
    const [a, b] = quotes;
    reasons.push({
      code: 'quote-wording-differs',
      detail: `The quoted words differ: “${a}” / “${b}”`,
      left: a,
      right: b,
    });
  }
  const negation = negationConflict(runs, diffTruncated);
  if (negation !== null) {
    const who = negation.side === 'left' ? left.name : right.name;
    reasons.push({
      code: 'negation-differs',
      detail: `Only ${who} negates "${negation.words}": "${negation.phrase}"`,
      ...(negation.side === 'left' ? { left: negation.phrase } : { right: negation.phrase }),
    });
  }
  const relation: Relation = reasons.length > 0 ? 'differ' : 'agree';
  if (!diffTruncated) {
    const onlyLeft = addedPhrases(runs, 'left', right, options.maxDetailPhrases);
    if (onlyLeft.length > 0) {
      reasons.push({
        code: 'detail-only-left',
        detail: `Only ${left.name} has: ${onlyLeft.join('; ')}`,
        left: onlyLeft.join('; '),
      });
    }
    const onlyRight = addedPhrases(runs, 'right', left, options.maxDetailPhrases);
    if (onlyRight.length > 0) {
      reasons.push({
        code: 'detail-only-right',
        detail: `Only ${right.name} has: ${onlyRight.join('; ')}`,
        right: onlyRight.join('; '),
      });
    }
  }
  const equivalents = meaningfulEquivalents(runs);
  if (equivalents.length > 0) {
    reasons.push({
      code: 'equivalent-wording',
      detail: equivalents.map((pair) => `${pair.left} = ${pair.right}`).join('; '),
      left: equivalents.map((pair) => pair.left).join('; '),
      right: equivalents.map((pair) => pair.right).join('; '),
    });
  }
  return { relation, reasons };
}
