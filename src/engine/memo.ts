// Memoised pure text functions, scoped to one comparison. A comparison asks the same questions of the same
// text many times (the alias names in a sentence, its figures, its canonical form: for features, the word
// diff, the labels and the facts); the answers depend on the text alone. compareArticles clears the
// memos before and after it runs, so nothing outlives a comparison and memory stays bounded.

/** One memo's table, replaced by an empty one when the memos are cleared. */
interface MemoTable {
  map: Map<string, unknown>;
}

const memos: MemoTable[] = [];

/**
 * Wrap a pure function of one string so that within a comparison each text is computed once. The function
 * never answers `undefined` (the type says so), so a memo that answers `undefined` has not seen the text:
 * one look-up per question, not a second to tell "not seen" from "seen, undefined" (most texts asked of are
 * new, and each look-up hashes and compares a text).
 */
export function memoize<T extends string | number | boolean | object | null>(
  compute: (text: string) => T,
): (text: string) => T {
  const table: MemoTable = { map: new Map<string, T>() };
  memos.push(table);
  return (text) => {
    const memo = table.map as Map<string, T>;
    let value = memo.get(text);
    if (value === undefined) {
      value = compute(text);
      memo.set(text, value);
    }
    return value;
  };
}

/**
 * Forget every memoised answer: called by compareArticles before and after each comparison. Each table is
 * replaced by a new Map rather than emptied with clear(): a Map that has lived through several comparisons
 * sits in V8's old generation, and filling it again with new strings cost ~10× more per entry than filling
 * a new one (measured: ~460 ns per set after clear(), ~150 sets per feature extraction of the seed pair).
 */
export function clearMemos(): void {
  for (const table of memos) table.map = new Map();
}

/** Entries a word table holds before it starts again empty: far more than the words of a newsroom's stories. */
const WORD_TABLE_LIMIT = 200_000;

/**
 * Answers that depend on one word alone (its stem, its stop-word and negation flags), kept from one comparison
 * to the next because words repeat from article to article. Unlike the memos, a word table outlives the
 * comparison, so it is bounded: at `limit` entries it starts again empty, and uploads full of made-up words
 * cannot grow a server's memory without end.
 */
export class WordTable<T> {
  private map = new Map<string, T>();

  constructor(private readonly limit = WORD_TABLE_LIMIT) {}

  get(word: string): T | undefined {
    return this.map.get(word);
  }

  set(word: string, value: T): void {
    if (this.map.size >= this.limit) this.map = new Map();
    this.map.set(word, value);
  }
}
