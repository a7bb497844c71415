import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusStats, compareArticles, ENGINE_VERSION, prepareArticle } from '../../src/engine/index.js';
import type { Article, Comparison } from '../../src/types.js';
import { articleFrom, loadSeed, sentenceWith } from './helpers.js';

let st: Article;
let yonhap: Article;
let comparison: Comparison;

beforeAll(() => {
  st = loadSeed('straits-times-afp');
  yonhap = loadSeed('yonhap-koreadaily');
  comparison = compareArticles(st, yonhap);
});

function expectEverySentenceOnce(result: Comparison, left: Article, right: Article): void {
  const leftUsed = [...result.alignments.flatMap((a) => a.left), ...result.leftOnly].sort((a, b) => a - b);
  const rightUsed = [...result.alignments.flatMap((a) => a.right), ...result.rightOnly].sort((a, b) => a - b);
  expect(leftUsed).toEqual(left.sentences.map((s) => s.index));
  expect(rightUsed).toEqual(right.sentences.map((s) => s.index));
}

/** The alignment holding the sentence that starts with `leftStart`, as "left indexes → right indexes". */
function pairOf(leftStart: string): string {
  const index = sentenceWith(st, leftStart);
  const alignment = comparison.alignments.find((a) => a.left.includes(index));
  return alignment === undefined ? 'unmatched' : `${alignment.left.join('+')}→${alignment.right.join('+')}`;
}

