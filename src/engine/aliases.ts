// Named entities through an alias table kept as data (data/aliases.json): "ROK", "Republic of Korea"
// and "the South" are all South Korea; "the daily" refers back to the newspaper named last.
import aliasData from './data/aliases.json' with { type: 'json' };
import { memoize } from './memo.js';
import { codePointBefore, collapseSpaces, foldForMatch, isLowSurrogate, isWordCodePoint, slugify } from './text.js';

export interface EntityMention {
  key: string;
  label: string;
  kind: string;
  /** The words as written. */
  text: string;
  start: number;
  end: number;
}

interface AliasEntry {
  key: string;
  label: string;
  kind: string;
}

export interface CompiledAliases {
  /** Case-insensitive names, matched on the folded text. */
  folded: NameMatcher;
  /** Acronyms and "the South"/"the North", matched on the original text so "US" is not "us". */
  cased: NameMatcher;
  byName: Map<string, AliasEntry>;
  referBack: Map<string, string>;
  equivalenceClass: Map<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name is matched case-sensitively when it is an acronym ("US", "ROK") or starts with "the " ("the North"). */
function isCased(name: string): boolean {
  return /^[A-Z.]{2,}$/.test(name) || /^the [A-Z]/.test(name);
}

/**
 * Whole-name matching of a fixed list of names, the same matches as the regular expression
 * `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` run with matchAll: look-arounds instead of \b
 * because names may end in "." ("U.S.") or contain apostrophes. Done by hand, trying only the names that
 * start with the character at a word start, because this runs on every sentence and on every phrase the
 * labels look at: about 3× faster than V8 running the ~100-way alternation (seed sentences, measured).
 */
export class NameMatcher {
  /** Names by their first UTF-16 unit (an array for ASCII, the common case), longest first, ties in code-unit order. */
  private readonly ascii: Array<Candidates | undefined> = [];
  private readonly other = new Map<number, Candidates>();

  constructor(names: string[]) {
    const sorted = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const name of sorted) {
      if (name === '') continue;
      const first = name.charCodeAt(0);
      let candidates = first < 0x80 ? this.ascii[first] : this.other.get(first);
      if (candidates === undefined) {
        candidates = { names: [], seconds: [], lasts: [] };
        if (first < 0x80) this.ascii[first] = candidates;
        else this.other.set(first, candidates);
      }
      candidates.names.push(name);
      candidates.seconds.push(name.length > 1 ? name.charCodeAt(1) : -1);
      candidates.lasts.push(name.charCodeAt(name.length - 1));
    }
  }

  /** Each match, left to right and without overlaps, as [start, name]. */
  matchAll(text: string): Array<[number, string]> {
    const found: Array<[number, string]> = [];
    this.forEachMatch(text, (start, name) => found.push([start, name]));
    return found;
  }

  /** Each match, left to right and without overlaps, given to `visit` (no array of pairs to build). */
  forEachMatch(text: string, visit: (start: number, name: string) => void): void {
    const length = text.length;
    let at = 0;
    while (at < length) {
      // Here the code point before `at` is no letter or digit, so a name may start at `at`.
      const code = text.charCodeAt(at);
      const name = this.nameAt(text, at);
      let before: number | undefined;
      if (name !== undefined) {
        visit(at, name);
        at += name.length;
        before = codePointBefore(text, at);
      } else {
        // As a /u expression does, step over a surrogate pair whole.
        const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1));
        before = pair ? text.codePointAt(at) : code;
        at += pair ? 2 : 1;
      }
      if (isWordCodePoint(before)) at = pastWordRun(text, at);
    }
  }

  /** The name the alternation matches at `at`, a position after no letter or digit; undefined for none. */
  nameAt(text: string, at: number): string | undefined {
    const code = text.charCodeAt(at);
    const candidates = code < 0x80 ? this.ascii[code] : this.other.get(code);
    return candidates === undefined ? undefined : this.firstWhole(text, at, candidates);
  }

  /** The first candidate, in alternation order, written at `at` and not followed by a letter or digit. */
  private firstWhole(text: string, at: number, candidates: Candidates): string | undefined {
    const { names, seconds, lasts } = candidates;
    // Comparing the second and the last unit first rules out most names without a call: at "the", "seoul"
    // is not tried, and at "the army", neither is "the daily" ("y" is not "m").
    const next = text.charCodeAt(at + 1);
    for (let i = 0; i < names.length; i++) {
      const second = seconds[i];
      if (second !== next && second !== -1) continue;
      const candidate = names[i] as string;
      if (text.charCodeAt(at + candidate.length - 1) !== lasts[i]) continue;
      if (text.startsWith(candidate, at) && !isWordCodePoint(text.codePointAt(at + candidate.length))) return candidate;
    }
    return undefined;
  }
}

