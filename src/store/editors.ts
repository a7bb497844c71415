// Editors and their credentials: one-time setup tokens, login sessions and API tokens. Every token is
// 256 random bits shown once to its owner and stored only as its SHA-256, so a copy of the database
// (a backup, a stolen laptop) holds no usable credential. Passwords are scrypt hashes (passwords.ts).

import { randomBytes } from 'node:crypto';
import { STORE } from '../config.js';
import { bug, InputError, NotFoundError } from '../errors.js';
import { appendAudit } from './audit.js';
import { isoTime, type StoreContext } from './db.js';
import { checkPasswordRules, dummyPasswordHash, hashPassword, verifyPasswordHash } from './passwords.js';
import type { EditorRecord } from './types.js';
import { checkLine } from './validate.js';
import { sha256Hex } from './versions.js';

/** Editor names appear as the uploader of versions: short, no spaces, not "corpus" (the seed's uploader). */
const EDITOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RESERVED_NAMES = new Set(['corpus', 'import', 'system']);
/** Characters. Anything longer is not one of our tokens; refusing it early avoids hashing junk. */
const MAX_TOKEN_LENGTH = 200;
/** API tokens start with a recognisable prefix so secret scanners and people can tell what leaked. */
const API_TOKEN_PREFIX = 'plx_';

interface EditorRow {
  id: number;
  name: string;
  password_hash: string | null;
  created_at: string;
}

export function checkEditorName(name: string): string {
  if (!EDITOR_NAME.test(name) || RESERVED_NAMES.has(name.toLowerCase())) {
    throw new InputError(
      'bad-field',
      `Editor name "${name}" is not allowed: use 1 to 64 letters, digits, dots, dashes or underscores (not "corpus", "import" or "system").`,
    );
  }
  return name;
}

export function getEditor(ctx: StoreContext, name: string): EditorRecord | null {
  const row = getEditorRow(ctx, name);
  return row === undefined ? null : toEditor(row);
}

export function countActiveEditors(ctx: StoreContext): number {
  const row = ctx.prepare<[], { n: number }>('SELECT count(*) AS n FROM editors WHERE password_hash IS NOT NULL').get();
  return row?.n ?? 0;
}

/**
 * Creates the editor if needed and returns a new one-time setup token valid for `ttlMs`. Earlier setup
 * tokens of the same editor stop working: only the newest link printed is valid. A current password keeps
 * working until the link is used (a reset must not lock an editor out if the link is lost).
 */
