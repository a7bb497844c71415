// Memoised pure text functions, scoped to one comparison. A comparison asks the same questions of the same
// text many times (the alias names in a sentence, its figures, its canonical form: for features, the word
// diff, the labels and the facts); the answers depend on the text alone. compareArticles clears the
// memos before and after it runs, so nothing outlives a comparison and memory stays bounded.

const memos: Array<Map<string, unknown>> = [];

/** Wrap a pure function of one string so that within a comparison each text is computed once. */
export function memoize<T>(compute: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  memos.push(memo as Map<string, unknown>);
  return (text) => {
    let value = memo.get(text);
    if (value === undefined && !memo.has(text)) {
      value = compute(text);
      memo.set(text, value);
    }
    return value as T;
  };
}

/** Forget every memoised answer: called by compareArticles before and after each comparison. */
export function clearMemos(): void {
  for (const memo of memos) memo.clear();
}
