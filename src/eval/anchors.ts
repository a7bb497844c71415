// Gold anchors resolved against an ingested article: an anchor names the sentences of the clean article that
// overlap its first occurrence in the clean text, so the gold holds however the ingest segments the text.

import type { Article, Sentence } from '../types.js';
import { type FoldedText, fold, foldWithOffsets, occurrences } from './fold.js';

export class AnchorIndex {
  readonly article: Article;
  private readonly folded: FoldedText;

  constructor(article: Article) {
    this.article = article;
    this.folded = foldWithOffsets(article.text);
  }

  /** Spans [start, end) in the clean text of every occurrence of the anchor. */
  spans(anchor: string): Array<[number, number]> {
    const needle = fold(anchor);
    return occurrences(this.folded.text, needle).map((at) => [
      this.folded.offsets[at] ?? 0,
      (this.folded.offsets[at + needle.length - 1] ?? 0) + 1,
    ]);
  }

  /** Indexes of the sentences that overlap the anchor's first occurrence; empty when the text has lost it. */
  sentences(anchor: string): number[] {
    const span = this.spans(anchor)[0];
    return span === undefined ? [] : this.overlapping(span);
  }

  /** Indexes of the sentences that overlap any occurrence of the anchor. */
  allSentences(anchor: string): number[] {
    const found = new Set<number>();
    for (const span of this.spans(anchor)) for (const index of this.overlapping(span)) found.add(index);
    return [...found].sort((a, b) => a - b);
  }

  /** Indexes of the sentences that overlap a span of the clean text. */
  sentencesIn(span: [number, number]): number[] {
    return this.overlapping(span);
  }

  /** The span from the first occurrence of `first` to the end of the first `last` after it, if both are there. */
  between(first: string, last: string): [number, number] | null {
    const start = this.spans(first)[0];
    if (start === undefined) return null;
    const end = this.spans(last).find(([from]) => from >= start[0]);
    return end === undefined ? null : [start[0], end[1]];
  }

  sentence(index: number): Sentence | undefined {
    return this.article.sentences[index];
  }

  private overlapping([start, end]: [number, number]): number[] {
    return this.article.sentences.filter((s) => s.start < end && s.end > start).map((s) => s.index);
  }
}
