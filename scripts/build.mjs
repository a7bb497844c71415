// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json), from a clean dist/, and stamps the
// build. With --if-stale (what `npm start` runs first) it builds only when dist/ is missing or older than a
// source file, so `npm ci && npm start` stays one command and an unchanged checkout starts at once.
// Plain JavaScript: it has to run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => existsSync(join(ROOT, input)) && newestMtime(join(ROOT, input)) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
rmSync(DIST, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  process.stderr.write('parallax: the build failed (tsc -p tsconfig.build.json); dist/ was not written.\n');
  process.exit(tsc.status ?? 1);
}
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
