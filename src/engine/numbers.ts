// Numbers as values with their qualifier and noun: "more than 10,000 soldiers" → {value 10000,
// qualifier min, noun troop}; "80 per cent" = "80 percent" = "80%"; "two" is 2; "200 pieces of
// long-range artillery" counts artillery. Years ("in 2024") are left to the date extractor.
import nounData from './data/nouns.json' with { type: 'json' };
import { memoize } from './memo.js';
import { stem } from './nlp.js';
import { allMatches, codePointBefore, foldForMatch, isLowSurrogate, isWordCodePoint, parseNumeral } from './text.js';

/** How a figure is hedged: `min` = "more than", `max` = "up to", `approx` = "some"/"around"/none. */
export type QualifierClass = 'approx' | 'min' | 'max';

export interface NumberMention {
  value: number;
  qualifier: QualifierClass;
  /** The qualifier as written, "" when there is none. */
  qualifierText: string;
  /** Canonical noun class ("troop"), "percent", or "" when no counted noun follows. */
  noun: string;
  text: string;
  start: number;
  end: number;
}

const QUALIFIERS: ReadonlyArray<[string, QualifierClass]> = [
  ['more than', 'min'],
  ['over', 'min'],
  ['at least', 'min'],
  ['upwards of', 'min'],
  ['in excess of', 'min'],
  ['as many as', 'max'],
  ['up to', 'max'],
  ['less than', 'max'],
  ['fewer than', 'max'],
  ['under', 'max'],
  ['at most', 'max'],
  ['nearly', 'approx'],
  ['almost', 'approx'],
  ['about', 'approx'],
  ['around', 'approx'],
  ['roughly', 'approx'],
  ['approximately', 'approx'],
  ['some', 'approx'],
  ['an estimated', 'approx'],
  ['estimated', 'approx'],
  ['close to', 'approx'],
  ['roughly', 'approx'],
];

const WORD_NUMBERS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
  k: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  bn: 1_000_000_000,
  tn: 1_000_000_000_000,
};

/** Currency signs and codes written before a figure: "KRW 20.1 trillion" is 20.1 trillion won. */
const CURRENCIES: Record<string, string> = {
  $: 'dollar',
  us$: 'dollar',
  usd: 'dollar',
  '€': 'euro',
  eur: 'euro',
  '£': 'pound',
  '₩': 'won',
  krw: 'won',
};

/** Nouns that count things, as opposed to money, shares and measures: only these are compared across sentences. */
export function isCountNoun(noun: string): boolean {
  return noun !== '' && !MEASURE_NOUNS.has(noun);
}

/** Whether a noun key is one of the noun classes of data/nouns.json ("troop"), not a bare stem ("artilleri"). */
export function hasNounClass(noun: string): boolean {
  return Object.hasOwn(nounData.classes, noun);
}

const NOUN_CLASS = new Map<string, string>();
for (const [name, members] of Object.entries(nounData.classes)) {
  for (const member of members) NOUN_CLASS.set(member, name);
}
const MEASURE_WORDS = new Set(nounData.measureWords);
const MEASURE_NOUNS = new Set([...nounData.measures, 'dollar', 'euro', 'pound', 'won', 'percent']);
const MODIFIERS = new Set(nounData.modifiers);

const qualifierAlternation = [...new Set(QUALIFIERS.map(([text]) => text))]
  .sort((a, b) => b.length - a.length)
  .join('|')
  .replace(/ /g, '\\s+');
const wordAlternation = Object.keys(WORD_NUMBERS).join('|');
const scaleAlternation = Object.keys(SCALES).join('|');

// Matched on folded (lower-case) text: qualifier? currency? value scale? percent?
const FIGURE = `(?:(${qualifierAlternation})\\s+)?(\\$|us\\$|€|£|₩|krw\\s*|usd\\s*|eur\\s*)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:${wordAlternation})(?![\\p{L}]))(?![\\p{N}])(?:\\s*(${scaleAlternation})(?![\\p{L}]))?(?:\\s*(%|per\\s+cent|percent|pct)(?![\\p{L}]))?`;

