// TF-IDF-weighted cosine between sentences. A term's IDF comes from the sentences of both articles plus
// an optional corpus, so a story's ubiquitous words ("North Korean", "soldier") count for little and a
// rare one ("grenade", "80 percent") for much.
import type { SentenceFeatures } from './features.js';

/** Sentence-level document frequencies of feature terms over a set of articles (see buildCorpusStats). */
export interface CorpusStats {
  /** Number of sentences counted. */
  documents: number;
  /** Term → number of those sentences that contain it. */
  documentFrequency: ReadonlyMap<string, number>;
}

export type IdfFunction = (term: string) => number;

export function countDocumentFrequency(sentences: ReadonlyArray<SentenceFeatures>, into: Map<string, number>): void {
  for (const sentence of sentences) {
    for (const term of sentence.terms.keys()) into.set(term, (into.get(term) ?? 0) + 1);
  }
}

/** Smoothed IDF, ln(1 + N / (1 + df)): positive for every term, highest for terms in one sentence. */
export function buildIdf(
  sides: ReadonlyArray<ReadonlyArray<SentenceFeatures>>,
  corpus: CorpusStats | undefined,
): IdfFunction {
  const local = new Map<string, number>();
  let documents = corpus?.documents ?? 0;
  for (const side of sides) {
    countDocumentFrequency(side, local);
    documents += side.length;
  }
  const cache = new Map<string, number>();
  return (term) => {
    let idf = cache.get(term);
    if (idf === undefined) {
      const df = (local.get(term) ?? 0) + (corpus?.documentFrequency.get(term) ?? 0);
      idf = Math.log(1 + documents / (1 + df));
      cache.set(term, idf);
    }
    return idf;
  };
}

/** A unit-length TF-IDF vector. */
export interface TermVector {
  weights: Map<string, number>;
}

export function vectorOf(termGroups: ReadonlyArray<ReadonlyMap<string, number>>, idf: IdfFunction): TermVector {
  const weights = new Map<string, number>();
  for (const terms of termGroups) {
    for (const [term, count] of terms) weights.set(term, (weights.get(term) ?? 0) + count);
  }
  let norm = 0;
  for (const [term, count] of weights) {
    const weight = count * idf(term);
    weights.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of weights) weights.set(term, weight / norm);
  return { weights };
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return Math.min(1, Math.max(0, dot));
}
