// Versions: append-only. Each upload keeps the raw bytes exactly as received, and its number is assigned
// inside an IMMEDIATE transaction (the write lock is taken before reading max(number)), so uploads from
// several processes at once get 1, 2, 3 … with no gap and no duplicate.

import { createHash } from 'node:crypto';
import { INGEST, STORE } from '../config.js';
import { bug, InputError, NotFoundError } from '../errors.js';
import type { ContentType } from '../types.js';
import { appendAudit } from './audit.js';
import { isoTime, type StoreContext } from './db.js';
import type { NewVersion, VersionMeta, VersionRecord } from './types.js';
import { checkLine, checkOptionalText } from './validate.js';

const CONTENT_TYPES: readonly ContentType[] = ['text/plain', 'text/html'];
const SHA256_HEX = /^[0-9a-f]{64}$/;

interface VersionRow {
  id: number;
  article_id: number;
  number: number;
  content_type: ContentType;
  sha256: string;
  normalized_sha256: string;
  byte_length: number;
  uploaded_by: string;
  created_at: string;
  note: string | null;
}

const META_COLUMNS =
  'id, article_id, number, content_type, sha256, normalized_sha256, byte_length, uploaded_by, created_at, note';

/** SHA-256 of bytes, as lower-case hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Version metadata of one article (or of every article for null), ascending by article and number. */
export function listVersionMetas(ctx: StoreContext, articleId: number | null): VersionMeta[] {
  const rows =
    articleId === null
      ? ctx.prepare<[], VersionRow>(`SELECT ${META_COLUMNS} FROM versions ORDER BY article_id, number`).all()
      : ctx
          .prepare<[number], VersionRow>(`SELECT ${META_COLUMNS} FROM versions WHERE article_id = ? ORDER BY number`)
          .all(articleId);
  return rows.map(toMeta);
}

/** Every version (metadata) of every article of one story, in one query. */
export function listStoryVersionMetas(ctx: StoreContext, storyId: number): VersionMeta[] {
  return ctx
    .prepare<[number], VersionRow>(
      `SELECT ${META_COLUMNS} FROM versions WHERE article_id IN (SELECT id FROM articles WHERE story_id = ?) ORDER BY article_id, number`,
    )
    .all(storyId)
    .map(toMeta);
}

export function getVersion(ctx: StoreContext, articleId: number, number?: number): VersionRecord | null {
  const row =
    number === undefined
      ? ctx
          .prepare<[number], VersionRow & { raw: Buffer }>(
            `SELECT ${META_COLUMNS}, raw FROM versions WHERE article_id = ? ORDER BY number DESC LIMIT 1`,
          )
          .get(articleId)
      : ctx
          .prepare<[number, number], VersionRow & { raw: Buffer }>(
            `SELECT ${META_COLUMNS}, raw FROM versions WHERE article_id = ? AND number = ?`,
          )
          .get(articleId, number);
  if (row === undefined) return null;
  // A copy in a plain Uint8Array: callers get the bytes, not a Buffer tied to the driver's memory.
  return { ...toMeta(row), raw: new Uint8Array(row.raw) };
}

/**
 * Appends the next version of an article. Throws InputError for bad input ('empty', 'too-large',
 * 'unsupported-type', 'bad-field'), InputError('duplicate') when the normalised text equals the latest
 * version's, NotFoundError for an unknown article; in each case nothing is written.
 */
export function addVersion(ctx: StoreContext, version: NewVersion): VersionMeta {
  const raw = version.raw;
  if (!(raw instanceof Uint8Array)) throw new InputError('bad-field', 'The upload must be bytes.');
  if (raw.byteLength === 0) throw new InputError('empty', 'The upload is empty: there is no text to save.');
  // The one upload limit, the ingest's: nothing stored is too large to read.
  if (raw.byteLength > INGEST.maxInputBytes) {
    throw new InputError(
      'too-large',
      `The upload is ${raw.byteLength} bytes; the limit is ${INGEST.maxInputBytes} bytes (${INGEST.maxInputBytes / 1024 / 1024} MB).`,
    );
  }
  if (!CONTENT_TYPES.includes(version.contentType)) {
    throw new InputError(
      'unsupported-type',
      `Content type "${String(version.contentType)}" is not supported: use text/plain or text/html.`,
    );
  }
  if (!SHA256_HEX.test(version.normalizedSha256)) {
    throw new InputError('bad-field', 'normalizedSha256 must be 64 lower-case hex digits (SHA-256).');
  }
  const uploadedBy = checkLine('Uploader', version.uploadedBy);
  const note = checkOptionalText('Note', version.note, STORE.maxNoteLength);
  const sha256 = sha256Hex(raw);

  const append = ctx.db.transaction((): number => {
    if (ctx.prepare('SELECT 1 FROM articles WHERE id = ?').get(version.articleId) === undefined) {
      throw new NotFoundError(`There is no article with id ${version.articleId}.`);
    }
    const latest = ctx
      .prepare<[number], { number: number; normalized_sha256: string }>(
        'SELECT number, normalized_sha256 FROM versions WHERE article_id = ? ORDER BY number DESC LIMIT 1',
      )
      .get(version.articleId);
    if (latest !== undefined && latest.normalized_sha256 === version.normalizedSha256) {
      throw new InputError(
        'duplicate',
        `This text is the same as version ${latest.number}, the latest one, so there is nothing new to save.`,
      );
    }
    const number = (latest?.number ?? 0) + 1;
    const { lastInsertRowid } = ctx
      .prepare(
        `INSERT INTO versions (article_id, number, content_type, raw, byte_length, sha256, normalized_sha256,
           uploaded_by, created_at, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        version.articleId,
        number,
        version.contentType,
        Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength),
        raw.byteLength,
        sha256,
        version.normalizedSha256,
        uploadedBy,
        isoTime(ctx),
        note,
      );
    const id = Number(lastInsertRowid);
    appendAudit(ctx, uploadedBy, 'version.add', {
      articleId: version.articleId,
      versionId: id,
      number,
      sha256,
      byteLength: raw.byteLength,
    });
    return id;
  });
  const id = append.immediate();
  const row = ctx.prepare<[number], VersionRow>(`SELECT ${META_COLUMNS} FROM versions WHERE id = ?`).get(id);
  if (row === undefined) throw bug(`version ${id} is missing right after it was written`);
  return toMeta(row);
}

function toMeta(row: VersionRow): VersionMeta {
  return {
    id: row.id,
    articleId: row.article_id,
    number: row.number,
    contentType: row.content_type,
    sha256: row.sha256,
    normalizedSha256: row.normalized_sha256,
    byteLength: row.byte_length,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    note: row.note,
  };
}