describe('compareArticles on the seed pair', () => {
  it('satisfies the contract: schema version, sides without text, every sentence exactly once', () => {
    expect(comparison.schemaVersion).toBe(1);
    expect(comparison.left).not.toHaveProperty('text');
    expect(comparison.left).not.toHaveProperty('language');
    expect(comparison.left.id).toBe('nk-pow-asylum/straits-times-afp');
    expectEverySentenceOnce(comparison, st, yonhap);
    for (const alignment of comparison.alignments) {
      expect(alignment.similarity).toBeGreaterThanOrEqual(0);
      expect(alignment.similarity).toBeLessThanOrEqual(1);
      expect(alignment.left).toEqual([...alignment.left].sort((a, b) => a - b));
    }
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('matches the pairs a reader expects', () => {
    const y = (start: string) => sentenceWith(yonhap, start);
    expect(pairOf('Ri told the daily')).toBe(`5→${y('“I have made up my mind')}`);
    expect(pairOf('Ri – visibly wounded')).toBe(`10→${y('Ri, who sustained')}`);
    expect(pairOf('“I may have killed myself')).toBe(`15→${y('He also said he could have tried')}`);
    expect(pairOf('In January, Ukraine said')).toBe(`20→${y('Ri is one of the two wounded')}`);
    expect(pairOf('Commenting on the report')).toBe(`6→${y('“As North Korean soldiers are our nationals')}`);
  });

  it('leaves what only one outlet reports unmatched', () => {
    for (const start of [
      'The interview also featured a rifleman named Baek',
      'Neither Moscow nor Pyongyang',
      'AFP has sought interviews',
    ]) {
      expect(comparison.leftOnly).toContain(sentenceWith(st, start));
    }
    for (const start of [
      'Ri, born in 1999',
      'Officials from the North’s state security',
      'However, it remains unknown',
      'Some experts, however',
    ]) {
      expect(comparison.rightOnly).toContain(sentenceWith(yonhap, start));
    }
  });

  it('explains its labels: a differing quote, an equivalent percentage, a speaker named on one side only', () => {
    const quotePair = comparison.alignments.find((a) => a.left.includes(5));
    expect(quotePair?.relation).toBe('differ');
    expect(quotePair?.reasons.map((r) => r.code)).toContain('quote-wording-differs');
    expect(quotePair?.reasons.find((r) => r.code === 'equivalent-wording')?.detail).toContain('per cent = percent');
    expect(quotePair?.diff).toContainEqual({ op: 'equivalent', left: 'per cent', right: 'percent' });
    const nationals = comparison.alignments.find((a) => a.left.includes(6));
    expect(nationals?.reasons.find((r) => r.code === 'speaker-differs')?.right).toContain('Lee Jae-woong');
  });

  it('puts the troop counts in the facts table: 10,000 against 11,000 differs, some/around 11,000 agrees', () => {
    const troops = comparison.facts.filter((f) => f.kind === 'number' && f.key.startsWith('troop:'));
    const differ = troops.find((f) => f.status === 'differ');
    expect(differ?.left.map((m) => m.text)).toEqual(['more than 10,000 soldiers']);
    expect(differ?.right.map((m) => m.text)).toEqual(['around 11,000 troops']);
    expect(differ?.label).toBe('troop count');
    const agree = troops.find((f) => f.key === 'troop:11000');
    expect(agree?.status).toBe('agree');
    expect(agree?.left.map((m) => m.text)).toEqual(['some 11,000 troops']);
    const artillery = comparison.facts.find((f) => f.kind === 'number' && f.key.startsWith('artilleri:'));
    expect(artillery?.status).toBe('left-only');
    expect(comparison.facts.find((f) => f.key === 'percent:80')?.status).toBe('agree');
    expect(comparison.facts.find((f) => f.key === 'date:2025-02-19')?.status).toBe('agree');
    expect(comparison.facts.find((f) => f.key === 'entity:baek')?.status).toBe('left-only');
    expect(comparison.facts.find((f) => f.key === 'entity:red-cross')?.status).toBe('right-only');
  });

  it('counts the summary from the alignments', () => {
    const { summary } = comparison;
    expect(summary.agree + summary.differ).toBe(comparison.alignments.length);
    expect(summary.leftOnly).toBe(comparison.leftOnly.length);
    expect(summary.rightOnly).toBe(comparison.rightOnly.length);
    const body = (a: Article) => a.sentences.filter((s) => s.role === 'body').length;
    const matched = comparison.alignments.reduce((n, a) => n + a.left.length + a.right.length, 0);
    expect(summary.overlap).toBeCloseTo(matched / (body(st) + body(yonhap)), 3);
  });

  it('accepts corpus statistics for IDF without breaking the contract', () => {
    const withCorpus = compareArticles(st, yonhap, { corpus: buildCorpusStats([st, yonhap]) });
    expectEverySentenceOnce(withCorpus, st, yonhap);
  });
});

describe('alignment order', () => {
  it('marks a pair moved when it breaks the other article’s order', () => {
    const sentences = [
      'Seoul affirmed on Feb 19 that North Korean troops had a right to South Korean citizenship.',
      'Ri told the daily that he was now 80 per cent decided to apply for refugee status.',
      'Neither Moscow nor Pyongyang have confirmed the deployment of the soldiers.',
      'The interview also featured a rifleman named Baek from the Kursk front.',
    ];
    const left = articleFrom(sentences);
    const right = articleFrom([sentences[3], sentences[0], sentences[1], sentences[2]] as string[]);
    const result = compareArticles(left, right);
    expect(result.alignments).toHaveLength(4);
    expect(result.alignments.filter((a) => a.moved).map((a) => a.left)).toEqual([[3]]);
    expect(result.alignments.every((a) => a.relation === 'agree')).toBe(true);
  });

  it('pairs one sentence with the two an outlet split it into', () => {
    const left = articleFrom([
      'Ri told the daily that he was 80 per cent decided and plans to apply for refugee status and go to South Korea.',
      'The interview also featured a rifleman named Baek.',
    ]);
    const right = articleFrom([
      'Ri said he had made up his mind 80 percent. He plans to apply for refugee status and go to the ROK, he added.',
      'Neither Moscow nor Pyongyang have confirmed the deployment.',
    ]);
    const result = compareArticles(left, right);
    expect(result.alignments.map((a) => [a.left, a.right])).toEqual([[[0], [0, 1]]]);
    expect(result.leftOnly).toEqual([1]);
    expect(result.rightOnly).toEqual([2]);
  });

  it('pairs a sentence cut off by a storage limit with its full form, not with a subhead that echoes it', () => {
    const left = articleFrom([
      'She said she would open the naval archive to reporters because "the public deserves to see what was kept."',
    ]);
    const right = articleFrom([
      "'Public deserves to see what was kept'",
      'She said she would open the naval archive to reporters because "the pub',
    ]);
    const result = compareArticles(left, right);
    expect(result.alignments.map((a) => [a.left, a.right, a.relation])).toEqual([[[0], [1], 'agree']]);
  });

  it('pairs a sentence that says the same words with another figure, and says the figure differs', () => {
    // One sentence a side, as POST /api/compare often gets: every shared word has the lowest IDF there, so the
    // differing figure dominates the cosine (0.12, under matchThreshold).
    const left = articleFrom(['The minister said 3,000 troops were sent.']);
    const right = articleFrom(['The minister said 4,000 troops were sent.']);
    const result = compareArticles(left, right);
    expect(result.alignments.map((a) => [a.left, a.right, a.relation])).toEqual([[[0], [0], 'differ']]);
    const numbers = result.alignments[0]?.reasons.find((r) => r.code === 'number-differs');
    expect([numbers?.left, numbers?.right]).toEqual(['3,000 troops', '4,000 troops']);
  });

  it('compares captions only with captions', () => {
    const result = compareArticles(st, yonhap);
    const captionLeft = st.sentences.filter((s) => s.role === 'caption').map((s) => s.index);
    for (const alignment of result.alignments) {
      const leftCaption = alignment.left.some((i) => captionLeft.includes(i));
      const rightCaption = alignment.right.some((j) => yonhap.sentences[j]?.role === 'caption');
      expect(leftCaption).toBe(rightCaption);
    }
  });
});

describe('properties (fast-check, fixed seed)', () => {
  const pool = () => st.sentences.filter((s) => s.role === 'body').map((s) => s.text);

  it('compare(a, a) is all agree, with nothing one-sided', () => {
    fc.assert(
      fc.property(fc.subarray(pool(), { minLength: 1, maxLength: 8 }), (texts) => {
        const article = articleFrom(texts);
        const result = compareArticles(article, article);
        expect(result.leftOnly).toEqual([]);
        expect(result.rightOnly).toEqual([]);
        expect(result.alignments.every((a) => a.relation === 'agree' && !a.moved)).toBe(true);
        expect(result.summary.differ).toBe(0);
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('swapping sides swaps leftOnly and rightOnly and keeps the counts', () => {
    const all = pool();
    const yonhapPool = yonhap.sentences.filter((s) => s.role === 'body').map((s) => s.text);
    fc.assert(
      fc.property(
        fc.subarray(all, { minLength: 1, maxLength: 8 }),
        fc.subarray(yonhapPool, { minLength: 1, maxLength: 8 }),
        (a, b) => {
          const left = articleFrom(a, { id: 'test/a', published: '2025-02-19' });
          const right = articleFrom(b, { id: 'test/b', published: '2025-02-21' });
          const forward = compareArticles(left, right);
          const backward = compareArticles(right, left);
          expect(backward.leftOnly).toEqual(forward.rightOnly);
          expect(backward.rightOnly).toEqual(forward.leftOnly);
          expect(backward.summary).toEqual({
            ...forward.summary,
            leftOnly: forward.summary.rightOnly,
            rightOnly: forward.summary.leftOnly,
          });
        },
      ),
      { seed: 7, numRuns: 25 },
    );
  });

  it('is deterministic', () => {
    expect(JSON.stringify(compareArticles(st, yonhap))).toBe(JSON.stringify(comparison));
  });
});

describe('settings', () => {
  it('reach their use: an override of the same-wording score is the score of two sentences that differ in a figure', () => {
    const left = articleFrom(['The minister said 3,000 troops were sent to the border region.']);
    const right = articleFrom(['The minister said 4,000 troops were sent to the border region.']);
    const plain = compareArticles(left, right).alignments[0]?.similarity ?? 0;
    expect(plain).toBeLessThan(0.95);
    const raised = compareArticles(left, right, { settings: { sameWordingScore: 0.95 } });
    expect(raised.alignments[0]?.similarity).toBe(0.95);
  });
});

describe('prepared articles', () => {
  it('give the same comparison as plain ones, however often a prepared article is reused', () => {
    const left = loadSeed('straits-times-afp');
    const right = loadSeed('yonhap-koreadaily');
    const plain = compareArticles(left, right, { corpus: buildCorpusStats([left, right]) });
    const [pl, pr] = [prepareArticle(left), prepareArticle(right)];
    const corpus = buildCorpusStats([pl, pr]);
    expect(corpus).toEqual(buildCorpusStats([left, right]));
    // The comparison merges stem variants in its copy of the term maps, never in the prepared article's.
    expect(compareArticles(pl, pr, { corpus })).toEqual(plain);
    expect(compareArticles(pr, pl, { corpus })).toEqual(compareArticles(right, left, { corpus }));
    expect(compareArticles(pl, pr, { corpus })).toEqual(plain);
  });
});
