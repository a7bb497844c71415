// Opening the SQLite file and bringing its schema up to date. Migrations are data: a numbered list of SQL
// scripts, each applied once inside its own transaction and recorded in schema_migrations, so a crash
// halfway through a migration leaves the database at the previous number, never in between.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { STORE } from '../config.js';
import { bug } from '../errors.js';

export type Db = Database.Database;

export interface Migration {
  /** 1, 2, 3 … in order, never reused or renumbered once released. */
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'stories, articles, append-only versions, editors, sessions, tokens, audit log, derived cache',
    sql: `
      CREATE TABLE stories (
        id          INTEGER PRIMARY KEY,
        slug        TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE articles (
        id          INTEGER PRIMARY KEY,
        story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE RESTRICT,
        slug        TEXT NOT NULL,
        outlet      TEXT NOT NULL,
        agency      TEXT,
        url         TEXT,
        published   TEXT,
        language    TEXT NOT NULL,
        source_note TEXT,
        created_at  TEXT NOT NULL,
        UNIQUE (story_id, slug)
      );

      CREATE TABLE versions (
        id                INTEGER PRIMARY KEY,
        article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
        number            INTEGER NOT NULL CHECK (number >= 1),
        content_type      TEXT NOT NULL CHECK (content_type IN ('text/plain', 'text/html')),
        raw               BLOB NOT NULL,
        byte_length       INTEGER NOT NULL CHECK (byte_length = length(raw) AND byte_length > 0),
        sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
        normalized_sha256 TEXT NOT NULL CHECK (length(normalized_sha256) = 64),
        uploaded_by       TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        note              TEXT,
        UNIQUE (article_id, number)
      );

      -- Nothing an editor uploads may ever be lost: the database itself refuses to change a version.
      CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
      BEGIN SELECT RAISE(ABORT, 'versions are append-only: UPDATE refused'); END;
      CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
      BEGIN SELECT RAISE(ABORT, 'versions are append-only: DELETE refused'); END;

      CREATE TABLE editors (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        -- NULL until the editor chooses a password through a one-time setup link.
        password_hash TEXT,
        created_at    TEXT NOT NULL
      );

      -- Tokens are stored as SHA-256 of the plain token: a copy of the database gives no usable token.
      CREATE TABLE setup_tokens (
        token_hash  TEXT PRIMARY KEY,
        editor_id   INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
        expires_at  INTEGER NOT NULL,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE sessions (
        token_hash  TEXT PRIMARY KEY,
        editor_id   INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
        expires_at  INTEGER NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX sessions_by_editor ON sessions (editor_id);

      CREATE TABLE api_tokens (
        id          INTEGER PRIMARY KEY,
        token_hash  TEXT NOT NULL UNIQUE,
        editor_id   INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
        label       TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        detail  TEXT NOT NULL
      );
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END;

      CREATE TABLE derived_cache (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'pending uploads: an upload between its preview and its confirmation, owned by a session',
    sql: `
      -- The editor's upload between preview and confirm: kept on the server (not carried back by the page), owned
      -- by the session that previewed it (gone with it), and expiring. The id is stored hashed, as tokens are.
      CREATE TABLE pending_uploads (
        id_hash       TEXT PRIMARY KEY,
        session_hash  TEXT NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE,
        raw           BLOB NOT NULL,
        content_type  TEXT NOT NULL CHECK (content_type IN ('text/plain', 'text/html')),
        filename      TEXT,
        fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 64),
        context       TEXT NOT NULL,
        derived       TEXT NOT NULL,
        expires_at    INTEGER NOT NULL,
        created_at    TEXT NOT NULL
      );
      CREATE INDEX pending_uploads_by_session ON pending_uploads (session_hash);
    `,
  },
];

/**
 * Opens (creating if needed) the database at `path`, or an in-memory one for ':memory:', and applies
 * every pending migration. The parent folder of a file path is created.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL lets readers continue while one writer appends; NORMAL sync is durable across process crashes
    // (the case SIGKILL tests) and loses at most the last commits on a power cut, never consistency.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${STORE.busyTimeoutMs}`);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Applies the migrations not yet recorded, in order, each in its own IMMEDIATE transaction. Returns their ids. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  checkMigrationList(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
  )`);
  const isApplied = db.prepare<[number], { id: number }>('SELECT id FROM schema_migrations WHERE id = ?');
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    // The check sits inside the transaction: two processes starting together apply each migration once.
    const apply = db.transaction(() => {
      if (isApplied.get(migration.id) !== undefined) return false;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.id);
  }
  return applied;
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) throw bug(`migration #${index + 1} has id ${migration.id}`);
  });
}

/** What every table module works with: the connection and the clock (injected so tests can move time). */
export interface StoreContext {
  db: Db;
  /** `db.prepare`, once per SQL text: a statement is compiled the first time and reused (~13 % of server CPU was
   * spent re-preparing). The SQL texts are constants, so the cache stays small. */
  prepare: Db['prepare'];
  /** Milliseconds since the epoch. */
  now: () => number;
}

export function isoTime(ctx: StoreContext): string {
  return new Date(ctx.now()).toISOString();
}

/** A `prepare` that compiles each SQL text once per connection. */
export function preparedOnce(db: Db): Db['prepare'] {
  const statements = new Map<string, Database.Statement>();
  return ((source: string) => {
    let statement = statements.get(source);
    if (statement === undefined) {
      statement = db.prepare(source);
      statements.set(source, statement);
    }
    return statement;
  }) as Db['prepare'];
}
