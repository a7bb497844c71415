// The audit log: one row per change, written by the table modules inside the transaction that makes the
// change, so the log can never claim a change that was rolled back, nor miss one that was committed.

import { isoTime, type StoreContext } from './db.js';
import type { AuditEntry } from './types.js';

export type AuditDetail = Record<string, string | number | boolean | null>;

export function appendAudit(ctx: StoreContext, actor: string, action: string, detail: AuditDetail): void {
  ctx
    .prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)')
    .run(isoTime(ctx), actor, action, JSON.stringify(detail));
}

/** The newest `limit` entries, newest first. */
export function listAudit(ctx: StoreContext, limit: number): AuditEntry[] {
  const rows = ctx
    .prepare<[number], AuditEntry>('SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?')
    .all(Math.max(0, Math.floor(limit)));
  return rows;
}
