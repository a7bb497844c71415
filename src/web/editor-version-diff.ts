// What an outlet changed between two versions of one article, NewsDiffs-style: the newer version's
// sentences in order, each unchanged, reworded (with a word diff), or added, and the sentences the outlet
// removed shown where they used to stand. Built from the engine's comparison of the two versions.

import type { Article, Comparison, DiffRun } from '../types.js';

export interface WordRun {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export type ChangeRow =
  | { kind: 'unchanged'; text: string; moved: boolean }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'reworded'; runs: WordRun[]; moved: boolean };

export interface VersionChange {
  rows: ChangeRow[];
  added: number;
  removed: number;
  reworded: number;
  unchanged: number;
}

/** The word runs of a matched pair; an equivalence ("per cent" → "percent") is still an edit between versions. */
function wordRuns(diff: DiffRun[], leftText: string, rightText: string): WordRun[] {
  const runs: WordRun[] = [];
  for (const run of diff) {
    if (run.op === 'equal') runs.push({ op: 'equal', text: run.text });
    else if (run.op === 'left') runs.push({ op: 'removed', text: run.text });
    else if (run.op === 'right') runs.push({ op: 'added', text: run.text });
    else runs.push({ op: 'removed', text: run.left }, { op: 'added', text: run.right });
  }
  if (runs.length === 0) runs.push({ op: 'removed', text: leftText }, { op: 'added', text: rightText });
  return runs;
}

function joinSentences(article: Article, indexes: number[]): string {
  return indexes.map((i) => article.sentences[i]?.text ?? '').join(' ');
}

/**
 * The rows of the change from `prev` to `next`. Sentences the comparison leaves out (captions and
 * standfirsts are not aligned) are matched by identical text, else counted as added or removed.
 */
export function describeVersionChange(prev: Article, next: Article, comparison: Comparison): VersionChange {
  // Right sentence index → the row that starts there; left index → the right index it is anchored to.
  const rowAt = new Map<number, ChangeRow>();
  const covered = new Set<number>();
  const leftAnchor = new Map<number, number>();
  const change: VersionChange = { rows: [], added: 0, removed: 0, reworded: 0, unchanged: 0 };

  for (const alignment of comparison.alignments) {
    const first = alignment.right[0];
    if (first === undefined) continue;
    const leftText = joinSentences(prev, alignment.left);
    const rightText = joinSentences(next, alignment.right);
    const row: ChangeRow =
      leftText === rightText
        ? { kind: 'unchanged', text: rightText, moved: alignment.moved }
        : { kind: 'reworded', runs: wordRuns(alignment.diff, leftText, rightText), moved: alignment.moved };
    rowAt.set(first, row);
    for (const r of alignment.right) covered.add(r);
    for (const l of alignment.left) leftAnchor.set(l, first);
  }

  // Sentences outside the comparison (non-body roles): identical text on both sides means unchanged.
  const compared = new Set<number>([...comparison.leftOnly, ...leftAnchor.keys()]);
  const unmatchedLeftByText = new Map<string, number[]>();
  for (const sentence of prev.sentences) {
    if (compared.has(sentence.index)) continue;
    const list = unmatchedLeftByText.get(sentence.text) ?? [];
    list.push(sentence.index);
    unmatchedLeftByText.set(sentence.text, list);
  }
  const rightOnly = new Set(comparison.rightOnly);
  for (const sentence of next.sentences) {
    if (covered.has(sentence.index) || rightOnly.has(sentence.index)) continue;
    const same = unmatchedLeftByText.get(sentence.text)?.shift();
    if (same !== undefined) {
      rowAt.set(sentence.index, { kind: 'unchanged', text: sentence.text, moved: false });
      leftAnchor.set(same, sentence.index);
    } else {
      rowAt.set(sentence.index, { kind: 'added', text: sentence.text });
    }
  }
  for (const index of comparison.rightOnly) {
    const text = next.sentences[index]?.text;
    if (text !== undefined) rowAt.set(index, { kind: 'added', text });
  }

  // A removed sentence goes just after the row of the last surviving sentence that preceded it, so a
  // replacement reads "- old, + new" and a removed opening sentence comes first.
  const removedAfter = new Map<number, string[]>();
  const removedAtStart: string[] = [];
  for (const sentence of prev.sentences) {
    if (leftAnchor.has(sentence.index)) continue;
    let anchor: number | undefined;
    for (let l = sentence.index - 1; l >= 0 && anchor === undefined; l--) anchor = leftAnchor.get(l);
    const bucket = anchor === undefined ? removedAtStart : (removedAfter.get(anchor) ?? []);
    bucket.push(sentence.text);
    if (anchor !== undefined) removedAfter.set(anchor, bucket);
  }

  const push = (row: ChangeRow): void => {
    change.rows.push(row);
    change[row.kind] += 1;
  };
  for (const text of removedAtStart) push({ kind: 'removed', text });
  for (const sentence of next.sentences) {
    const row = rowAt.get(sentence.index);
    if (row !== undefined) push(row);
    for (const text of removedAfter.get(sentence.index) ?? []) push({ kind: 'removed', text });
  }
  return change;
}

/** "3 added, 1 removed, 2 reworded" or "no change in the text". */
export function summarizeChange(change: VersionChange): string {
  const parts: string[] = [];
  if (change.added > 0) parts.push(`${change.added} added`);
  if (change.removed > 0) parts.push(`${change.removed} removed`);
  if (change.reworded > 0) parts.push(`${change.reworded} reworded`);
  return parts.length === 0 ? 'no change in the sentences' : parts.join(', ');
}
