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

/**
 * Merge stems that extend a shorter stem (at least `minSharedStem` letters) of the two articles into it, in place, in every term map.
 * Only plain stems are merged, never entity, number or date terms (which carry a prefix such as "e:").
 * Returns the sentence-level document frequency of every term after the merge, as countDocumentFrequency
 * would count the merged sentences: the terms are counted on the way, and only what a merge rewrites is
 * counted again, so the terms are read once rather than twice (once here, once for the IDF).
 */
export function mergeStemVariants(
  sides: ReadonlyArray<ReadonlyArray<SentenceFeatures>>,
  minSharedStem: number,
): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const side of sides) countDocumentFrequency(side, documentFrequency);
  const canonical = new Map<string, string>();
  for (const stem of documentFrequency.keys()) {
    if (stem.includes(':')) continue;
    // A prefix of a plain stem holds no ":", so it is a term only if it is a plain stem.
    for (let length = minSharedStem; length < stem.length; length++) {
      const prefix = stem.slice(0, length);
      if (documentFrequency.has(prefix)) {
        canonical.set(stem, prefix);
        break;
      }
    }
  }
  if (canonical.size === 0) return documentFrequency;
  // Sentences with the same text share their term maps (the feature cache): a map is rewritten once, and
  // the change in counts it made is counted again for every other sentence that holds it.
  const changes = new Map<ReadonlyMap<string, number>, Array<[string, number]>>();
  for (const side of sides) {
    for (const sentence of side) {
      const seen = changes.get(sentence.terms);
      if (seen !== undefined) {
        countChange(documentFrequency, seen);
        continue;
      }
      for (const map of [sentence.terms, sentence.quoteTerms]) {
        // Most sentences hold no merged stem: copy and rewrite only the maps that do.
        if (!hasAnyKey(map, canonical)) continue;
        const change: Array<[string, number]> = [];
        for (const [term, count] of [...map]) {
          const target = canonical.get(term);
          if (target === undefined) continue;
          map.delete(term);
          const before = map.get(target);
          map.set(target, (before ?? 0) + count);
          change.push([term, -1]);
          if (before === undefined) change.push([target, 1]);
        }
        if (map === sentence.terms) {
          changes.set(map, change);
          countChange(documentFrequency, change);
        }
      }
    }
  }
  return documentFrequency;
}

function countChange(documentFrequency: Map<string, number>, change: ReadonlyArray<[string, number]>): void {
  for (const [term, by] of change) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + by);
}

function hasAnyKey(map: ReadonlyMap<string, number>, keys: ReadonlyMap<string, string>): boolean {
  for (const key of map.keys()) if (keys.has(key)) return true;
  return false;
}

export function countDocumentFrequency(sentences: ReadonlyArray<SentenceFeatures>, into: Map<string, number>): void {
  for (const sentence of sentences) {
    for (const term of sentence.terms.keys()) into.set(term, (into.get(term) ?? 0) + 1);
  }
}

/**
 * IDF = ln((N + 1) / df): a term in nearly every sentence of the story ("North Korea", "soldier") counts for
 * almost nothing, one in two sentences ("grenade", "Constitution") for much. A term seen nowhere else (df 0,
 * possible with a corpus that lacks it) counts as if seen once.
 */
export function buildIdf(
  sides: ReadonlyArray<ReadonlyArray<SentenceFeatures>>,
  corpus: CorpusStats | undefined,
  /** The sides' document frequencies when the caller has them (mergeStemVariants returns them). */
  counted?: ReadonlyMap<string, number>,
): IdfFunction {
  let local = counted;
  if (local === undefined) {
    const counting = new Map<string, number>();
    for (const side of sides) countDocumentFrequency(side, counting);
    local = counting;
  }
  let documents = corpus?.documents ?? 0;
  for (const side of sides) documents += side.length;
  const cache = new Map<string, number>();
  return (term) => {
    let idf = cache.get(term);
    if (idf === undefined) {
      const df = (local.get(term) ?? 0) + (corpus?.documentFrequency.get(term) ?? 0);
      idf = Math.log((documents + 1) / Math.max(1, df));
      cache.set(term, idf);
    }
    return idf;
  };
}

/** A unit-length TF-IDF vector: term ids of one TermSpace, in first-seen order, and their weights. */
export interface TermVector {
  ids: number[];
  weights: number[];
}

/** A sentence (or group of sentences) ready for scoring: its terms, and separately its quoted words. */
export interface SentenceVector {
  main: TermVector;
  quoted: TermVector | null;
}

