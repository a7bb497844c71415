// Named entities through an alias table kept as data (data/aliases.json): "ROK", "Republic of Korea"
// and "the South" are all South Korea; "the daily" refers back to the newspaper named last.
import aliasData from './data/aliases.json' with { type: 'json' };
import { memoize } from './memo.js';
import { NameMatcher } from './name-matcher.js';
import { foldForMatch } from './text.js';

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

/** A name is matched case-sensitively when it is an acronym ("US", "ROK") or starts with "the " ("the North"). */
function isCased(name: string): boolean {
  return /^[A-Z.]{2,}$/.test(name) || /^the [A-Z]/.test(name);
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

/** Equivalent spellings ("per cent", "pct") by their folded form, to the canonical member of their group. */
export function equivalenceClasses(): ReadonlyMap<string, string> {
  return ALIASES.equivalenceClass;
}

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
