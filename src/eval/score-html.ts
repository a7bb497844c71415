// The article-extraction benchmark's own metric (../shared/html-benchmark/evaluate.py), ported line for line so
// that Parallax's figure stands beside the published ones: shingles of 4 tokens (\w+ runs), per-page
// true/false positives and negatives normalised to sum to 1, then precision and recall averaged over pages and F1
// computed from the two means. The bootstrap error bars of the Python script are left out (they are random).

import type { Article } from '../types.js';

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface BenchmarkScore {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  /** Share of pages whose token sequence equals the truth's exactly. */
  accuracy: number;
}

/** Python's `\w+` under re.UNICODE: letters, digits and numbers of any script, and the underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleMatching(truth: string, prediction: string): ShingleCounts {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const trueCount = t.get(key) ?? 0;
    const predCount = p.get(key) ?? 0;
    tp += Math.min(trueCount, predCount);
    fp += Math.max(0, predCount - trueCount);
    fn += Math.max(0, trueCount - predCount);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionScore({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/** Scores predictions against the truth, page by page (the keys of `truth`). */
export function scoreBenchmark(truth: Record<string, string>, prediction: Record<string, string>): BenchmarkScore {
  const keys = Object.keys(truth);
  const counts = keys.map((key) => shingleMatching(truth[key] ?? '', prediction[key] ?? ''));
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(precisionScore));
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(recallScore));
  const accuracy = mean(
    keys.map((key) => (tokenize(truth[key] ?? '').join(' ') === tokenize(prediction[key] ?? '').join(' ') ? 1 : 0)),
  );
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pages: keys.length, f1, precision, recall, accuracy };
}

/** The article body as the benchmark wants it: standfirst and body sentences, one paragraph a line. */
export function articleBody(article: Article): string {
  const paragraphs = new Map<number, string[]>();
  for (const sentence of article.sentences) {
    if (sentence.role === 'caption') continue;
    const list = paragraphs.get(sentence.paragraph) ?? [];
    list.push(sentence.text);
    paragraphs.set(sentence.paragraph, list);
  }
  return [...paragraphs.values()].map((list) => list.join(' ')).join('\n');
}
