// The Store on SQLite. better-sqlite3 is synchronous; the async methods keep the interface open to a
// PostgreSQL implementation. One connection per process: SQLite serialises writers with its file lock
// (IMMEDIATE transactions + busy_timeout), so several processes may share one database file.

import { listAudit } from './audit.js';
import { type Db, preparedOnce, type StoreContext } from './db.js';
import { getDerived, putDerived } from './derived.js';
import * as editors from './editors.js';
import * as pending from './pending-uploads.js';
import * as content from './stories-articles.js';
import type { NewArticle, NewPendingUpload, NewStory, NewVersion, Store } from './types.js';
import type { ArticleFields } from './validate.js';
import * as versions from './versions.js';

export interface SqliteStoreOptions {
  /** Milliseconds since the epoch; tests pass a fake clock to check expiry. */
  now?: () => number;
}

export class SqliteStore implements Store {
  readonly #ctx: StoreContext;
  #closed = false;

  constructor(db: Db, options: SqliteStoreOptions = {}) {
    this.#ctx = { db, prepare: preparedOnce(db), now: options.now ?? Date.now };
  }

  /** The connection itself, for tests and maintenance (integrity checks, backups); not for the web layer. */
  get db(): Db {
    return this.#ctx.db;
  }

  listStories = async () => content.listStories(this.#ctx);
  getStory = async (slug: string) => content.getStory(this.#ctx, slug);
  createStory = async (story: NewStory, actor: string) => content.createStory(this.#ctx, story, actor);
  getArticle = async (id: number) => content.getArticle(this.#ctx, id);
  getArticleBySlug = async (storySlug: string, articleSlug: string) =>
    content.getArticleBySlug(this.#ctx, storySlug, articleSlug);
  createArticle = async (article: NewArticle, actor: string, firstVersion?: Omit<NewVersion, 'articleId'>) =>
    content.createArticle(this.#ctx, article, actor, firstVersion);
  updateArticle = async (id: number, fields: ArticleFields, actor: string) =>
    content.updateArticle(this.#ctx, id, fields, actor);

  getVersion = async (articleId: number, number?: number) => versions.getVersion(this.#ctx, articleId, number);
  addVersion = async (version: NewVersion) => versions.addVersion(this.#ctx, version);

  getEditor = async (name: string) => editors.getEditor(this.#ctx, name);
  countActiveEditors = async () => editors.countActiveEditors(this.#ctx);
  issueSetupToken = async (name: string, actor: string, ttlMs: number) =>
    editors.issueSetupToken(this.#ctx, name, actor, ttlMs);
  getSetupTokenEditor = async (token: string) => editors.getSetupTokenEditor(this.#ctx, token);
  redeemSetupToken = (token: string, password: string, name?: string) =>
    editors.redeemSetupToken(this.#ctx, token, password, name);
  verifyPassword = (name: string, password: string) => editors.verifyPassword(this.#ctx, name, password);
  createSession = async (editorId: number, ttlMs: number) => editors.createSession(this.#ctx, editorId, ttlMs);
  getSessionEditor = async (sessionToken: string) => editors.getSessionEditor(this.#ctx, sessionToken);
  deleteSession = async (sessionToken: string) => editors.deleteSession(this.#ctx, sessionToken);
  createApiToken = async (editorId: number, label: string) => editors.createApiToken(this.#ctx, editorId, label);
  getApiTokenEditor = async (token: string) => editors.getApiTokenEditor(this.#ctx, token);

  putPendingUpload = async (upload: NewPendingUpload, ttlMs: number) =>
    pending.putPendingUpload(this.#ctx, upload, ttlMs);
  getPendingUpload = async (id: string, sessionToken: string) => pending.getPendingUpload(this.#ctx, id, sessionToken);
  deletePendingUpload = async (id: string) => pending.deletePendingUpload(this.#ctx, id);

  listAudit = async (limit: number) => listAudit(this.#ctx, limit);
  getDerived = async (key: string) => getDerived(this.#ctx, key);
  putDerived = async (key: string, value: string) => putDerived(this.#ctx, key, value);

  close = async () => {
    if (this.#closed) return;
    this.#closed = true;
    // Folds the WAL back into the main file, so a copy of parallax.db alone is a complete backup.
    this.#ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    this.#ctx.db.close();
  };
}
