// Ingest scoring on the seed scrape: furniture left in the body, paragraphs lost, sentence splits, metadata.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoldIngestFile } from '../../src/eval/gold-types.js';
import { scoreIngest } from '../../src/eval/score-ingest.js';
import { ingestArticle } from '../../src/ingest/index.js';
import { SEED_DIR } from '../engine/helpers.js';

const RAW = readFileSync(join(SEED_DIR, 'straits-times-afp.txt'), 'utf8');

const GOLD: GoldIngestFile = {
  story: 'nk-pow-asylum',
  file: 'straits-times-afp.txt',
  annotated: '2026-12-04',
  title: { first: 'Seoul says it supports', last: 'right to asylum in South' },
  agency: 'AFP',
  dateline: 'SEOUL',
  published: null,
  complete: true,
  furniture: [
    { anchor: "Sign up now: Get ST's newsletters", role: 'remove' },
    { anchor: 'PHOTO: AFP', role: 'remove' },
    { anchor: 'Follow topic:', role: 'remove' },
    { anchor: 'are "constitutionally considered our nationals"', role: 'caption' },
    { anchor: 'See more on', role: 'remove' },
  ],
  paragraphs: [
    { first: 'SEOUL – Seoul affirmed on Feb 19', last: 'plans to seek asylum in the South.' },
    { first: 'South Korean and Western intelligence', last: 'into the Kursk border region.' },
    { first: 'Neither Moscow nor Pyongyang', last: 'have confirmed the deployment.' },
  ],
  sentences: ['Seoul affirmed on Feb 19', 'Seoul’s Chosun Ilbo newspaper published', 'The soldier, who the newspaper'],
};

const ingest = (raw: string) => ingestArticle({ raw, hints: { id: 'seed' } });

describe('ingest scoring', () => {
  it('finds nothing wrong where the cleaner did its job', () => {
    const score = scoreIngest('seed', GOLD, ingest(RAW));
    expect(score.errors.filter((e) => e.kind !== 'extra-split')).toEqual([]);
    expect(score.counts.residueSentences).toBe(0);
    expect(score.counts.metadata.title).toEqual({ shown: 1, right: 1, spurious: 0 });
    expect(score.counts.metadata.agency.right).toBe(1);
  });

  it('counts a furniture line left in the body as residue', () => {
    const raw = RAW.replace(
      'Follow topic:',
      'Follow topic:\n\nRead the full coverage of the war in our special section',
    );
    const gold = {
      ...GOLD,
      furniture: [...GOLD.furniture, { anchor: 'full coverage of the war', role: 'remove' as const }],
    };
    const score = scoreIngest('seed', gold, ingest(raw));
    expect(score.counts.residueSentences).toBe(1);
    expect(score.errors.find((e) => e.kind === 'residue')?.text).toContain('Read the full coverage');
  });

  it('counts a paragraph whose words are no longer in the body as lost', () => {
    const raw = RAW.replace('Neither Moscow nor Pyongyang have confirmed the deployment.', '');
    const score = scoreIngest('seed', GOLD, ingest(raw));
    expect(score.counts.lostParagraphs).toBe(1);
    expect(score.errors.map((e) => e.kind)).toContain('lost-paragraph');
  });

  it('counts a sentence start inside a predicted sentence as a missed split, and a start the gold lacks as extra', () => {
    const article = ingest(RAW);
    const glued = { ...GOLD, sentences: ['Seoul affirmed on Feb 19', 'North Korean troops had a right'] };
    const missed = scoreIngest('seed', glued, article);
    expect(missed.counts.missedSplits).toBe(1);
    const fewer = { ...GOLD, sentences: ['Seoul affirmed on Feb 19', 'The soldier, who the newspaper'] };
    const extra = scoreIngest('seed', fewer, article);
    expect(extra.counts.extraSplits).toBe(1);
    expect(extra.errors.find((e) => e.kind === 'extra-split')?.text).toMatch(/^Seoul’s Chosun Ilbo/);
  });

  it('scores only the metadata the page shows, and counts what the ingest invents where it shows none', () => {
    const wrong = { ...GOLD, dateline: 'BUSAN', published: null, agency: null };
    const score = scoreIngest('seed', wrong, ingest(RAW));
    expect(score.counts.metadata.dateline).toEqual({ shown: 1, right: 0, spurious: 0 });
    expect(score.counts.metadata.agency).toEqual({ shown: 0, right: 0, spurious: 1 });
  });

  it('counts a tag line that repeats words of the text as residue only where it stands outside a real paragraph', () => {
    const gold = {
      ...GOLD,
      furniture: [...GOLD.furniture, { anchor: 'Kursk border region', role: 'remove' as const }],
    };
    expect(scoreIngest('seed', gold, ingest(RAW)).counts.residueSentences).toBe(0);
    const tagged = RAW.replace('See more on', 'Kursk border region\n\nSee more on');
    const score = scoreIngest('seed', gold, ingest(tagged));
    expect(score.counts.residueSentences).toBe(1);
    expect(score.errors.find((e) => e.kind === 'residue')?.text).toBe('Kursk border region');
  });
});
