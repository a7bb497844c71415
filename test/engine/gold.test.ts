// Precision and recall of the seed pair's alignment against a careful reader's judgement
// (gold/nk-pow-asylum.json). The floors are the levels reached; a change that lowers either fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/engine/index.js';
import { loadSeed, sentenceWith } from './helpers.js';

interface GoldLink {
  left: string;
  right: string;
  why: string;
}

interface Gold {
  left: 'straits-times-afp';
  right: 'yonhap-koreadaily';
  pairs: GoldLink[];
  acceptable: GoldLink[];
  leftOnly: string[];
  rightOnly: string[];
}

const PRECISION_FLOOR = 1;
const RECALL_FLOOR = 1;

describe('alignment against the gold file', () => {
  const gold = JSON.parse(readFileSync(join(import.meta.dirname, 'gold/nk-pow-asylum.json'), 'utf8')) as Gold;
  const left = loadSeed(gold.left);
  const right = loadSeed(gold.right);
  const comparison = compareArticles(left, right);
  const key = (l: number, r: number): string => `${l}→${r}`;
  const resolve = (links: GoldLink[]): Set<string> =>
    new Set(links.map((link) => key(sentenceWith(left, link.left), sentenceWith(right, link.right))));
  const required = resolve(gold.pairs);
  const acceptable = resolve(gold.acceptable);
  const predicted = new Set(comparison.alignments.flatMap((a) => a.left.flatMap((l) => a.right.map((r) => key(l, r)))));
  const truePositives = [...predicted].filter((link) => required.has(link));
  const judged = [...predicted].filter((link) => required.has(link) || !acceptable.has(link));
  const precision = judged.length === 0 ? 1 : truePositives.length / judged.length;
  const recall = truePositives.length / required.size;

  it(`reaches precision ≥ ${PRECISION_FLOOR} and recall ≥ ${RECALL_FLOOR}`, () => {
    const wrong = judged.filter((link) => !required.has(link));
    const missed = [...required].filter((link) => !predicted.has(link));
    expect({ precision, recall, wrong, missed }).toEqual({
      precision: expect.toSatisfy((p: number) => p >= PRECISION_FLOOR),
      recall: expect.toSatisfy((r: number) => r >= RECALL_FLOOR),
      wrong: PRECISION_FLOOR === 1 ? [] : expect.anything(),
      missed: RECALL_FLOOR === 1 ? [] : expect.anything(),
    });
  });

  it('leaves the one-outlet sentences of the gold file unmatched', () => {
    expect(gold.leftOnly.map((words) => comparison.leftOnly.includes(sentenceWith(left, words)))).not.toContain(false);
    expect(gold.rightOnly.map((words) => comparison.rightOnly.includes(sentenceWith(right, words)))).not.toContain(
      false,
    );
  });
});
