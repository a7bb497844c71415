// `npm run gold:check -- [FILE...] [--corpus DIR]`: checks gold files against the raw texts they name (shape,
// anchor length, every anchor found). Without files it checks every file under test/gold/. Exit 1 on any problem.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkIngestGold, checkPairGold } from '../eval/gold-check.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLD_DIR = join(ROOT, 'test/gold');
export const DEV_CORPUS = join(ROOT, '../shared/corpus-dev');
export const REPO_CORPUS = join(ROOT, 'corpus');

/** Every .json file under a folder, sorted, floor.json excepted. */
export function goldFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json') && !name.endsWith('floor.json'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function readRaw(corpus: string, story: string, file: string): string | null {
  const path = join(corpus, story, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export async function run(args: string[]): Promise<number> {
  const corpusAt = args.indexOf('--corpus');
  const devCorpus = corpusAt >= 0 ? (args[corpusAt + 1] ?? DEV_CORPUS) : DEV_CORPUS;
  const named = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--corpus');
  const files = named.length > 0 ? named : goldFiles(GOLD_DIR);
  let bad = 0;
  for (const path of files) {
    let problems: string[];
    try {
      const gold = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      const corpus = gold.corpus === 'repo' ? REPO_CORPUS : devCorpus;
      const story = String(gold.story);
      if (typeof gold.links !== 'undefined') {
        const left = gold.left as { file?: string } | undefined;
        const right = gold.right as { file?: string } | undefined;
        const rawLeft = readRaw(corpus, story, String(left?.file));
        const rawRight = readRaw(corpus, story, String(right?.file));
        problems =
          rawLeft === null || rawRight === null
            ? [`raw files not found under ${join(corpus, story)}`]
            : checkPairGold(gold, rawLeft, rawRight);
      } else {
        const raw = readRaw(corpus, story, String(gold.file));
        problems = raw === null ? [`raw file not found under ${join(corpus, story)}`] : checkIngestGold(gold, raw);
      }
    } catch (error) {
      problems = [`not readable JSON: ${(error as Error).message}`];
    }
    const name = relative(process.cwd(), path);
    if (problems.length > 0) {
      bad++;
      process.stdout.write(`${name}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}\n`).join('')}`);
    } else process.stdout.write(`${name}: ok\n`);
  }
  process.stdout.write(`${files.length} gold files, ${bad} with problems\n`);
  return bad === 0 ? 0 : 1;
}
