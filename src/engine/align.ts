// Sentence alignment. Outlets reorder wire copy, so this is not an order-preserving diff: the best
// pairs are taken greedily whatever their order, a split sentence joins its neighbour's pair, and pairs
// that break the other article's order are marked as moved.
import type { SentenceFeatures } from './features.js';
import { type IdfFunction, type SentenceVector, TermSpace } from './similarity.js';
import { foldForMatch } from './text.js';

/** The settings the same-wording and cut-off scores use (EngineSettings, src/config.ts ENGINE). */
export interface WordingOptions {
  sameWordingMinWords: number;
  sameWordingShare: number;
  sameWordingScore: number;
  minCutOffLength: number;
}

export interface AlignOptions extends WordingOptions {
  matchThreshold: number;
  splitPartThreshold: number;
  splitGain: number;
  maxGroupSize: number;
  exhaustivePairLimit: number;
  candidateTerms: number;
  maxPostings: number;
  maxCandidates: number;
  /** See FeatureWeights.quoteBonus. */
  quoteBonus: number;
}

export interface AlignedGroup {
  /** Sentence indexes (Sentence.index), ascending. */
  left: number[];
  right: number[];
  similarity: number;
  moved: boolean;
}

export interface AlignmentResult {
  groups: AlignedGroup[];
  leftOnly: number[];
  rightOnly: number[];
}

interface ScoredPair {
  left: number;
  right: number;
  similarity: number;
}

/** Each sentence's rarest terms, the ones that can find its counterpart among thousands. */
function rareTerms(sentence: SentenceFeatures, idf: IdfFunction, count: number): string[] {
  return [...sentence.terms.keys()]
    .map((term) => ({ term, idf: idf(term) }))
    .sort((a, b) => b.idf - a.idf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, count)
    .map((entry) => entry.term);
}

/**
 * Candidate pairs from an inverted index: a pair is scored only if the two sentences share one of the
 * rarest terms of either. Keeps 5,000 × 5,000 sentences to a few hundred thousand cosines.
 */
function candidatePairs(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  idf: IdfFunction,
  options: AlignOptions,
): Set<number> {
  const keys = new Set<number>();
  addCandidates(keys, left, right, false, right.length, idf, options);
  addCandidates(keys, right, left, true, right.length, idf, options);
  return keys;
}

/**
 * For each sentence of `from`, the sentences of `to` that share the most of its rare terms, as pair keys
 * (left position × right count + right position); `flip` when `from` is the right side.
 */
function addCandidates(
  keys: Set<number>,
  from: ReadonlyArray<SentenceFeatures>,
  to: ReadonlyArray<SentenceFeatures>,
  flip: boolean,
  rightCount: number,
  idf: IdfFunction,
  options: AlignOptions,
): void {
  const postings = new Map<string, number[]>();
  to.forEach((sentence, position) => {
    for (const term of sentence.terms.keys()) {
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [position]);
      else list.push(position);
    }
  });
  from.forEach((sentence, position) => {
    const hits = new Map<number, number>();
    for (const term of rareTerms(sentence, idf, options.candidateTerms)) {
      const list = postings.get(term);
      if (list === undefined || list.length > options.maxPostings) continue;
      for (const other of list) hits.set(other, (hits.get(other) ?? 0) + 1);
    }
    for (const other of strongest(hits, options.maxCandidates)) {
      keys.add(flip ? other * rightCount + position : position * rightCount + other);
    }
  });
}

/**
 * The `limit` sentences with the most shared rare terms, ties to the earlier sentence: the first `limit` of
 * the hits sorted by count (descending) then position, without sorting thousands of hits of common terms.
 * Only which sentences are chosen matters (the caller sorts the pairs), not their order here.
 */
