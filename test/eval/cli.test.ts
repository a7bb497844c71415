// `npm run eval` end to end on the seed pair (its texts are in corpus/, so this needs nothing outside the
// repository): the per-pair block, the totals, the JSON last line, and the floor's exit code.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/eval.js';
import { GOLD_DIR } from '../../src/cli/gold-check.js';
import { engineTotals, ingestTotals } from '../../src/eval/totals.js';

const SEED = 'nk-pow-asylum--straits-times-afp--yonhap-koreadaily.json';

function seedOnlyGold(floor: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-eval-'));
  mkdirSync(join(dir, 'pairs'));
  cpSync(join(GOLD_DIR, 'pairs', SEED), join(dir, 'pairs', SEED));
  writeFileSync(join(dir, 'floor.json'), JSON.stringify(floor));
  return dir;
}

async function evaluate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('npm run eval', () => {
  it('prints each pair, the totals and a last line of JSON, and holds the totals to the floor', async () => {
    const gold = seedOnlyGold({ min: { 'engine.alignmentRecall': 1 }, max: {} });
    const result = await evaluate(['--only', 'engine', '--gold', gold, '--check-floor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('== pair nk-pow-asylum--straits-times-afp--yonhap-koreadaily (two-agencies)');
    expect(result.stdout).toContain('floor: every figure holds');
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last).engine).toMatchObject({ pairs: 1, alignmentPrecision: 1, alignmentRecall: 1 });
  });

  it('exits 1 and names the figure when a total breaks the floor', async () => {
    const gold = seedOnlyGold({ min: { 'engine.onlyRecall': 1 }, max: { 'engine.falseFactConflicts': 0 } });
    const result = await evaluate(['--only', 'engine', '--gold', gold, '--check-floor', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/below the floor: engine\.onlyRecall: 0\.\d+ is below the floor 1/);
    expect(result.stderr).toContain('engine.falseFactConflicts: 1 is above the ceiling 0');
    expect(result.stdout).not.toContain('== pair');
  });

  it('refuses unknown arguments with the usage and exit 2', async () => {
    const result = await evaluate(['--only', 'everything']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run eval');
  });

  it('has a committed floor whose every figure is one the eval measures', () => {
    const floor = JSON.parse(readFileSync(join(GOLD_DIR, 'floor.json'), 'utf8')) as {
      min: Record<string, number>;
      max: Record<string, number>;
    };
    const shape = { engine: engineTotals([]), ingest: ingestTotals([]), html: { f1: 0, precision: 0, recall: 0 } };
    const known = (path: string): boolean => {
      let value: unknown = shape;
      for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
      return typeof value === 'number';
    };
    expect([...Object.keys(floor.min), ...Object.keys(floor.max)].filter((path) => !known(path))).toEqual([]);
  });
});
