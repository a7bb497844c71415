// The benchmarks time what users run: the compiled modules in dist/ (`npm run build`), loaded here with the
// source's types. dist/ is rebuilt first when it is missing or older than src/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, [`${ROOT}scripts/build.mjs`, '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed; see above');

async function built<T>(module: string): Promise<T> {
  return (await import(pathToFileURL(`${ROOT}dist/${module}`).href)) as T;
}

export const { hintsForFile } = await built<typeof import('../src/corpus.js')>('corpus.js');
export const { compareArticles } = await built<typeof import('../src/engine/index.js')>('engine/index.js');
export const { ingestArticle } = await built<typeof import('../src/ingest/index.js')>('ingest/index.js');
export const { openSqliteStore, seedFromCorpus } =
  await built<typeof import('../src/store/index.js')>('store/index.js');
export const { createApp } = await built<typeof import('../src/web/app.js')>('web/app.js');
export const { createUploadService } =
  await built<typeof import('../src/web/upload-service.js')>('web/upload-service.js');
export const { createVersionService } =
  await built<typeof import('../src/web/editor-versions.js')>('web/editor-versions.js');
export const { createJobPool } = await built<typeof import('../src/web/job-pool.js')>('web/job-pool.js');
const { fingerprint } = await built<typeof import('../src/ingest/index.js')>('ingest/index.js');

/** A plain-text version's bytes and fingerprint, as the store takes them. */
export function textRaw(text: string): { raw: Uint8Array; contentType: 'text/plain'; normalizedSha256: string } {
  const raw = new TextEncoder().encode(text);
  return { raw, contentType: 'text/plain', normalizedSha256: fingerprint(raw) };
}