function strongest(hits: ReadonlyMap<number, number>, limit: number): number[] {
  if (limit <= 0) {
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([other]) => other)
      .slice(0, limit);
  }
  if (hits.size <= limit) return [...hits.keys()];
  const byCount: number[][] = [];
  for (const [other, count] of hits) {
    const bucket = byCount[count];
    if (bucket === undefined) byCount[count] = [other];
    else bucket.push(other);
  }
  const chosen: number[] = [];
  for (let count = byCount.length - 1; count >= 0 && chosen.length < limit; count--) {
    const bucket = byCount[count];
    if (bucket === undefined) continue;
    if (chosen.length + bucket.length <= limit) chosen.push(...bucket);
    else chosen.push(...bucket.sort((a, b) => a - b).slice(0, limit - chosen.length));
  }
  return chosen;
}

function isCutOff(sentence: SentenceFeatures, minLength: number): boolean {
  return sentence.text.length >= minLength && !/[.!?…"”’)\]]\s*$/.test(sentence.text);
}

/**
 * A sentence cut off mid-way (a page stored up to a size limit) that is word for word the start of the
 * other side's sentence is the same sentence: scored by the share it keeps, at least 0.5. Before → after:
 * 'She said she would open the naval archive to reporters because "the pub' / the full sentence → 0.9.
 * Called only when one of the two is cut off.
 */
function cutOffScore(a: SentenceFeatures, b: SentenceFeatures): number {
  const [short, long] = a.text.length <= b.text.length ? [a.text, b.text] : [b.text, a.text];
  return foldForMatch(long).startsWith(foldForMatch(short)) ? 0.5 + (0.5 * short.length) / long.length : 0;
}

/**
 * The words a sentence says, figures and dates aside: its content stems and the names it mentions. Kept as
 * the stem set it already has plus its distinct entity keys, not copied into one set: the two never overlap
 * (a stem holds no ":", an entity term is "e:" + key), so sizes and shared counts simply add up.
 */
export interface Wording {
  stems: ReadonlySet<string>;
  entities: string[];
  size: number;
}

function wordingOf(sentence: SentenceFeatures): Wording {
  const entities = [...new Set(sentence.entities.map((entity) => entity.key))];
  return { stems: sentence.stems, entities, size: sentence.stems.size + entities.length };
}

/**
 * Two sentences that say the same words and differ only in a figure or a date are one sentence told two ways,
 * however much the figure weighs in the cosine: the label then says what changed. Before → after: "The minister
 * said 3,000 troops were sent." / "The minister said 4,000 troops were sent." (cosine 0.12) → options.sameWordingScore.
 */
export function sameWordingScore(a: Wording, b: Wording, options: WordingOptions): number {
  if (a.size < options.sameWordingMinWords || b.size < options.sameWordingMinWords) return 0;
  // The share can be no more than smaller / larger (all of the smaller set shared): most pairs stop here.
  if (Math.min(a.size, b.size) / Math.max(a.size, b.size) < options.sameWordingShare) return 0;
  let shared = 0;
  // Each word of `a` the other lacks lowers the most it can share: once even that most falls short, the
  // answer is no, whatever the rest holds (most pairs of a story are told apart after a word or two).
  let most = a.size;
  for (const stem of a.stems) {
    if (b.stems.has(stem)) shared++;
    else if (!sharesEnough(--most, a.size + b.size, options.sameWordingShare)) return 0;
  }
  for (const key of a.entities) if (b.entities.includes(key)) shared++;
  return sharesEnough(shared, a.size + b.size, options.sameWordingShare) ? options.sameWordingScore : 0;
}

/** Whether `shared` words of two wordings whose sizes add up to `sizes` are at least `share` of their union. */
function sharesEnough(shared: number, sizes: number, share: number): boolean {
  return shared / (sizes - shared) >= share;
}

/** Scores sentence pairs and keeps those that may join a match (at least options.splitPartThreshold). */
class PairScorer {
  readonly pairs: ScoredPair[] = [];
  // Once per sentence, not once per pair: a regular expression per pair was a tenth of the scoring.
  private readonly leftCutOff: boolean[];
  private readonly rightCutOff: boolean[];
  private readonly leftWording: Wording[];
  private readonly rightWording: Wording[];

  constructor(
    private readonly left: ReadonlyArray<SentenceFeatures>,
    private readonly right: ReadonlyArray<SentenceFeatures>,
    private readonly leftVectors: ReadonlyArray<SentenceVector>,
    private readonly rightVectors: ReadonlyArray<SentenceVector>,
    private readonly space: TermSpace,
    private readonly options: AlignOptions,
  ) {
    this.leftCutOff = left.map((sentence) => isCutOff(sentence, options.minCutOffLength));
    this.rightCutOff = right.map((sentence) => isCutOff(sentence, options.minCutOffLength));
    this.leftWording = left.map(wordingOf);
    this.rightWording = right.map(wordingOf);
  }

  score(i: number, j: number): void {
    let score = this.space.similarity(
      this.leftVectors[i] as SentenceVector,
      this.rightVectors[j] as SentenceVector,
      this.options.quoteBonus,
    );
    if (this.leftCutOff[i] === true || this.rightCutOff[j] === true) {
      score = Math.max(score, cutOffScore(this.left[i] as SentenceFeatures, this.right[j] as SentenceFeatures));
    }
    // The same-wording score is a floor: worth computing only when the cosine is below it.
    if (score < this.options.sameWordingScore) {
      score = Math.max(
        score,
        sameWordingScore(this.leftWording[i] as Wording, this.rightWording[j] as Wording, this.options),
      );
    }
    if (score >= this.options.splitPartThreshold) this.pairs.push({ left: i, right: j, similarity: score });
  }
}

function scorePairs(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  leftVectors: SentenceVector[],
  rightVectors: SentenceVector[],
  space: TermSpace,
  idf: IdfFunction,
  options: AlignOptions,
): ScoredPair[] {
  const scorer = new PairScorer(left, right, leftVectors, rightVectors, space, options);
  if (left.length * right.length <= options.exhaustivePairLimit) {
    for (let i = 0; i < left.length; i++) for (let j = 0; j < right.length; j++) scorer.score(i, j);
  } else {
    const keys = [...candidatePairs(left, right, idf, options)].sort((a, b) => a - b);
    for (const key of keys) scorer.score(Math.floor(key / right.length), key % right.length);
  }
  // Best first; ties broken by position so the result never depends on iteration order.
  return scorer.pairs.sort((a, b) => b.similarity - a.similarity || a.left - b.left || a.right - b.right);
}

interface WorkingGroup {
  left: number[];
  right: number[];
  similarity: number;
}

/**
 * Grow a pair into a one-to-many group with an unpaired neighbour when the joined sentences match the
 * other side better. Before → after: Yonhap's "I have made up my mind 80 percent … [ROK]." + "If I apply
 * for asylum, would they take me?" Ri said. → one group against The Straits Times' single "80 per cent" sentence.
 */
function growGroup(
  group: WorkingGroup,
  side: 'left' | 'right',
  features: ReadonlyArray<SentenceFeatures>,
  otherFeatures: ReadonlyArray<SentenceFeatures>,
  taken: Uint8Array,
  sentenceVectors: ReadonlyArray<SentenceVector>,
  space: TermSpace,
  options: AlignOptions,
): void {
  // Only `side` grows: the other side's vector is computed once. Left vectors are always the first
  // argument of similarity(), as everywhere else, so a score never depends on which side grew.
  const fixed = groupVector(space, otherFeatures, group[side === 'left' ? 'right' : 'left']);
  for (;;) {
    const members = group[side];
    if (members.length >= options.maxGroupSize) return;
    const first = members[0] ?? 0;
    const last = members[members.length - 1] ?? 0;
    let best: { position: number; similarity: number; members: number[] } | null = null;
    for (const position of [first - 1, last + 1]) {
      if (position < 0 || position >= features.length || taken[position] === 1) continue;
      const neighbour = features[position] as SentenceFeatures;
      const anchor = features[position < first ? first : last] as SentenceFeatures;
      const part = grownScore(space, side, sentenceVectors[position] as SentenceVector, fixed, options.quoteBonus);
      if (part < options.splitPartThreshold) continue;
      // A neighbour from another paragraph must stand on its own as a match.
      if (neighbour.paragraph !== anchor.paragraph && part < options.matchThreshold) continue;
      const grown = [...members, position].sort((a, b) => a - b);
      const similarity = grownScore(space, side, groupVector(space, features, grown), fixed, options.quoteBonus);
      if (similarity >= group.similarity + options.splitGain && (best === null || similarity > best.similarity)) {
        best = { position, similarity, members: grown };
      }
    }
    if (best === null) return;
    group[side] = best.members;
    group.similarity = best.similarity;
    taken[best.position] = 1;
  }
}

function groupVector(
  space: TermSpace,
  features: ReadonlyArray<SentenceFeatures>,
  members: ReadonlyArray<number>,
): SentenceVector {
  return space.sentenceVector(members.map((i) => features[i] as SentenceFeatures));
}

/** The similarity of a growing group's vector with the other side's, the left vector first as everywhere. */
function grownScore(
  space: TermSpace,
  side: 'left' | 'right',
  grown: SentenceVector,
  fixed: SentenceVector,
  quoteBonus: number,
): number {
  return side === 'left' ? space.similarity(grown, fixed, quoteBonus) : space.similarity(fixed, grown, quoteBonus);
}

/** Pairs outside one longest increasing run of right positions (ordered by left position) have moved. */
function markMoved(groups: WorkingGroup[]): boolean[] {
  const order = groups.map((_, i) => i).sort((a, b) => (groups[a]?.left[0] ?? 0) - (groups[b]?.left[0] ?? 0));
  const tails: number[] = [];
  const previous = new Array<number>(order.length).fill(-1);
  const positionAt: number[] = [];
  order.forEach((groupIndex, k) => {
    const value = groups[groupIndex]?.right[0] ?? 0;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((groups[order[tails[mid] ?? 0] ?? 0]?.right[0] ?? 0) < value) low = mid + 1;
      else high = mid;
    }
    previous[k] = low > 0 ? (tails[low - 1] ?? -1) : -1;
    tails[low] = k;
    positionAt[k] = low;
  });
  const inRun = new Array<boolean>(groups.length).fill(false);
  let k = tails.length > 0 ? (tails[tails.length - 1] ?? -1) : -1;
  while (k >= 0) {
    inRun[order[k] ?? 0] = true;
    k = previous[k] ?? -1;
  }
  return inRun.map((kept) => !kept);
}

