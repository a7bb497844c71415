// Shared by the ingest tests: the seeds as bytes, read once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DIR = join(import.meta.dirname, '../../corpus/nk-pow-asylum');
export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/ingest');

export const STRAITS_TIMES = readFileSync(join(SEED_DIR, 'straits-times-afp.txt'), 'utf8');
export const YONHAP = readFileSync(join(SEED_DIR, 'yonhap-koreadaily.txt'), 'utf8');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}
