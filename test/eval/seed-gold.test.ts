// The seed pair scored against its gold (test/gold/pairs/nk-pow-asylum--…), as `npm run eval` scores every pair.
// The alignment reached precision 1 and recall 1 in the first round; a change that lowers either fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/engine/index.js';
import { AnchorIndex } from '../../src/eval/anchors.js';
import type { GoldPair } from '../../src/eval/gold-types.js';
import { scorePair } from '../../src/eval/score-pair.js';
import { engineTotals } from '../../src/eval/totals.js';
import type { Comparison } from '../../src/types.js';
import { loadSeed } from '../engine/helpers.js';

const GOLD_FILE = join(import.meta.dirname, '../gold/pairs/nk-pow-asylum--straits-times-afp--yonhap-koreadaily.json');
const gold = JSON.parse(readFileSync(GOLD_FILE, 'utf8')) as GoldPair;
const left = loadSeed('straits-times-afp');
const right = loadSeed('yonhap-koreadaily');
const comparison = compareArticles(left, right);
const score = (c: Comparison) => scorePair('seed', gold, c, new AnchorIndex(left), new AnchorIndex(right));

describe('the seed pair against its gold', () => {
  it('is aligned with precision 1 and recall 1 over sentence pairs, every required link found', () => {
    const result = score(comparison);
    const totals = engineTotals([result]);
    expect(result.errors.filter((e) => e.kind === 'missed-link' || e.kind === 'false-link')).toEqual([]);
    expect(totals.alignmentPrecision).toBe(1);
    expect(totals.alignmentRecall).toBe(1);
    expect(result.counts.lostAnchors).toBe(0);
  });

  it('counts one oversized group as its sentence pairs, so it cannot score as several links', () => {
    const everything: Comparison = {
      ...comparison,
      alignments: [
        {
          ...(comparison.alignments[0] as Comparison['alignments'][number]),
          left: left.sentences.filter((s) => s.role === 'body').map((s) => s.index),
          right: right.sentences.filter((s) => s.role === 'body').map((s) => s.index),
        },
      ],
    };
    const totals = engineTotals([score(everything)]);
    expect(totals.alignmentRecall).toBe(1);
    expect(totals.alignmentPrecision).toBeLessThan(0.1);
  });

  it('lists a gold conflict labelled agree as a contradiction, and counts it found when labelled differ', () => {
    const flipped: Comparison = {
      ...comparison,
      facts: comparison.facts.filter((f) => f.status !== 'differ'),
      alignments: comparison.alignments.map((a) => ({ ...a, relation: 'agree' as const, reasons: [] })),
    };
    const result = score(flipped);
    expect(result.counts.goldConflicts).toBe(2);
    expect(result.counts.conflictsFound).toBe(0);
    expect(result.counts.contradictionsLabelledAgree).toBe(2);
    expect(result.errors.filter((e) => e.kind === 'conflict-labelled-agree').map((e) => e.left?.slice(0, 20))).toEqual([
      'Ri told the daily th',
      'Commenting on the re',
    ]);
    const differing: Comparison = {
      ...flipped,
      alignments: flipped.alignments.map((a) => ({ ...a, relation: 'differ' as const })),
    };
    expect(score(differing).counts.conflictsFound).toBe(2);
  });

  it('reports predicted pairs with a sentence no anchor covers apart, not as false links', () => {
    const caption = right.sentences.find((s) => s.role === 'caption');
    expect(caption).toBeDefined();
    const withCaption: Comparison = {
      ...comparison,
      alignments: [
        ...comparison.alignments,
        { ...(comparison.alignments[0] as Comparison['alignments'][number]), left: [0], right: [caption?.index ?? 0] },
      ],
    };
    const result = score(withCaption);
    expect(result.counts.unannotatedPairs).toBe(1);
    expect(engineTotals([result]).alignmentPrecision).toBe(1);
  });
});
