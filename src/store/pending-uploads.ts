// Uploads between their preview and their confirmation. The preview page holds only the id; the bytes, the
// ingested article and what the upload is for stay here, owned by the session that previewed them, until the
// editor confirms (the upload becomes a version and this row goes), the session ends (the row goes with it) or the
// row expires. So nothing large travels back through the browser, and a confirm works on any process that shares
// the database.

import { randomBytes } from 'node:crypto';
import { INGEST, STORE } from '../config.js';
import { bug, InputError } from '../errors.js';
import type { ContentType } from '../types.js';
import { isoTime, type StoreContext } from './db.js';
import type { NewPendingUpload, PendingUpload } from './types.js';
import { sha256Hex } from './versions.js';

interface PendingRow {
  raw: Buffer;
  content_type: ContentType;
  filename: string | null;
  fingerprint: string;
  context: string;
  derived: string;
  created_at: string;
}

/** Keeps an upload for `ttlMs` and returns its id (plain, shown once in the preview page, stored hashed). */
export function putPendingUpload(ctx: StoreContext, upload: NewPendingUpload, ttlMs: number): string {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw bug(`pending upload lifetime ${ttlMs} ms is not positive`);
  if (upload.raw.byteLength === 0 || upload.raw.byteLength > INGEST.maxInputBytes) {
    throw new InputError(
      'too-large',
      `The upload is ${upload.raw.byteLength} bytes; the limit is ${INGEST.maxInputBytes} bytes.`,
    );
  }
  const id = randomBytes(STORE.tokenBytes).toString('base64url');
  const put = ctx.db.transaction(() => {
    ctx.prepare('DELETE FROM pending_uploads WHERE expires_at <= ?').run(ctx.now());
    const session = ctx
      .prepare<[string, number], { token_hash: string }>(
        'SELECT token_hash FROM sessions WHERE token_hash = ? AND expires_at > ?',
      )
      .get(sha256Hex(upload.sessionToken), ctx.now());
    if (session === undefined)
      throw new InputError('bad-field', 'Your session has ended. Log in again and upload the article again.');
    ctx
      .prepare(
        `INSERT INTO pending_uploads (id_hash, session_hash, raw, content_type, filename, fingerprint, context, derived,
         expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sha256Hex(id),
        session.token_hash,
        Buffer.from(upload.raw.buffer, upload.raw.byteOffset, upload.raw.byteLength),
        upload.contentType,
        upload.filename,
        upload.fingerprint,
        upload.context,
        upload.derived,
        ctx.now() + ttlMs,
        isoTime(ctx),
      );
  });
  put.immediate();
  return id;
}

/** The pending upload `id` of this session, while it has not expired; null otherwise (another session's too). */
export function getPendingUpload(ctx: StoreContext, id: string, sessionToken: string): PendingUpload | null {
  if (id.length === 0 || id.length > 100 || sessionToken.length === 0) return null;
  const row = ctx
    .prepare<[string, string, number], PendingRow>(
      `SELECT raw, content_type, filename, fingerprint, context, derived, created_at FROM pending_uploads
       WHERE id_hash = ? AND session_hash = ? AND expires_at > ?`,
    )
    .get(sha256Hex(id), sha256Hex(sessionToken), ctx.now());
  if (row === undefined) return null;
  return {
    raw: new Uint8Array(row.raw),
    contentType: row.content_type,
    filename: row.filename,
    fingerprint: row.fingerprint,
    context: row.context,
    derived: row.derived,
    createdAt: row.created_at,
  };
}

/** Forgets a pending upload (once it is saved); unknown ids are ignored. */
export function deletePendingUpload(ctx: StoreContext, id: string): void {
  ctx.prepare('DELETE FROM pending_uploads WHERE id_hash = ?').run(sha256Hex(id));
}
