// Loading a folder laid out like corpus/ into the store: corpus/<story>/story.json lists the story and its
// articles, each with a raw file beside it. Idempotent: a file whose bytes equal the last version loaded
// from it adds nothing, and a changed file becomes a new version (never a replacement).

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadStoryManifest, STORY_FILE, type StoryArticle } from '../corpus.js';
import { InputError, NotFoundError } from '../errors.js';
import { fingerprint } from '../ingest/index.js';
import type { ArticleRecord, Store, StoryRecord } from './types.js';
import { sha256Hex } from './versions.js';

export interface SeedOptions {
  /** Receives one line per change and per problem (the server passes stderr, the CLI stdout). */
  log?: (line: string) => void;
  /** Uploader and audit actor of what is loaded; "corpus" unless the CLI imports another folder. */
  actor?: string;
}

export interface SeedReport {
  storiesAdded: number;
  articlesAdded: number;
  versionsAdded: number;
  /** Files whose text is already the latest version of their article. */
  unchanged: number;
  /** One line per story folder or file that could not be loaded; the rest is loaded regardless. */
  problems: string[];
}

/**
 * Loads every story folder under `corpusDir` (or `corpusDir` itself when it holds a story.json).
 * Throws NotFoundError when `corpusDir` does not exist; problems inside it are reported, not thrown.
 */
export async function seedFromCorpus(store: Store, corpusDir: string, opts: SeedOptions = {}): Promise<SeedReport> {
  const log = opts.log ?? (() => {});
  const actor = opts.actor ?? 'corpus';
  const report: SeedReport = { storiesAdded: 0, articlesAdded: 0, versionsAdded: 0, unchanged: 0, problems: [] };
  for (const dir of await storyFolders(corpusDir)) {
    try {
      await seedStory(store, dir, actor, report, log);
    } catch (error) {
      if (!(error instanceof InputError || error instanceof NotFoundError || isFsError(error))) throw error;
      const line = `${dir}: ${error.message}`;
      report.problems.push(line);
      log(`problem: ${line}`);
    }
  }
  return report;
}

async function storyFolders(corpusDir: string): Promise<string[]> {
  const info = await stat(corpusDir).catch(() => null);
  if (info === null || !info.isDirectory()) throw new NotFoundError(`There is no folder "${corpusDir}".`);
  if (await exists(join(corpusDir, STORY_FILE))) return [corpusDir];
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(corpusDir, e.name));
  const withManifest: string[] = [];
  for (const dir of dirs.sort()) {
    if (await exists(join(dir, STORY_FILE))) withManifest.push(dir);
  }
  return withManifest;
}

async function seedStory(
  store: Store,
  dir: string,
  actor: string,
  report: SeedReport,
  log: (line: string) => void,
): Promise<void> {
  const manifest = loadStoryManifest(dir);
  if (manifest === null) throw new NotFoundError(`${join(dir, STORY_FILE)} has disappeared.`);
  for (const entry of manifest.articles) checkFileName(entry, join(dir, STORY_FILE));
  let story: StoryRecord | null = await store.getStory(manifest.slug);
  if (story === null) {
    story = await store.createStory({ slug: manifest.slug, title: manifest.title }, actor);
    report.storiesAdded++;
    log(`added story ${story.slug}`);
  }
  for (const entry of manifest.articles) {
    const where = `${manifest.slug}/${entry.slug}`;
    try {
      const raw = new Uint8Array(await readFile(join(dir, entry.file)));
      let article = await store.getArticleBySlug(manifest.slug, entry.slug);
      if (article === null) {
        article = await store.createArticle(
          {
            storyId: story.id,
            slug: entry.slug,
            outlet: entry.outlet,
            agency: entry.agency,
            published: entry.published,
            language: entry.language,
            sourceNote: entry.source,
          },
          actor,
        );
        report.articlesAdded++;
        log(`added article ${where}`);
      }
      await seedVersion(store, article, raw, entry, actor, report, log);
    } catch (error) {
      if (!(error instanceof InputError || error instanceof NotFoundError || isFsError(error))) throw error;
      const line = `${where} (${entry.file}): ${error.message}`;
      report.problems.push(line);
      log(`problem: ${line}`);
    }
  }
}

async function seedVersion(
  store: Store,
  article: ArticleRecord,
  raw: Uint8Array,
  entry: StoryArticle,
  actor: string,
  report: SeedReport,
  log: (line: string) => void,
): Promise<void> {
  // Compared with the last version loaded from this folder, not the latest overall: a newer version an
  // editor uploaded must not make the unchanged seed file look new on every start.
  const lastSeeded = article.versions.filter((v) => v.uploadedBy === actor).at(-1);
  if (lastSeeded !== undefined && lastSeeded.sha256 === sha256Hex(raw)) {
    report.unchanged++;
    return;
  }
  try {
    const version = await store.addVersion({
      articleId: article.id,
      raw,
      contentType: entry.contentType,
      normalizedSha256: fingerprint(raw),
      uploadedBy: actor,
      note: lastSeeded === undefined ? `Loaded from ${entry.file}` : `${entry.file} changed`,
    });
    report.versionsAdded++;
    log(`added version ${version.number} of ${article.storySlug}/${article.slug} from ${entry.file}`);
  } catch (error) {
    if (!(error instanceof InputError && error.code === 'duplicate')) throw error;
    report.unchanged++;
  }
}

/** Only a file beside story.json: "../../etc/passwd" in a manifest must not be read. */
function checkFileName(entry: StoryArticle, where: string): void {
  if (basename(entry.file) !== entry.file || entry.file.startsWith('.')) {
    throw new InputError(
      'bad-field',
      `${where}: "file" must be a file name in the story's folder, not "${entry.file}".`,
    );
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