/**
 * The names that start with one UTF-16 unit, in alternation order, with their second unit (-1 for none)
 * and their last unit.
 */
interface Candidates {
  names: string[];
  seconds: number[];
  lasts: number[];
}

/**
 * From `at`, right after a letter or digit, the first position that follows a code point that is neither:
 * the positions in between cannot start a name ("korean" holds no "korea" at "k", nor "rea" at "r").
 */
function pastWordRun(text: string, from: number): number {
  const length = text.length;
  let at = from;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code < 0x80) {
      at++;
      const letter = code | 0x20;
      if (!((letter >= 0x61 && letter <= 0x7a) || (code >= 0x30 && code <= 0x39))) return at;
    } else {
      const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(at + 1));
      const codePoint = pair ? (text.codePointAt(at) as number) : code;
      at += pair ? 2 : 1;
      if (!isWordCodePoint(codePoint)) return at;
    }
  }
  return at;
}

/** The alias data as data/aliases.json holds it. */
export type AliasData = Pick<typeof aliasData, 'entities' | 'referBack' | 'equivalences'>;

/** The matchers and tables of an alias table (exported so tests can build small ones). */
export function compileAliases(data: AliasData): CompiledAliases {
  const byName = new Map<string, AliasEntry>();
  const foldedNames: string[] = [];
  const casedNames: string[] = [];
  for (const entity of data.entities) {
    const entry = { key: entity.key, label: entity.label, kind: entity.kind };
    for (const name of entity.names) {
      if (isCased(name)) {
        casedNames.push(name);
        byName.set(name, entry);
      } else {
        const folded = foldForMatch(name);
        foldedNames.push(folded);
        byName.set(folded, entry);
      }
    }
  }
  const referBack = new Map<string, string>();
  for (const rule of data.referBack) {
    for (const name of rule.names) referBack.set(foldForMatch(name), rule.kind);
  }
  const equivalenceClass = new Map<string, string>();
  for (const group of data.equivalences) {
    const canonical = foldForMatch(group[0] ?? '');
    for (const member of group) equivalenceClass.set(foldForMatch(member), canonical);
  }
  return {
    folded: new NameMatcher([...foldedNames, ...referBack.keys()]),
    cased: new NameMatcher(casedNames),
    byName,
    referBack,
    equivalenceClass,
  };
}

const ALIASES = compileAliases(aliasData);

const KIND_BY_KEY = new Map<string, string>(aliasData.entities.map((entity) => [entity.key, entity.kind]));

/** The kind of an alias-table entity ("country", "person", …), or undefined for a key not in the table. */
export function aliasKind(key: string): string | undefined {
  return KIND_BY_KEY.get(key);
}

/** Tracks what "the daily" refers back to while one article is read in order. */
export interface EntityContext {
  lastOfKind: Map<string, AliasEntry>;
}

export function newEntityContext(): EntityContext {
  return { lastOfKind: new Map() };
}

/**
 * Entities of the alias table in one sentence, in text order, overlaps resolved longest-first.
 * Before → after: "Ri told the daily" (after "Chosun Ilbo" was named) → chosun-ilbo.
 */
export function findAliasedEntities(text: string, context: EntityContext): EntityMention[] {
  const kept = aliasedMentions(text, context);
  for (const mention of kept) context.lastOfKind.set(mention.kind, mention);
  return kept;
}

/** The mentions findAliasedEntities finds, without noting them in the context. */
function aliasedMentions(text: string, context: EntityContext): EntityMention[] {
  const folded = foldForMatch(text);
  return (
    (folded.length === text.length ? aliasedInOnePass(ALIASES, text, folded, context) : null) ??
    aliasedInTwoPasses(ALIASES, text, folded, context)
  );
}

/** A mention of `entry` (field by field, not a spread: the entry may be an earlier mention, "the daily"). */
function mentionOf(text: string, start: number, end: number, entry: AliasEntry): EntityMention {
  return { key: entry.key, label: entry.label, kind: entry.kind, text: text.slice(start, end), start, end };
}

/** The entry a folded name stands for: its own, or for "the daily" the last one of its kind. */
function foldedEntry(aliases: CompiledAliases, name: string, context: EntityContext): AliasEntry | undefined {
  const kind = aliases.referBack.get(name);
  return kind === undefined ? aliases.byName.get(name) : context.lastOfKind.get(kind);
}

