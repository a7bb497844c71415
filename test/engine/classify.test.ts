import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../src/config.js';
import { hasFreshWord, isFreshWord, knowsStem, otherSideOf, quoteWords } from '../../src/engine/classify.js';
import { canonicalPhrase } from '../../src/engine/equivalences.js';
import { extractFeatures } from '../../src/engine/features.js';
import { compareArticles } from '../../src/engine/index.js';
import { STOPWORDS, stem } from '../../src/engine/nlp.js';
import { wordsOf } from '../../src/engine/text.js';
import type { Article } from '../../src/types.js';
import { articleFrom } from './helpers.js';

/** Compare two one-sentence articles and give the label with its reason codes and details. */
/** An article of exactly these sentences, one per paragraph (no ingest, so no segmentation to change them). */
function sentencesAsGiven(texts: string[]): Pick<Article, 'published' | 'sentences'> {
  return {
    published: '2025-02-21',
    sentences: texts.map((text, index) => ({ index, text, paragraph: index, role: 'body', start: 0, end: 0 })),
  };
}

function label(left: string, right: string): { relation: string; reasons: string[] } {
  const result = compareArticles(articleFrom([left], { id: 'test/left' }), articleFrom([right], { id: 'test/right' }));
  const [alignment] = result.alignments;
  if (alignment === undefined) throw new Error('the two sentences were not paired');
  return { relation: alignment.relation, reasons: alignment.reasons.map((r) => `${r.code}: ${r.detail}`) };
}

describe('pair labels', () => {
  it('differs on a figure for the same noun, with both values', () => {
    const result = label(
      'Intelligence agencies said more than 10,000 soldiers were sent to Russia to fight.',
      'Intelligence agencies said around 11,000 troops were sent to Russia to fight.',
    );
    expect(result.relation).toBe('differ');
    expect(result.reasons).toContain(
      'number-differs: The numbers differ: more than 10,000 soldiers / around 11,000 troops',
    );
  });

  it('agrees when only the hedge word differs but both are approximate', () => {
    const result = label(
      'Seoul estimated that North Korea has given Moscow some 11,000 troops to fight Ukraine.',
      'Seoul estimated that North Korea has given Moscow around 11,000 troops to fight Ukraine.',
    );
    expect(result.relation).toBe('agree');
  });

  it('differs when one side negates words both share, not when it adds a negative clause', () => {
    const negated = label(
      'Ri said he knew he would engage in combat against Ukraine.',
      'Ri said he never knew he would engage in combat against Ukraine.',
    );
    expect(negated.relation).toBe('differ');
    expect(negated.reasons[0]).toMatch(/^negation-differs: Only Test Outlet negates "never"/);
    expect(
      label(
        'The military did not give further details of the launch.',
        "The military didn't give further details of the launch.",
      ).relation,
    ).toBe('agree');
    expect(
      label(
        'The launch was made on Wednesday morning, the military said.',
        'The launch was made on Wednesday morning but the military gave no further details.',
      ).reasons.map((r) => r.split(':')[0]),
    ).not.toContain('negation-differs');
  });

  it('differs on dates resolved against publication, agrees on the same day written two ways', () => {
    expect(
      label(
        'Zelensky said on Jan. 11 that two soldiers were captured in Kursk.',
        'Zelensky said on Jan. 12 that two soldiers were captured in Kursk.',
      ).relation,
    ).toBe('differ');
    expect(
      label(
        'A news report said on Feb 19 that the soldier wants to defect.',
        'A news report said Wednesday that the soldier wants to defect.',
      ).relation,
    ).toBe('agree');
  });

  it('does not set against each other two dates that date different things', () => {
    const result = label(
      'Two fishermen detained in Norway have asked to be sent home to Chile, a charity told reporters on Sunday.',
      'Two fishermen detained in Norway asked to be sent home to Chile during a hearing held on 28 October.',
    );
    expect(result.reasons.map((r) => r.split(':')[0])).not.toContain('date-differs');
  });

  it('does not take one person named two ways for two speakers', () => {
    const result = label(
      '“These are two soldiers who survived,” Ukrainian President Volodymyr Zelenskyy wrote on X.',
      '“These are two soldiers who survived,” Zelensky wrote on X.',
    );
    expect(result.reasons.map((r) => r.split(':')[0])).not.toContain('speaker-differs');
  });

  it('differs when the same words are attributed to a named person and to an unnamed official', () => {
    const result = label(
      '“North Korean soldiers are our nationals under the Constitution,” an official from the Foreign Ministry said.',
      '“North Korean soldiers are our nationals under the Constitution,” Foreign Ministry spokesperson Lee Jae-woong said.',
    );
    expect(result.reasons.map((r) => r.split(':')[0])).toContain('speaker-differs');
  });

  it('differs when quoted words differ, not when a quote is shortened or its currency written another way', () => {
    expect(
      label(
        'Zelensky said the soldiers gave “irrefutable evidence” of the deployment.',
        'Zelensky said the soldiers gave “indisputable evidence” of the deployment.',
      ).reasons[0],
    ).toBe('quote-wording-differs: The quoted words differ: “irrefutable evidence” / “indisputable evidence”');
    expect(
      label(
        '“Operating profit was also an all-time high, at KRW 20.1 trillion,” it said.',
        '“Operating profit was also an all-time high, at 20.1 trillion won,” it added.',
      ).relation,
    ).toBe('agree');
  });

  it('names added detail and equivalent wording', () => {
    const result = label(
      'Ri said he was 80 per cent decided to go to South Korea.',
      'Ri, visibly wounded, said he was 80 percent decided to go to South Korea.',
    );
    expect(result.relation).toBe('agree');
    expect(result.reasons).toContain('detail-only-right: Only Test Outlet has: visibly wounded');
    expect(result.reasons).toContain('equivalent-wording: per cent = percent');
  });
});

