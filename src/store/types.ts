// The Store: everything the web layer and the CLI may ask of storage. Types only.
// SQLite (better-sqlite3) implements it today; the methods are async so that a PostgreSQL
// implementation can be added without touching the web layer.

import type { ContentType } from '../types.js';

export interface StoryRecord {
  id: number;
  /** URL key, e.g. "nk-pow-asylum": lower-case letters, digits and dashes. */
  slug: string;
  title: string;
  createdAt: string;
}

export interface VersionMeta {
  id: number;
  articleId: number;
  /** 1, 2, 3 … per article, with no gaps. */
  number: number;
  contentType: ContentType;
  /** SHA-256 (hex) of the raw bytes as uploaded. */
  sha256: string;
  /** SHA-256 (hex) of the normalised text, used to refuse an upload identical to the latest version. */
  normalizedSha256: string;
  byteLength: number;
  /** Editor name, or "corpus" for versions loaded from corpus/. */
  uploadedBy: string;
  createdAt: string;
  note: string | null;
}

export interface VersionRecord extends VersionMeta {
  /** The raw bytes exactly as uploaded. */
  raw: Uint8Array;
}

export interface ArticleRecord {
  id: number;
  storyId: number;
  storySlug: string;
  /** URL key, unique within its story, e.g. "straits-times-afp". */
  slug: string;
  outlet: string;
  agency: string | null;
  url: string | null;
  /** ISO date, YYYY-MM-DD, as the page gives it. */
  published: string | null;
  language: string;
  /** Free text about the source (from story.json or the editor). */
  sourceNote: string | null;
  createdAt: string;
  /** Newest first is NOT guaranteed: ascending by number. */
  versions: VersionMeta[];
}

export interface StorySummary extends StoryRecord {
  articles: ArticleRecord[];
}

export interface NewStory {
  slug: string;
  title: string;
}

export interface NewArticle {
  storyId: number;
  slug: string;
  outlet: string;
  agency?: string | null;
  url?: string | null;
  published?: string | null;
  language?: string;
  sourceNote?: string | null;
}

export interface NewVersion {
  articleId: number;
  raw: Uint8Array;
  contentType: ContentType;
  normalizedSha256: string;
  uploadedBy: string;
  note?: string | null;
}

export interface EditorRecord {
  id: number;
  name: string;
  /** False until the editor has chosen a password through a one-time link. */
  active: boolean;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  /** JSON text with the details of the change. */
  detail: string;
}

/**
 * Storage for stories, articles, append-only versions, editors, sessions, API tokens,
 * the audit log and the cache of derived data.
 * Every write that changes content also appends an audit entry, in the same transaction.
 */
/** An upload kept between its preview and its confirmation (src/store/pending-uploads.ts). */
export interface NewPendingUpload {
  /** The session that previewed it: only that session can read it, and it goes when the session does. */
  sessionToken: string;
  raw: Uint8Array;
  contentType: ContentType;
  filename: string | null;
  /** `fingerprint` of the normalised text (ingest), for the duplicate check at confirm. */
  fingerprint: string;
  /** JSON the caller reads back: what the upload is for (article fields, or the article and version number). */
  context: string;
  /** JSON the caller reads back: what the preview computed (the ingested article), so confirm need not redo it. */
  derived: string;
}

export interface PendingUpload extends Omit<NewPendingUpload, 'sessionToken'> {
  createdAt: string;
}

export interface Store {
  // Stories and articles
  listStories(): Promise<StorySummary[]>;
  getStory(slug: string): Promise<StorySummary | null>;
  createStory(story: NewStory, actor: string): Promise<StoryRecord>;
  getArticle(id: number): Promise<ArticleRecord | null>;
  getArticleBySlug(storySlug: string, articleSlug: string): Promise<ArticleRecord | null>;
  /**
   * Creates an article; with `firstVersion`, also its version 1 in the same transaction, so a refused upload
   * leaves no article without versions behind.
   */
  createArticle(
    article: NewArticle,
    actor: string,
    firstVersion?: Omit<NewVersion, 'articleId'>,
  ): Promise<ArticleRecord>;
  updateArticle(
    id: number,
    fields: Partial<Omit<NewArticle, 'storyId' | 'slug'>>,
    actor: string,
  ): Promise<ArticleRecord>;

  // Versions (append-only)
  /** Version `number` of the article, or the latest when `number` is omitted. */
  getVersion(articleId: number, number?: number): Promise<VersionRecord | null>;
  /** Appends the next version number atomically. Throws InputError('duplicate') when identical to the latest. */
  addVersion(version: NewVersion): Promise<VersionMeta>;

  // Editors, sessions, tokens
  getEditor(name: string): Promise<EditorRecord | null>;
  countActiveEditors(): Promise<number>;
  /** Creates the editor if needed and returns a one-time setup token (plain text, shown once, stored hashed). */
  issueSetupToken(name: string, actor: string, ttlMs: number): Promise<string>;
  /** The editor a setup token is for, while it is unused and unexpired (for the setup page); does not consume it. */
  getSetupTokenEditor(token: string): Promise<EditorRecord | null>;
  /**
   * Consumes a setup token and sets the password; null when the token is unknown, used or expired.
   * Throws InputError('bad-field') for a password that breaks the rules (the token stays usable).
   * `name`, optional, renames an editor who has never had a password: the first-start link is issued for a
   * placeholder name ("admin") and lets the first editor choose theirs.
   */
  redeemSetupToken(token: string, password: string, name?: string): Promise<EditorRecord | null>;
  verifyPassword(name: string, password: string): Promise<EditorRecord | null>;
  createSession(editorId: number, ttlMs: number): Promise<string>;
  getSessionEditor(sessionToken: string): Promise<EditorRecord | null>;
  deleteSession(sessionToken: string): Promise<void>;
  /** A new API token for the editor (plain text, shown once, stored hashed). */
  createApiToken(editorId: number, label: string): Promise<string>;
  getApiTokenEditor(token: string): Promise<EditorRecord | null>;

  // Uploads between preview and confirm
  /** Keeps an upload for `ttlMs`; returns its id. InputError when the session has ended. */
  putPendingUpload(upload: NewPendingUpload, ttlMs: number): Promise<string>;
  /** The session's pending upload, or null when it is unknown, another session's, or expired. */
  getPendingUpload(id: string, sessionToken: string): Promise<PendingUpload | null>;
  deletePendingUpload(id: string): Promise<void>;

  // Audit and derived data
  listAudit(limit: number): Promise<AuditEntry[]>;
  /** Cached derived JSON (normalised articles, comparisons); keys include the ingest/engine versions. */
  getDerived(key: string): Promise<string | null>;
  putDerived(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}