/** "the South Korean company" is not "the South": a capitalised word after it makes a longer name. */
function casedNameGoesOn(text: string, name: string, end: number): boolean {
  return name.startsWith('the ') && /^\s+\p{Lu}/u.test(text.slice(end, end + 3));
}

/**
 * The folded names (in the folded text) and the cased names (in the text), each pass left to right without
 * overlaps of its own, then all sorted by start (longest first) and kept unless they overlap one kept before.
 * Exported for the test that checks aliasedInOnePass against it.
 */
export function aliasedInTwoPasses(
  aliases: CompiledAliases,
  text: string,
  folded: string,
  context: EntityContext,
): EntityMention[] {
  const found: EntityMention[] = [];
  const sameShape = folded.length === text.length;
  aliases.folded.forEachMatch(sameShape ? folded : text, (start, written) => {
    const entry = foldedEntry(aliases, sameShape ? written : foldForMatch(written), context);
    if (entry !== undefined) found.push(mentionOf(text, start, start + written.length, entry));
  });
  aliases.cased.forEachMatch(text, (start, name) => {
    const end = start + name.length;
    const entry = casedNameGoesOn(text, name, end) ? undefined : aliases.byName.get(name);
    if (entry !== undefined) found.push(mentionOf(text, start, end, entry));
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: EntityMention[] = [];
  let reach = -1;
  for (const mention of found) {
    if (mention.start < reach) continue;
    kept.push(mention);
    reach = mention.end;
  }
  return kept;
}

/**
 * Marks other than ASCII that folding turns into ASCII without NFKC (curly quotes, dashes; see NFKC_AS_IS in
 * text.ts), by UTF-16 unit: none is a letter or digit, before or after folding.
 */
const PLAIN_FOLDED = new Set(
  [...'\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb\u2010\u2012\u2013\u2014\u2015\u2212'].map(
    (mark) => mark.charCodeAt(0),
  ),
);

/**
 * What aliasedInTwoPasses finds, in one walk over the text instead of two walks and a sort: where a name
 * may start is the same in the text and its fold when the text holds only ASCII and PLAIN_FOLDED marks
 * (folding then only lower-cases letters and plains marks, one unit for one). Each pass keeps its own
 * "next free position", so each finds what it found alone; mentions come in start order, and a cased name
 * longer than a folded one at the same start replaces it, as the sort put it first. Null for other text
 * (a letter like "é" may have been changed by NFKC): aliasedInTwoPasses is then used.
 */
export function aliasedInOnePass(
  aliases: CompiledAliases,
  text: string,
  folded: string,
  context: EntityContext,
): EntityMention[] | null {
  const kept: EntityMention[] = [];
  let reach = 0;
  let foldedFree = 0;
  let casedFree = 0;
  const length = text.length;
  let at = 0;
  while (at < length) {
    // Here the character before `at` is no letter or digit, so a name may start at `at`.
    if (at >= foldedFree) {
      const written = aliases.folded.nameAt(folded, at);
      if (written !== undefined) {
        foldedFree = at + written.length;
        const entry = foldedEntry(aliases, written, context);
        if (entry !== undefined && at >= reach) {
          kept.push(mentionOf(text, at, foldedFree, entry));
          reach = foldedFree;
        }
      }
    }
    if (at >= casedFree) {
      const name = aliases.cased.nameAt(text, at);
      if (name !== undefined) {
        const end = at + name.length;
        casedFree = end;
        const entry = casedNameGoesOn(text, name, end) ? undefined : aliases.byName.get(name);
        if (entry !== undefined) {
          if (at >= reach) {
            kept.push(mentionOf(text, at, end, entry));
            reach = end;
          } else if (end > reach && kept[kept.length - 1]?.start === at) {
            kept[kept.length - 1] = mentionOf(text, at, end, entry);
            reach = end;
          }
        }
      }
    }
    // To the next position after a character that is no ASCII letter or digit.
    for (;;) {
      const code = text.charCodeAt(at++);
      if (code >= 0x80) {
        if (!PLAIN_FOLDED.has(code)) return null;
        break;
      }
      const letter = code | 0x20;
      if (!((letter >= 0x61 && letter <= 0x7a) || (code >= 0x30 && code <= 0x39)) || at >= length) break;
    }
  }
  return kept;
}

/**
 * The context of a text read on its own: nothing named before it. Never written to (aliasesIn does not note
 * its mentions), so one serves every text instead of a new Map per text.
 */
const NO_CONTEXT: EntityContext = { lastOfKind: new Map() };

/** The alias-table names of a text read on its own (no "the daily" to resolve), memoised per comparison. */
export const aliasesIn: (text: string) => EntityMention[] = memoize((text) => aliasedMentions(text, NO_CONTEXT));

/** Words that open a sentence with a capital but are not names ("The", "Asked", "However"). */
const NOT_NAMES = new Set([
  'a',
  'an',
  'the',
  'i',
  'in',
  'on',
  'at',
  'as',
  'asked',
  'after',
  'before',
  'but',
  'and',
  'or',
  'if',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'some',
  'many',
  'most',
  'all',
  'both',
  'neither',
  'either',
  'none',
  'one',
  'two',
  'when',
  'while',
  'what',
  'who',
  'why',
  'how',
  'however',
  'meanwhile',
  'also',
  'everyone',
  'individuals',
  'officials',
  'respecting',
  'commenting',
  'according',
  'above',
  'below',
  'since',
  'with',
  'without',
  'for',
  'from',
  'to',
  'of',
  'by',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'last',
  'next',
  'earlier',
  'later',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'photo',
  'read',
  'see',
  'follow',
  'sign',
  'advertisement',
  'yes',
  'no',
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'president',
  'minister',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  // Adjectives written with a capital that name no one: "Western intelligence", "Asian features".
  'western',
  'eastern',
  'asian',
  'european',
  'african',
  'arab',
]);

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

function overlapsAny(start: number, end: number, spans: ReadonlyArray<EntityMention>): boolean {
  for (const span of spans) if (start < span.end && span.start < end) return true;
  return false;
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
    if (overlapsAny(start, end, taken)) continue;
    if (words.length === 1 && (name.length < 2 || /^[A-Z]$/.test(name))) continue;
    // The key leaves out titles before the name: "President Yoon" → yoon.
    let first = 0;
    while (words.length - first > 1 && TITLES.has(foldForMatch(words[first] ?? ''))) first++;
    const label = first === 0 ? name : words.slice(first).join(' ');
    mentions.push({ key: slugify(label), label, kind: 'name', text: name, start, end });
  }
  return mentions;
}

const EQUIVALENT_NAMES = [...ALIASES.equivalenceClass.keys()]
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  .map(escapeRegExp)
  .join('|')
  .replace(/ /g, '\\s+');

const EQUIVALENCE_PATTERN = new RegExp(`(?<![\\p{L}])(?:${EQUIVALENT_NAMES})(?![\\p{L}])`, 'gu');

/**
 * The same names without the look-arounds and /u: far cheaper to run, and a text it finds nothing in
 * holds no match of EQUIVALENCE_PATTERN either (most sentences hold no "per cent", "pct" or "%").
 */
const EQUIVALENCE_HINT = new RegExp(EQUIVALENT_NAMES);

export interface EquivalentPhrase {
  start: number;
  end: number;
  /** Canonical member of the phrase's equivalence group: "per cent" → "percent". */
  key: string;
}

/** Phrases of the equivalence table in a text: "80 per cent" → "per cent" (key "percent"). */
export function findEquivalentPhrases(text: string): EquivalentPhrase[] {
  const folded = foldForMatch(text);
  if (folded.length !== text.length || !EQUIVALENCE_HINT.test(folded)) return [];
  const found: EquivalentPhrase[] = [];
  for (const match of folded.matchAll(EQUIVALENCE_PATTERN)) {
    const key = ALIASES.equivalenceClass.get(match[0].replace(/\s+/g, ' '));
    if (key !== undefined) found.push({ start: match.index, end: match.index + match[0].length, key });
  }
  return found;
}

/**
 * The canonical form of a phrase: folded, aliases replaced by their entity key, equivalences by their
 * canonical member. "the Republic of Korea’s 80 per cent" → "the [south-korea]'s 80 percent".
 */
export const canonicalPhrase: (text: string) => string = memoize(canonicalPhraseOf);

function canonicalPhraseOf(text: string): string {
  const spans = [
    // Only the span and key are read: no copy of the whole mention.
    ...aliasesIn(text).map((entity) => ({ start: entity.start, end: entity.end, key: `[${entity.key}]` })),
    ...findEquivalentPhrases(text),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    result += `${foldForMatch(text.slice(cursor, span.start))} ${span.key} `;
    cursor = span.end;
  }
  return collapseSpaces(result + foldForMatch(text.slice(cursor))).trim();
}
