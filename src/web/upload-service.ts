// Adding an article or a version: the one service the upload forms and the editor API both use.
//
// preview → the upload is ingested once, checked (an article, not a duplicate of the latest version) and kept on
//           the server as a pending upload owned by the editor's session; the page gets only its id.
// confirm → the pending upload becomes the article's next version; its ingested article is handed on, so the
//           story's comparisons are computed from it without ingesting it again.
// save    → preview and confirm in one step, for scripts (the API).

import { WEB_EDITOR } from '../config.js';
import { InputError, NotFoundError } from '../errors.js';
import { fingerprint } from '../ingest/index.js';
import type { ArticleRecord, NewArticle, PendingUpload, Store, StorySummary, VersionMeta } from '../store/types.js';
import type { Article, IngestHints } from '../types.js';
import { type ArticleIdentity, hintsFor, latestVersion } from './article-hints.js';
import type { Upload } from './editor-upload.js';
import type { VersionChange } from './editor-version-diff.js';
import type { VersionService } from './editor-versions.js';
import type { JobRunner } from './job-pool.js';

/** What an upload is for: a new article of a story (its first version), or the next version of an article. */
export type UploadTarget =
  | { kind: 'article'; story: StorySummary; article: NewArticle }
  | { kind: 'version'; story: StorySummary; record: ArticleRecord };

/** The form fields as the editor typed them, kept so that "go back" fills the form again. */
export type FormFields = Record<string, string>;

export interface UploadPreview {
  /** The pending upload's id: the confirm form sends it back, and nothing else of the upload. */
  id: string;
  clean: Article;
  /** What changes from the latest version; null for a new article. */
  change: VersionChange | null;
}

/** A pending upload with what it is for. */
export interface PendingPreview {
  upload: Upload;
  target: PendingTarget;
  note: string | null;
  fields: FormFields | null;
  clean: Article;
}

export interface SavedUpload {
  record: ArticleRecord;
  version: VersionMeta;
  clean: Article;
  /** The hints `clean` was ingested with: it stands for the saved version only while the article's still give these. */
  hints: IngestHints;
}

/** Told after every save, with the ingested article, so the story's comparisons can be brought up to date. */
export type AfterSave = (saved: SavedUpload & { storySlug: string }) => void;

/** What a pending upload is for, as stored with it (JSON). */
type PendingTarget =
  | { kind: 'article'; storySlug: string; article: NewArticle }
  | { kind: 'version'; storySlug: string; articleId: number; number: number };

interface PendingContext {
  target: PendingTarget;
  hints: IngestHints;
  note: string | null;
  fields: FormFields | null;
  filename: string | null;
}

export interface UploadService {
  preview(
    target: UploadTarget,
    upload: Upload,
    note: string | null,
    sessionToken: string,
    fields?: FormFields,
  ): Promise<UploadPreview>;
  /** The session's pending upload; InputError('expired') when it is gone, expired or another session's. */
  pending(id: string, sessionToken: string): Promise<PendingPreview>;
  /** Saves the session's pending upload with the note given at confirmation. */
  confirm(id: string, sessionToken: string, note: string | null, actor: string): Promise<SavedUpload>;
  /** Checks and saves an upload in one step (scripts). */
  save(target: UploadTarget, upload: Upload, note: string | null, actor: string): Promise<SavedUpload>;
}

function identityOf(article: NewArticle | ArticleRecord, storySlug: string): ArticleIdentity {
  return {
    storySlug,
    slug: article.slug,
    outlet: article.outlet,
    agency: article.agency ?? null,
    published: article.published ?? null,
    language: article.language ?? 'en',
  };
}

/** The version number an upload would get: 1 for a new article, the latest + 1 otherwise. */
function nextNumber(target: UploadTarget): number {
  return target.kind === 'article' ? 1 : (latestVersion(target.record)?.number ?? 0) + 1;
}

/** The upload's fingerprint; InputError('duplicate') when it equals the article's latest version. */
function checkNotDuplicate(target: UploadTarget, upload: Upload): string {
  const print = fingerprint(upload.raw);
  const latest = target.kind === 'version' ? latestVersion(target.record) : null;
  if (latest !== null && latest.normalizedSha256 === print) {
    throw new InputError(
      'duplicate',
      `This text is the same as version ${latest.number} (uploaded by ${latest.uploadedBy} on ${latest.createdAt.slice(0, 10)}), so there is nothing new to save.`,
    );
  }
  return print;
}

const EXPIRED =
  'This preview is no longer on the server (it was saved already, it expired after an hour, or you logged out). Upload the article again.';