/**
 * The terms of one comparison as small integers, so that vectors are typed arrays and a cosine is array
 * reads instead of string-keyed Map lookups (a tenth of the alignment time went to those). Each term's IDF
 * is asked once. The arithmetic is the Map version's, in the same order: the same scores to the last bit.
 */
export class TermSpace {
  private readonly idOf = new Map<string, number>();
  private readonly idfOf: number[] = [];
  /** Scratch, indexed by term id: weights of the vector being looked up in, zero elsewhere. */
  private dense: Float64Array;
  /** Scratch for summing a group's counts: the count per term id, and where a term was last seen. */
  private counts: Float64Array;
  private seenIn: Int32Array;
  private groupStamp = 0;

  /** `expectedTerms`: about how many distinct terms will come, so the scratch arrays are sized once. */
  constructor(
    private readonly idf: IdfFunction,
    expectedTerms = 64,
  ) {
    this.dense = new Float64Array(Math.max(64, expectedTerms));
    this.counts = new Float64Array(this.dense.length);
    this.seenIn = new Int32Array(this.dense.length);
  }

  private intern(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.idfOf.length;
      this.idOf.set(term, id);
      this.idfOf.push(this.idf(term));
      if (id >= this.dense.length) this.grow();
    }
    return id;
  }

  private grow(): void {
    const size = this.dense.length * 2;
    const dense = new Float64Array(size);
    dense.set(this.dense);
    this.dense = dense;
    const counts = new Float64Array(size);
    counts.set(this.counts);
    this.counts = counts;
    const seenIn = new Int32Array(size);
    seenIn.set(this.seenIn);
    this.seenIn = seenIn;
  }

  /** Sum the counts of term maps (a group of sentences), weigh them by IDF and scale to unit length. */
  vector(termGroups: ReadonlyArray<ReadonlyMap<string, number>>): TermVector {
    const order: number[] = [];
    const stamp = ++this.groupStamp;
    for (const terms of termGroups) {
      for (const [term, count] of terms) {
        const id = this.intern(term);
        if (this.seenIn[id] !== stamp) {
          this.seenIn[id] = stamp;
          this.counts[id] = count;
          order.push(id);
        } else this.counts[id] = (this.counts[id] as number) + count;
      }
    }
    // Plain arrays: typed arrays cost more to make than they save at twenty-odd terms a sentence.
    const ids = order;
    const weights: number[] = [];
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      const weight = (this.counts[id] as number) * (this.idfOf[id] as number);
      weights.push(weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / norm;
    return { ids, weights };
  }

  sentenceVector(sentences: ReadonlyArray<Pick<SentenceFeatures, 'terms' | 'quoteTerms'>>): SentenceVector {
    const quoteGroups = sentences.map((sentence) => sentence.quoteTerms).filter((terms) => terms.size > 0);
    return {
      main: this.vector(sentences.map((sentence) => sentence.terms)),
      quoted: quoteGroups.length === 0 ? null : this.vector(quoteGroups),
    };
  }

  /** Cosine of two unit vectors: the smaller one's terms, in its order, looked up in the larger one. */
  cosine(a: TermVector, b: TermVector): number {
    const small = a.ids.length <= b.ids.length ? a : b;
    const large = small === a ? b : a;
    const dense = this.dense;
    for (let k = 0; k < large.ids.length; k++) dense[large.ids[k] as number] = large.weights[k] as number;
    let dot = 0;
    for (let k = 0; k < small.ids.length; k++) {
      const other = dense[small.ids[k] as number] as number;
      // An absent term reads 0, and a zero weight adds nothing: the same sum as skipping both.
      if (other !== 0) dot += (small.weights[k] as number) * other;
    }
    for (let k = 0; k < large.ids.length; k++) dense[large.ids[k] as number] = 0;
    return Math.min(1, Math.max(0, dot));
  }

  /**
   * Cosine of the terms, plus a bonus when both sentences quote the same words. The bonus is added rather
   * than mixed into the cosine so that a quote set against a paraphrase of it is not penalised.
   */
  similarity(a: SentenceVector, b: SentenceVector, quoteBonus: number): number {
    const base = this.cosine(a.main, b.main);
    const quoted = a.quoted !== null && b.quoted !== null ? this.cosine(a.quoted, b.quoted) : 0;
    return Math.min(1, base + quoteBonus * quoted);
  }
}
