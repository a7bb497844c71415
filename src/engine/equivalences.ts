// Phrases that mean the same whatever the spelling ("per cent" = "percent" = "%", from the equivalences of
// data/aliases.json), and the canonical form of a phrase that both aliases and equivalences reduce.
import { aliasesIn, equivalenceClasses } from './aliases.js';
import { memoize } from './memo.js';
import { collapseSpaces, foldForMatch } from './text.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const EQUIVALENCE_CLASS = equivalenceClasses();

const EQUIVALENT_NAMES = [...EQUIVALENCE_CLASS.keys()]
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
    const key = EQUIVALENCE_CLASS.get(match[0].replace(/\s+/g, ' '));
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