export function createUploadService(
  store: Store,
  versions: VersionService,
  jobs: JobRunner,
  afterSave: AfterSave,
): UploadService {
  /** Ingests an upload as it will be read once saved (in the job pool); InputError for input that is not an article. */
  async function ingestFor(target: UploadTarget, upload: Upload): Promise<{ clean: Article; hints: IngestHints }> {
    const identity =
      target.kind === 'article'
        ? identityOf(target.article, target.story.slug)
        : identityOf(target.record, target.story.slug);
    const hints = hintsFor(identity, nextNumber(target), upload.contentType);
    return { clean: await jobs.run({ kind: 'ingest', raw: upload.raw, hints }, WEB_EDITOR.jobBudgetMs), hints };
  }

  async function write(
    target: UploadTarget,
    upload: Upload,
    print: string,
    note: string | null,
    actor: string,
    clean: Article,
    hints: IngestHints,
  ): Promise<SavedUpload> {
    const version = {
      raw: upload.raw,
      contentType: upload.contentType,
      normalizedSha256: print,
      uploadedBy: actor,
      note,
    };
    let record: ArticleRecord;
    let saved: VersionMeta;
    if (target.kind === 'article') {
      record = await store.createArticle(target.article, actor, version);
      saved = latestVersion(record) ?? missingVersion(record);
    } else {
      // The store appends atomically and refuses a duplicate of whatever is latest by then.
      saved = await store.addVersion({ ...version, articleId: target.record.id });
      record = (await store.getArticle(target.record.id)) ?? target.record;
    }
    const result = { record, version: saved, clean, hints };
    afterSave({ ...result, storySlug: target.story.slug });
    return result;
  }

  async function targetOf(pending: PendingTarget): Promise<UploadTarget> {
    const story = await store.getStory(pending.storySlug);
    if (story === null) throw new NotFoundError(`There is no story "${pending.storySlug}" any more.`);
    if (pending.kind === 'article') return { kind: 'article', story, article: pending.article };
    const record = story.articles.find((a) => a.id === pending.articleId);
    if (record === undefined) throw new NotFoundError(`There is no article ${pending.articleId} any more.`);
    return { kind: 'version', story, record };
  }

  async function load(id: string, sessionToken: string): Promise<{ pending: PendingUpload; context: PendingContext }> {
    const pending = await store.getPendingUpload(id, sessionToken);
    if (pending === null) throw new InputError('expired', EXPIRED);
    return { pending, context: JSON.parse(pending.context) as PendingContext };
  }

  return {
    async preview(target, upload, note, sessionToken, fields) {
      const { clean, hints } = await ingestFor(target, upload);
      const print = checkNotDuplicate(target, upload);
      const change = target.kind === 'version' ? await versions.changeFromLatest(target.record, clean) : null;
      const pendingTarget: PendingTarget =
        target.kind === 'article'
          ? { kind: 'article', storySlug: target.story.slug, article: target.article }
          : { kind: 'version', storySlug: target.story.slug, articleId: target.record.id, number: nextNumber(target) };
      const context: PendingContext = {
        target: pendingTarget,
        hints,
        note,
        fields: fields ?? null,
        filename: upload.filename,
      };
      const id = await store.putPendingUpload(
        {
          sessionToken,
          raw: upload.raw,
          contentType: upload.contentType,
          filename: upload.filename,
          fingerprint: print,
          context: JSON.stringify(context),
          derived: JSON.stringify(clean),
        },
        WEB_EDITOR.pendingUploadTtlMs,
      );
      return { id, clean, change };
    },

    async pending(id, sessionToken) {
      const { pending, context } = await load(id, sessionToken);
      return {
        upload: { raw: pending.raw, contentType: pending.contentType, filename: pending.filename },
        target: context.target,
        note: context.note,
        fields: context.fields,
        clean: JSON.parse(pending.derived) as Article,
      };
    },

    async confirm(id, sessionToken, note, actor) {
      const { pending, context } = await load(id, sessionToken);
      const target = await targetOf(context.target);
      if (
        context.target.kind === 'version' &&
        target.kind === 'version' &&
        nextNumber(target) !== context.target.number
      ) {
        throw new InputError(
          'conflict',
          `Version ${nextNumber(target) - 1} was saved after your preview, which compared with version ${context.target.number - 1}. Go back and preview the upload again.`,
        );
      }
      const upload: Upload = { raw: pending.raw, contentType: pending.contentType, filename: pending.filename };
      const saved = await write(
        target,
        upload,
        pending.fingerprint,
        note,
        actor,
        JSON.parse(pending.derived) as Article,
        context.hints,
      );
      await store.deletePendingUpload(id);
      return saved;
    },

    async save(target, upload, note, actor) {
      const { clean, hints } = await ingestFor(target, upload);
      return write(target, upload, checkNotDuplicate(target, upload), note, actor, clean, hints);
    },
  };
}

function missingVersion(record: ArticleRecord): never {
  throw new Error(`article ${record.id} has no version right after it was saved; this is a bug`);
}
