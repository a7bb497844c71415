import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/errors.js';
import { fingerprint } from '../../src/ingest/index.js';
import { openSqliteStore, type SqliteStore, sha256Hex } from '../../src/store/index.js';
import { makeArticle, textVersion } from './helpers.js';

let store: SqliteStore;
let articleId: number;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  articleId = await makeArticle(store);
});
afterEach(async () => {
  await store.close();
});

/** Everything the database holds, for "nothing changed" assertions. */
function snapshot(): unknown {
  const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return { versions: count('versions'), audit: count('audit_log'), articles: count('articles') };
}

describe('addVersion', () => {
  it('numbers versions 1, 2, 3 and keeps the raw bytes exactly as uploaded', async () => {
    const raw = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Seoul says\r\nit supports\u00a0asylum.'),
    ]);
    const first = await store.addVersion({
      ...textVersion(articleId, 'x'),
      raw,
      normalizedSha256: fingerprint(raw),
    });
    const second = await store.addVersion(textVersion(articleId, 'Seoul says it supports asylum for the soldier.'));
    const third = await store.addVersion({ ...textVersion(articleId, 'Third text.'), note: 'outlet corrected a name' });
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    const stored = await store.getVersion(articleId, 1);
    expect(stored?.raw).toEqual(raw);
    expect(stored?.sha256).toBe(sha256Hex(raw));
    expect(stored?.byteLength).toBe(raw.byteLength);
    expect((await store.getVersion(articleId))?.number).toBe(3);
    expect((await store.getVersion(articleId))?.note).toBe('outlet corrected a name');
    expect((await store.getArticle(articleId))?.versions.map((v) => v.number)).toEqual([1, 2, 3]);
  });

  it('refuses a text identical to the latest version, even with other line endings, with a friendly message', async () => {
    await store.addVersion(textVersion(articleId, 'Seoul says it supports asylum.\n\nA second paragraph.'));
    const before = snapshot();
    const same = textVersion(articleId, 'Seoul says  it supports asylum.\r\n\r\n\r\nA second paragraph.\r\n');
    const error = await store.addVersion(same).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('duplicate');
    expect((error as InputError).message).toBe(
      'This text is the same as version 1, the latest one, so there is nothing new to save.',
    );
    expect(snapshot()).toEqual(before);
  });

  it('accepts a text equal to an older version (an outlet reverting a change is a new version)', async () => {
    await store.addVersion(textVersion(articleId, 'Original wording.'));
    await store.addVersion(textVersion(articleId, 'Changed wording.'));
    expect((await store.addVersion(textVersion(articleId, 'Original wording.'))).number).toBe(3);
  });

  it('refuses bad input with an InputError or NotFoundError and leaves the database unchanged', async () => {
    await store.addVersion(textVersion(articleId, 'Version one.'));
    const before = snapshot();
    const good = textVersion(articleId, 'A new text.');
    const cases: [unknown, string][] = [
      [{ ...good, raw: new Uint8Array() }, 'empty'],
      [{ ...good, raw: new Uint8Array(2 * 1024 * 1024 + 1).fill(65) }, 'too-large'],
      [{ ...good, contentType: 'application/pdf' }, 'unsupported-type'],
      [{ ...good, normalizedSha256: 'abc' }, 'bad-field'],
      [{ ...good, uploadedBy: '  ' }, 'bad-field'],
      [{ ...good, note: 'x'.repeat(5000) }, 'bad-field'],
    ];
    for (const [input, code] of cases) {
      const error = await store.addVersion(input as typeof good).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe(code);
    }
    await expect(store.addVersion({ ...good, articleId: 999 })).rejects.toBeInstanceOf(NotFoundError);
    expect(snapshot()).toEqual(before);
  });

  it('writes one audit entry per version, naming the uploader', async () => {
    await store.addVersion(textVersion(articleId, 'Version one.', 'bob'));
    const [entry] = await store.listAudit(1);
    expect(entry?.actor).toBe('bob');
    expect(entry?.action).toBe('version.add');
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ articleId, number: 1 });
  });
});

describe('append-only', () => {
  it('the database itself refuses UPDATE and DELETE of a version', async () => {
    await store.addVersion(textVersion(articleId, 'Never lost.'));
    expect(() => store.db.prepare("UPDATE versions SET note = 'edited'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE versions SET raw = x'00'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM versions').run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM articles').run()).toThrow(/FOREIGN KEY/);
    expect(new TextDecoder().decode((await store.getVersion(articleId))?.raw)).toBe('Never lost.');
  });

  it('the audit log refuses UPDATE and DELETE too', async () => {
    await store.addVersion(textVersion(articleId, 'Logged.'));
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'someone'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('normalizedSha256', () => {
  it('ignores invisible differences and sees visible ones', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const base = fingerprint(bytes('Seoul says it\n\nsupports'));
    expect(fingerprint(bytes('Seoul\u00a0says  it\r\n\r\n\r\nsupports\u200b '))).toBe(base);
    expect(fingerprint(bytes('Seoul said it\n\nsupports'))).not.toBe(base);
  });

  it('throws InputError for bytes that are not UTF-8 text', () => {
    expect(() => fingerprint(new Uint8Array([0xff, 0xfe, 0x41]))).toThrow(InputError);
  });
});