/** Every figure of a text, not inside a word or number: what figureMatches finds (a test checks it). */
export const NUMBER_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}.,])${FIGURE}`, 'gu');

/** One figure from exactly lastIndex on. */
const FIGURE_AT = new RegExp(FIGURE, 'uy');

/**
 * The characters a figure can start with: the first of a qualifier, of a currency (FIGURE's currencies are
 * the keys of CURRENCIES), of a number word, or a digit.
 */
const FIGURE_STARTS = new Set<number>();
/**
 * For ASCII: whether a figure can start at a character followed by another, by `first * 0x80 + second`. A
 * qualifier, a currency code or a number word (each two letters or more before any space) starts with both;
 * a digit or a one-character currency sign with the first alone. Most words start with a letter some
 * qualifier or number word starts with ("the", "a", "said"), few with two of their letters.
 */
const ASCII_FIGURE_PAIRS = new Uint8Array(0x80 * 0x80);
for (const word of [...QUALIFIERS.map(([text]) => text), ...Object.keys(CURRENCIES), ...Object.keys(WORD_NUMBERS)]) {
  const first = word.charCodeAt(0);
  FIGURE_STARTS.add(first);
  if (first >= 0x80) continue;
  if (word.length === 1) ASCII_FIGURE_PAIRS.fill(1, first * 0x80, (first + 1) * 0x80);
  else ASCII_FIGURE_PAIRS[first * 0x80 + word.charCodeAt(1)] = 1;
}
for (let digit = 0x30; digit <= 0x39; digit++) {
  FIGURE_STARTS.add(digit);
  ASCII_FIGURE_PAIRS.fill(1, digit * 0x80, (digit + 1) * 0x80);
}
/** Whether an ASCII character blocks a figure right after it (blocksFigure), by code. */
const ASCII_BLOCKS: boolean[] = Array.from({ length: 0x80 }, (_, code) => blocksFigure(code));

/**
 * The matches of NUMBER_PATTERN, found without its /u look-behind, which V8 tries at every position of
 * the text: FIGURE_AT is tried only where a figure can start (a character of FIGURE_STARTS, for ASCII with
 * the character after it, after no letter, digit, "." or ",").
 */
export function figureMatches(folded: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const length = folded.length;
  // Whether the code point before `at` is a letter, digit, "." or ",": then no figure starts at `at`.
  let blocked = false;
  let at = 0;
  while (at < length) {
    const code = folded.charCodeAt(at);
    // After a letter or digit (inside a word) nothing starts. For ASCII the character after counts too: no
    // pair has a second character outside ASCII, so such a one, or the end (NaN), reads as column 0, which
    // only a digit's or a sign's row has.
    let mayStart = false;
    if (!blocked) {
      const next = folded.charCodeAt(at + 1);
      mayStart =
        code < 0x80 ? ASCII_FIGURE_PAIRS[code * 0x80 + (next < 0x80 ? next : 0)] === 1 : FIGURE_STARTS.has(code);
    }
    if (mayStart) {
      FIGURE_AT.lastIndex = at;
      const match = FIGURE_AT.exec(folded);
      if (match !== null) {
        found.push(match);
        at += match[0].length;
        blocked = blocksFigure(codePointBefore(folded, at));
        continue;
      }
    }
    if (code < 0x80) {
      blocked = ASCII_BLOCKS[code] === true;
      at++;
      continue;
    }
    // As a /u expression does, step over a surrogate pair whole.
    const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(folded.charCodeAt(at + 1));
    blocked = blocksFigure(pair ? folded.codePointAt(at) : code);
    at += pair ? 2 : 1;
  }
  return found;
}

function blocksFigure(codePoint: number | undefined): boolean {
  return codePoint === 0x2e || codePoint === 0x2c || isWordCodePoint(codePoint);
}

/** A bare four-digit number in this range with no separator is a year, not a count: "in 2024". */
function isYear(raw: string, scale: string | undefined, percent: string | undefined): boolean {
  return /^(1[89]|20)\d\d$/.test(raw) && scale === undefined && percent === undefined;
}

const WORD_AFTER = /[\p{L}\p{M}][\p{L}\p{M}'-]*/gu;

/** The first `count` words of a text, as matches; the rest of the text is not scanned. */
function firstWords(text: string, count: number): RegExpExecArray[] {
  const words: RegExpExecArray[] = [];
  WORD_AFTER.lastIndex = 0;
  while (words.length < count) {
    const match = WORD_AFTER.exec(text);
    if (match === null) break;
    words.push(match);
  }
  return words;
}

/**
 * The counted noun after a figure: skip modifiers and names, follow "pieces of" to what is counted.
 * Before → after: "two wounded North Korean soldiers" → troop; "200 pieces of long-range artillery" → artillery.
 */
function nounAfter(folded: string, original: string, from: number): string {
  const rest = folded.slice(from, from + 80);
  const restOriginal = original.slice(from, from + 80);
  const words = firstWords(rest, 6);
  const candidates: string[] = [];
  let cursor = 0;
  for (let i = 0; i < words.length && candidates.length < 3; i++) {
    const match = words[i];
    if (match === undefined) break;
    // Punctuation between the figure and the word ends the phrase: "11,000, missiles" counts nothing.
    if (rest.slice(cursor, match.index).trim() !== '') break;
    cursor = match.index + match[0].length;
    const word = match[0];
    const written = restOriginal.slice(match.index, match.index + word.length);
    if (MEASURE_WORDS.has(word) && words[i + 1]?.[0] === 'of') {
      i++;
      cursor = (words[i]?.index ?? cursor) + 2;
      continue;
    }
    if (/^(?:of|the|a|an|to|in|on|at|and|or|from|for|by|with|as|that|who|which|were|was|is|are|have|had)$/.test(word)) {
      break;
    }
    if (MODIFIERS.has(word) || /^\p{Lu}/u.test(written) || word.includes('-')) continue;
    candidates.push(word);
  }
  // "nine major pieces" → item: a known counted noun wins over the adjective before it.
  const known = candidates.find((word) => NOUN_CLASS.has(word));
  if (known !== undefined) return NOUN_CLASS.get(known) ?? known;
  return candidates[0] === undefined ? '' : stem(candidates[0]);
}

export interface NumberScan {
  numbers: NumberMention[];
  /** Four-digit years found where a number could be, for the date extractor. */
  years: Array<{ year: number; text: string; start: number; end: number }>;
}

export const findNumbers: (text: string) => NumberScan = memoize(findNumbersIn);

/** Clock times are not counts: "9.30 on Sunday morning", "9:30 am", "10 p.m.". */
const CLOCK_TIME =
  /(?<![\p{N}.,])\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?![\p{N}])|(?<![\p{N}.,])\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])/gu;

/**
 * A figure needs a digit or a number word; most sentences have neither, and the long NUMBER_PATTERN is
 * tried at every position of the text, so this cheap test comes first. It may say yes wrongly ("often"),
 * never no wrongly.
 */
const MAY_HOLD_NUMBER = new RegExp(`\\d|${wordAlternation}`);

function findNumbersIn(text: string): NumberScan {
  const folded = foldForMatch(text);
  const numbers: NumberMention[] = [];
  const years: NumberScan['years'] = [];
  if (!MAY_HOLD_NUMBER.test(folded)) return { numbers, years };
  // A clock time needs a digit; most figures in a sentence without one are words ("two soldiers").
  const times = /\d/.test(folded)
    ? allMatches(CLOCK_TIME, folded).map((match) => [match.index, match.index + match[0].length] as const)
    : [];
  for (const match of figureMatches(folded)) {
    const [whole, qualifierRaw, currency, raw = '', scale, percent] = match;
    const start = match.index;
    const end = start + whole.length;
    const valueStart = start + whole.indexOf(raw);
    if (times.some(([from, to]) => valueStart < to && from < valueStart + raw.length)) continue;
    if (isYear(raw, scale, percent) && qualifierRaw === undefined && currency === undefined) {
      const yearStart = start + whole.indexOf(raw);
      years.push({ year: Number(raw), text: text.slice(yearStart, yearStart + raw.length), start: yearStart, end });
      continue;
    }
    const base = WORD_NUMBERS[raw] ?? parseNumeral(raw);
    // toPrecision drops float noise: 33.2 × 1e9 is 33200000000, not 33200000000.000004. A whole number
    // with no scale (most figures) has no noise, and fewer than 12 digits come back from it unchanged.
    const value =
      scale === undefined && Number.isInteger(base) && Math.abs(base) < 1e12
        ? base
        : Number((base * (scale === undefined ? 1 : (SCALES[scale] ?? 1))).toPrecision(12));
    const qualifierText = qualifierRaw === undefined ? '' : qualifierRaw.replace(/\s+/g, ' ');
    const qualifier = QUALIFIERS.find(([candidate]) => candidate === qualifierText)?.[1] ?? 'approx';
    let noun: string;
    if (percent !== undefined) noun = 'percent';
    else if (currency !== undefined) noun = CURRENCIES[currency.trim()] ?? 'dollar';
    else noun = nounAfter(folded, text, end);
    // A bare word number with nothing counted ("the two", "two of them") says too little to compare.
    if (WORD_NUMBERS[raw] !== undefined && noun === '') continue;
    numbers.push({ value, qualifier, qualifierText, noun, text: text.slice(start, end), start, end });
  }
  return { numbers, years };
}

/** How a number reads in a fact key: 11000, 0.5. */
export function formatValue(value: number): string {
  return String(value);
}

/**
 * Whether two figures for the same noun say the same thing. Same value, and hedged the same way or both
 * approximate: "some 11,000" = "around 11,000" = "11,000"; "more than 10,000" ≠ "around 11,000";
 * "more than 10,000" ≠ "10,000".
 */
export function numbersAgree(a: NumberMention, b: NumberMention): boolean {
  return a.value === b.value && a.qualifier === b.qualifier;
}

/** The phrase shown to a reader: the figure with its qualifier and the noun as written. */
export function describeNumber(text: string, mention: NumberMention): string {
  if (mention.noun === '' || mention.noun === 'percent') return mention.text;
  const after = text.slice(mention.end, mention.end + 60);
  const nounMatch = after.match(/^(?:\s+[\p{L}\p{M}'’-]+){1,5}/u);
  if (nounMatch === null) return mention.text;
  const words = nounMatch[0].trim().split(/\s+/);
  const phrase: string[] = [];
  for (const word of words) {
    phrase.push(word);
    const folded = foldForMatch(word);
    if (NOUN_CLASS.get(folded) === mention.noun || stem(folded) === mention.noun) break;
  }
  return `${mention.text} ${phrase.join(' ')}`.replace(/(?<![,.;:])[,.;:]+$/, '');
}