describe('quoteWords', () => {
  it('gives the canonical words, punctuation and stop words out, letters stemmed (property)', () => {
    // The definition, written the long way: replace what is not a word character, squeeze, split.
    const reference = (text: string): string[] =>
      canonicalPhrase(text)
        .replace(/[^\p{L}\p{N}\s[\]-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .split(' ')
        .filter((word) => word.length > 0 && !STOPWORDS.has(word))
        .map((word) => (/^\p{L}+$/u.test(word) ? stem(word) : word));
    const word = fc.constantFrom('Ri', 'said', 'soldiers', '“', '”', ',', 'Eugénie', '10,000', 'per cent', '—', 'the');
    const more = fc.constantFrom('South Korea', "didn't", 'Jae-woong', '½', 'İstanbul', '[x]', 'ＡＢＣ', '١٢', 'Ω-3');
    const text = fc.array(fc.oneof(word, more), { maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, (quote) => {
        expect(quoteWords(quote)).toEqual(reference(quote));
      }),
      { seed: 20250219, numRuns: 300 },
    );
  });
});

describe('knowsStem', () => {
  it('says what the stems of every word of the other side say (property)', () => {
    // Names of the alias table and dates (their words are not among the content stems), the words around
    // them ("Korea's", "Ukraine-based"), stop words and the words that share their stems ("does" / "doe",
    // "further" / "furthering", "me" / "mes"), single letters, and "the daily" after a newspaper is named.
    const word = fc.constantFrom(
      'Ri',
      'told',
      'the daily',
      'Chosun Ilbo',
      'Chosun',
      'Kursk region',
      'region',
      "Seoul's spy agency",
      'agency',
      'Russians',
      'Kim Jong-un',
      "Ukraine's",
      'Ukraine-based',
      'anti-Russian',
      'Kremlin-backed',
      'Agence France-Presse',
      'Presse',
      'U.S.',
      'on Jan. 12',
      'Monday',
      'in 2024',
      'does',
      'doe',
      'further',
      'furthering',
      'me',
      'mes',
      'é',
      'x',
      'Eugénie',
      'long-range',
      '10,000',
      ',',
      '“',
      '”',
    );
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    const queries = [
      'chosun',
      'ilbo',
      'region',
      'spy',
      'agency',
      'russian',
      'jong',
      'un',
      'based',
      'france',
      'presse',
      'jan',
      'monday',
      'doe',
      'furthering',
      'further',
      'mes',
      'me',
      'ies',
      'oed',
      'range',
      'long',
      'eugénie',
      'daily',
      'kursk',
      'ukraine',
      'told',
      'ri',
      'absent',
      'anti',
      'backed',
      'anti-russian',
    ];
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.nat(2), (texts, skip) => {
        // The other side of a pair is some of an article's sentences, read in the article's context.
        const features = extractFeatures(sentencesAsGiven(texts), ENGINE.featureWeights).slice(
          Math.min(skip, texts.length - 1),
        );
        const every = new Set<string>();
        for (const sentence of features) for (const w of wordsOf(sentence.text)) every.add(stem(w));
        const other = otherSideOf({ features, name: 'Other' });
        for (const w of [...queries, ...features.flatMap((s) => wordsOf(s.text))]) {
          expect(knowsStem(other, stem(w)), w).toBe(every.has(stem(w)));
        }
      }),
      { seed: 20261124, numRuns: 400 },
    );
  });
});

describe('hasFreshWord', () => {
  it('says what a fresh word among wordsOf(text) says (property)', () => {
    const texts = [
      "Ri's unit said the North Korean soldiers didn't fight near Kursk.",
      'The long-range artillery of the Seoul-based agency was not used on Jan. 12.',
    ];
    const features = extractFeatures(sentencesAsGiven(texts), ENGINE.featureWeights);
    const word = fc.constantFrom(
      "Ri's",
      "unit's",
      "Kim's",
      'long-range',
      'short-range',
      'x-ray',
      'Seoul-based',
      'well-known',
      "didn't",
      "won't",
      'not',
      'the',
      'a',
      'é',
      'Eugénie',
      'soldiers',
      'troops',
      '10,000',
      '“',
      ',',
      "o'clock",
    );
    const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, (run) => {
        const other = otherSideOf({ features, name: 'Other' });
        expect(hasFreshWord(run, other)).toBe(wordsOf(run).some((w) => isFreshWord(w, other)));
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});
