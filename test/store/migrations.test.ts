import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, openDatabase } from '../../src/store/db.js';
import { openSqliteStore } from '../../src/store/index.js';
import { makeTempDir, type TempDir } from './helpers.js';

let temp: TempDir | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

describe('openDatabase and migrations', () => {
  it('creates the parent folder, applies every migration once and records it', () => {
    temp = makeTempDir();
    const db = openDatabase(temp.dbPath);
    const recorded = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => m.id));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('is idempotent across reopenings: the schema and the data stay as they were', async () => {
    temp = makeTempDir();
    const first = await openSqliteStore(temp.dbPath);
    await first.createStory({ slug: 'kept', title: 'Kept' }, 'test');
    const schema = first.db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    await first.close();

    const second = await openSqliteStore(temp.dbPath);
    expect(second.db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(schema);
    expect((await second.listStories()).map((s) => s.slug)).toEqual(['kept']);
    expect(second.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    await second.close();
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    temp = makeTempDir();
    const db = openDatabase(temp.dbPath);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('rolls back a failing migration entirely and records nothing for it', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      { id: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELEC nonsense;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(id) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a migration list with a gap in its numbering (a bug, not a schema)', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ id: 2, name: 'skipped one', sql: '' }])).toThrow(/this is a bug/);
    db.close();
  });
});