export function issueSetupToken(ctx: StoreContext, name: string, actor: string, ttlMs: number): string {
  checkEditorName(name);
  checkTtl(ttlMs);
  const token = newToken('');
  const issue = ctx.db.transaction(() => {
    let editor = getEditorRow(ctx, name);
    if (editor === undefined) {
      ctx.prepare('INSERT INTO editors (name, password_hash, created_at) VALUES (?, NULL, ?)').run(name, isoTime(ctx));
      editor = getEditorRow(ctx, name) ?? bugMissing(name);
      appendAudit(ctx, actor, 'editor.create', { editorId: editor.id, name });
    }
    ctx.prepare('DELETE FROM setup_tokens WHERE editor_id = ?').run(editor.id);
    ctx
      .prepare('INSERT INTO setup_tokens (token_hash, editor_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256Hex(token), editor.id, ctx.now() + ttlMs, isoTime(ctx));
    appendAudit(ctx, actor, 'editor.setup-token', { editorId: editor.id, name, expiresInMs: ttlMs });
  });
  issue.immediate();
  return token;
}

/** The editor a setup token belongs to, while it is unused and unexpired; the token stays valid. */
export function getSetupTokenEditor(ctx: StoreContext, token: string): EditorRecord | null {
  if (!plausibleToken(token)) return null;
  const row = ctx
    .prepare<[string, number], EditorRow>(
      `SELECT e.id, e.name, e.password_hash, e.created_at FROM setup_tokens t JOIN editors e ON e.id = t.editor_id
       WHERE t.token_hash = ? AND t.expires_at > ?`,
    )
    .get(sha256Hex(token), ctx.now());
  return row === undefined ? null : toEditor(row);
}

/**
 * Consumes a setup token and sets the editor's password. Returns null when the token is unknown, used
 * or expired; throws InputError('bad-field') for a password that breaks the rules (the token stays
 * usable). `name`, when given for an editor who has never had a password, renames the account: the
 * first-start link lets the first editor choose a name.
 */
export async function redeemSetupToken(
  ctx: StoreContext,
  token: string,
  password: string,
  name?: string,
): Promise<EditorRecord | null> {
  const holder = getSetupTokenEditor(ctx, token);
  if (holder === null) return null;
  checkPasswordRules(password);
  const newName = name === undefined || name === holder.name ? undefined : checkEditorName(name);
  if (newName !== undefined && holder.active) {
    throw new InputError(
      'bad-field',
      `This link resets the password of "${holder.name}"; it cannot rename the account.`,
    );
  }
  const passwordHash = await hashPassword(password);
  const redeem = ctx.db.transaction((): EditorRecord | null => {
    // Deleting the token is the claim: of two requests racing with one link, only one deletes a row.
    const claimed = ctx
      .prepare<[string, number], { editor_id: number }>(
        'DELETE FROM setup_tokens WHERE token_hash = ? AND expires_at > ? RETURNING editor_id',
      )
      .get(sha256Hex(token), ctx.now());
    if (claimed === undefined) return null;
    if (newName !== undefined) {
      if (getEditorRow(ctx, newName) !== undefined) {
        throw new InputError('duplicate', `There is already an editor called "${newName}".`);
      }
      ctx.prepare('UPDATE editors SET name = ? WHERE id = ?').run(newName, claimed.editor_id);
      appendAudit(ctx, newName, 'editor.rename', { editorId: claimed.editor_id, from: holder.name, to: newName });
    }
    ctx.prepare('UPDATE editors SET password_hash = ? WHERE id = ?').run(passwordHash, claimed.editor_id);
    // A new password signs out every existing session of the account (the reason for a reset may be a leak).
    ctx.prepare('DELETE FROM sessions WHERE editor_id = ?').run(claimed.editor_id);
    const editor = getEditorRowById(ctx, claimed.editor_id) ?? bugMissing(String(claimed.editor_id));
    appendAudit(ctx, editor.name, 'editor.password-set', { editorId: editor.id });
    return toEditor(editor);
  });
  return redeem.immediate();
}

/** The active editor whose password this is, or null; an unknown name costs as much time as a wrong password. */
export async function verifyPassword(ctx: StoreContext, name: string, password: string): Promise<EditorRecord | null> {
  const row = getEditorRow(ctx, name);
  if (row === undefined || row.password_hash === null) {
    await verifyPasswordHash(password, await dummyPasswordHash());
    return null;
  }
  return (await verifyPasswordHash(password, row.password_hash)) ? toEditor(row) : null;
}

export function createSession(ctx: StoreContext, editorId: number, ttlMs: number): string {
  checkTtl(ttlMs);
  const token = newToken('');
  const create = ctx.db.transaction(() => {
    const editor = getEditorRowById(ctx, editorId);
    if (editor === undefined || editor.password_hash === null) {
      throw new NotFoundError(`There is no active editor with id ${editorId}.`);
    }
    // Expired sessions are useless; clearing them here keeps the table the size of the active ones.
    ctx.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(ctx.now());
    ctx
      .prepare('INSERT INTO sessions (token_hash, editor_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256Hex(token), editorId, ctx.now() + ttlMs, isoTime(ctx));
    appendAudit(ctx, editor.name, 'session.create', { editorId });
  });
  create.immediate();
  return token;
}

export function getSessionEditor(ctx: StoreContext, sessionToken: string): EditorRecord | null {
  if (!plausibleToken(sessionToken)) return null;
  const row = ctx
    .prepare<[string, number], EditorRow>(
      `SELECT e.id, e.name, e.password_hash, e.created_at FROM sessions s JOIN editors e ON e.id = s.editor_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND e.password_hash IS NOT NULL`,
    )
    .get(sha256Hex(sessionToken), ctx.now());
  return row === undefined ? null : toEditor(row);
}

export function deleteSession(ctx: StoreContext, sessionToken: string): void {
  if (!plausibleToken(sessionToken)) return;
  const remove = ctx.db.transaction(() => {
    const gone = ctx
      .prepare<[string], { editor_id: number }>('DELETE FROM sessions WHERE token_hash = ? RETURNING editor_id')
      .get(sha256Hex(sessionToken));
    if (gone === undefined) return;
    const editor = getEditorRowById(ctx, gone.editor_id);
    appendAudit(ctx, editor?.name ?? 'unknown', 'session.delete', { editorId: gone.editor_id });
  });
  remove.immediate();
}

export function createApiToken(ctx: StoreContext, editorId: number, label: string): string {
  const cleanLabel = checkLine('Token label', label);
  const token = newToken(API_TOKEN_PREFIX);
  const create = ctx.db.transaction(() => {
    const editor = getEditorRowById(ctx, editorId);
    if (editor === undefined || editor.password_hash === null) {
      throw new NotFoundError(`There is no active editor with id ${editorId}.`);
    }
    const { lastInsertRowid } = ctx
      .prepare('INSERT INTO api_tokens (token_hash, editor_id, label, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256Hex(token), editorId, cleanLabel, isoTime(ctx));
    appendAudit(ctx, editor.name, 'api-token.create', {
      editorId,
      tokenId: Number(lastInsertRowid),
      label: cleanLabel,
    });
  });
  create.immediate();
  return token;
}

export function getApiTokenEditor(ctx: StoreContext, token: string): EditorRecord | null {
  if (!plausibleToken(token) || !token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = ctx
    .prepare<[string], EditorRow>(
      `SELECT e.id, e.name, e.password_hash, e.created_at FROM api_tokens t JOIN editors e ON e.id = t.editor_id
       WHERE t.token_hash = ? AND e.password_hash IS NOT NULL`,
    )
    .get(sha256Hex(token));
  return row === undefined ? null : toEditor(row);
}

function newToken(prefix: string): string {
  return prefix + randomBytes(STORE.tokenBytes).toString('base64url');
}

function plausibleToken(token: string): boolean {
  return typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}

function checkTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw bug(`token lifetime ${ttlMs} ms is not a positive number`);
}

function getEditorRow(ctx: StoreContext, name: string): EditorRow | undefined {
  return ctx
    .prepare<[string], EditorRow>('SELECT id, name, password_hash, created_at FROM editors WHERE name = ?')
    .get(name);
}

function getEditorRowById(ctx: StoreContext, id: number): EditorRow | undefined {
  return ctx
    .prepare<[number], EditorRow>('SELECT id, name, password_hash, created_at FROM editors WHERE id = ?')
    .get(id);
}

function bugMissing(what: string): never {
  throw bug(`editor ${what} is missing right after it was written`);
}

function toEditor(row: EditorRow): EditorRecord {
  return { id: row.id, name: row.name, active: row.password_hash !== null, createdAt: row.created_at };
}