export function alignSentences(
  left: ReadonlyArray<SentenceFeatures>,
  right: ReadonlyArray<SentenceFeatures>,
  idf: IdfFunction,
  options: AlignOptions,
): AlignmentResult {
  let termCount = 0;
  for (const sentence of left) termCount += sentence.terms.size;
  for (const sentence of right) termCount += sentence.terms.size;
  const space = new TermSpace(idf, termCount);
  const leftVectors = left.map((sentence) => space.sentenceVector([sentence]));
  const rightVectors = right.map((sentence) => space.sentenceVector([sentence]));
  const pairs = scorePairs(left, right, leftVectors, rightVectors, space, idf, options);
  const leftTaken = new Uint8Array(left.length);
  const rightTaken = new Uint8Array(right.length);
  const groups: WorkingGroup[] = [];
  for (const pair of pairs) {
    if (pair.similarity < options.matchThreshold) break;
    if (leftTaken[pair.left] === 1 || rightTaken[pair.right] === 1) continue;
    leftTaken[pair.left] = 1;
    rightTaken[pair.right] = 1;
    groups.push({ left: [pair.left], right: [pair.right], similarity: pair.similarity });
  }
  for (const group of groups) {
    growGroup(group, 'left', left, right, leftTaken, leftVectors, space, options);
    growGroup(group, 'right', right, left, rightTaken, rightVectors, space, options);
  }
  const moved = markMoved(groups);
  const result: AlignedGroup[] = groups.map((group, g) => ({
    left: group.left.map((i) => (left[i] as SentenceFeatures).index),
    right: group.right.map((j) => (right[j] as SentenceFeatures).index),
    similarity: group.similarity,
    moved: moved[g] ?? false,
  }));
  return {
    groups: result,
    leftOnly: left.filter((_, i) => leftTaken[i] !== 1).map((sentence) => sentence.index),
    rightOnly: right.filter((_, j) => rightTaken[j] !== 1).map((sentence) => sentence.index),
  };
}
