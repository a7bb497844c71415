// Every committed gold file passes the checker against the raw texts it names (the development corpus lives in
// ../shared beside the repository, as on CI; the seed pair's texts are in corpus/). And the checker itself catches
// what it must: anchors over 8 words, anchors not in the raw file, a sentence annotated twice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_CORPUS, GOLD_DIR, goldFiles, REPO_CORPUS } from '../../src/cli/gold-check.js';
import { checkIngestGold, checkPairGold } from '../../src/eval/gold-check.js';

const SEED_GOLD = join(GOLD_DIR, 'pairs/nk-pow-asylum--straits-times-afp--yonhap-koreadaily.json');
const seedRaw = (file: string) => readFileSync(join(REPO_CORPUS, 'nk-pow-asylum', file), 'utf8');

describe('the gold files', () => {
  it.skipIf(!existsSync(DEV_CORPUS))('all pass the checker against ../shared/corpus-dev', () => {
    const problems: string[] = [];
    const files = goldFiles(GOLD_DIR);
    for (const path of files) {
      const gold = JSON.parse(readFileSync(path, 'utf8')) as {
        corpus?: string;
        story: string;
        file?: string;
        links?: unknown;
        left: { file: string };
        right: { file: string };
      };
      const corpus = gold.corpus === 'repo' ? REPO_CORPUS : DEV_CORPUS;
      const raw = (file: string) => readFileSync(join(corpus, gold.story, file), 'utf8');
      const found =
        gold.links === undefined
          ? checkIngestGold(gold, raw(gold.file ?? ''))
          : checkPairGold(gold, raw(gold.left.file), raw(gold.right.file));
      problems.push(...found.map((p) => `${path}: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(files.filter((f) => f.includes('/pairs/')).length).toBeGreaterThanOrEqual(20);
    expect(files.filter((f) => f.includes('/ingest/')).length).toBeGreaterThanOrEqual(60);
  });

  it('the seed pair passes the checker, and the checker catches long, missing and doubled anchors', () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8'));
    const left = seedRaw('straits-times-afp.txt');
    const right = seedRaw('yonhap-koreadaily.txt');
    expect(checkPairGold(gold, left, right)).toEqual([]);
    const broken = structuredClone(gold);
    broken.leftOnly.push('Seoul affirmed on Feb 19 that North Korean troops');
    broken.leftOnly.push('words that no outlet wrote');
    broken.rightOnly.push(broken.rightOnly[0]);
    expect(checkPairGold(broken, left, right)).toEqual([
      'leftOnly: "Seoul affirmed on Feb 19 that North Korean troops" has 9 words (at most 8)',
      'leftOnly: "words that no outlet wrote" is not in the raw file',
      'rightOnly: "One of the two North Korean soldiers captured" is already annotated in rightOnly',
    ]);
    expect(
      checkIngestGold(
        {
          story: 's',
          file: 'f',
          annotated: '2026-12-04',
          title: null,
          agency: null,
          dateline: null,
          published: null,
          complete: true,
          furniture: [],
          paragraphs: [],
        },
        left,
      ),
    ).toEqual(['"paragraphs" must be a non-empty array']);
  });
});
