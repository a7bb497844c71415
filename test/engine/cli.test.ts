import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/compare.js';
import type { Comparison } from '../../src/types.js';
import { SEED_DIR } from './helpers.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function compare(args: string[], isTTY = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const IDS = ['nk-pow-asylum/straits-times-afp', 'nk-pow-asylum/yonhap-koreadaily'];

describe('compare CLI', () => {
  it('prints only the contract JSON with --json, identically on two runs', async () => {
    const first = await compare([...IDS, '--json']);
    const second = await compare([...IDS, '--json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    const comparison = JSON.parse(first.stdout) as Comparison;
    expect(comparison.schemaVersion).toBe(1);
    expect(comparison.left.outlet).toBe('The Straits Times');
  });

  it('accepts files as well as corpus ids, and gives the same comparison', async () => {
    const byId = await compare([...IDS, '--json']);
    const byFile = await compare([
      join(SEED_DIR, 'straits-times-afp.txt'),
      join(SEED_DIR, 'yonhap-koreadaily.txt'),
      '--json',
    ]);
    expect(byFile.stdout).toBe(byId.stdout);
  });

  it('reads HTML files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-compare-'));
    const page = (body: string) =>
      `<!doctype html><html><head><title>Soldier</title></head><body><article><h1>Soldier</h1>${body}</article></body></html>`;
    writeFileSync(
      join(dir, 'a.html'),
      page(
        '<p>Ri told the daily that he was now 80 per cent decided to apply for refugee status and go to South Korea.</p><p>The interview also featured a rifleman named Baek, who was captured in the Kursk region last month.</p>',
      ),
    );
    writeFileSync(
      join(dir, 'b.html'),
      page(
        '<p>Ri said he had made up his mind 80 percent and would apply for refugee status to go to South Korea.</p><p>Neither Moscow nor Pyongyang have confirmed the deployment of the troops to Russia.</p>',
      ),
    );
    const result = await compare([join(dir, 'a.html'), join(dir, 'b.html'), '--json']);
    expect(result.stderr).toBe('');
    const comparison = JSON.parse(result.stdout) as Comparison;
    expect(comparison.alignments.length).toBeGreaterThan(0);
  });

  it('prints a readable report: pairs with labels and reasons, one-side sentences, facts; colour only on a terminal', async () => {
    const plain = await compare(IDS);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Matched sentences');
    expect(plain.stdout).toContain('[differ] L5');
    expect(plain.stdout).toContain('quote-wording-differs');
    expect(plain.stdout).toContain('(per cent = percent)');
    expect(plain.stdout).toContain('Only in The Straits Times');
    expect(plain.stdout).toContain('The interview also featured a rifleman named Baek.');
    expect(plain.stdout).toMatch(/Facts\n {2}number {2}differ/);
    expect(plain.stdout).not.toContain('\x1b[');
    const coloured = await compare(IDS, true);
    expect(coloured.stdout).toContain('\x1b[');
  });

  it('exits 2 with the usage on a usage error', async () => {
    for (const args of [[IDS[0] as string], [...IDS, '--colour'], []]) {
      const result = await compare(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage: npm run compare');
    }
  });

  it('exits 1 with a one-line error on bad input', async () => {
    const missing = await compare(['no/such-article', IDS[1] as string]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'parallax compare: no/such-article: no such file, and no corpus article with that id\n',
    );
    const empty = join(mkdtempSync(join(tmpdir(), 'parallax-compare-')), 'empty.txt');
    writeFileSync(empty, '');
    const result = await compare([empty, IDS[1] as string]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('prints the usage on stdout and exits 0 with --help', async () => {
    const result = await compare(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Usage: npm run compare');
    expect(result.stdout).toContain('--date F=D');
  });

  describe('per-file dates and outlets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-compare-dates-'));
    const tuesday = join(dir, 'tuesday.txt');
    const sunday = join(dir, 'sunday.txt');
    writeFileSync(tuesday, 'Fire officials said the blaze at the market killed 12 people on Tuesday.\n');
    writeFileSync(sunday, 'Fire officials said the blaze at the market killed 12 people on Sunday.\n');
    const relationOf = (result: Captured): string | undefined =>
      (JSON.parse(result.stdout) as Comparison).alignments[0]?.relation;

    it('resolves weekdays against the --date of each file, so another day differs', async () => {
      const dated = await compare([
        tuesday,
        sunday,
        '--json',
        `--date`,
        `${tuesday}=2025-01-10`,
        '--date',
        `${sunday}=2025-01-10`,
      ]);
      expect(dated.code).toBe(0);
      expect(relationOf(dated)).toBe('differ');
      const comparison = JSON.parse(dated.stdout) as Comparison;
      expect(comparison.left.published).toBe('2025-01-10');
      expect(comparison.alignments[0]?.reasons.map((r) => r.code)).toContain('date-differs');
    });

    it('labels a side by its file name, or by --outlet', async () => {
      const plain = JSON.parse((await compare([tuesday, sunday, '--json'])).stdout) as Comparison;
      expect([plain.left.id, plain.right.id]).toEqual(['tuesday.txt', 'sunday.txt']);
      const named = await compare([tuesday, sunday, '--outlet', `${sunday}=The Sunday Paper`]);
      expect(named.stdout).toContain('Only in The Sunday Paper');
      expect(named.stdout).not.toContain('sha256:');
    });

    it('refuses a --date or --outlet for a file that was not given, and a date that is not one', async () => {
      for (const args of [
        [tuesday, sunday, '--date', 'other.txt=2025-01-10'],
        [tuesday, sunday, '--date', `${tuesday}=2025-02-30`],
        [tuesday, sunday, '--outlet', tuesday],
      ]) {
        const result = await compare(args);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
      }
    });
  });
});
