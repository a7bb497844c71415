import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/errors.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { hashPassword, verifyPasswordHash } from '../../src/store/passwords.js';

const HOUR = 60 * 60 * 1000;
const PASSWORD = 'correct horse battery';

let clock: number;
let store: SqliteStore;
beforeEach(async () => {
  clock = Date.UTC(2026, 0, 1);
  store = await openSqliteStore(':memory:', { now: () => clock });
});
afterEach(async () => {
  await store.close();
});

async function activeEditor(name = 'alice'): Promise<number> {
  const token = await store.issueSetupToken(name, 'cli', HOUR);
  const editor = await store.redeemSetupToken(token, PASSWORD);
  if (editor === null) throw new Error('setup failed');
  return editor.id;
}

describe('passwords', () => {
  it('scrypt hashes are salted, carry their parameters, and verify only the right password', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPasswordHash(PASSWORD, a)).toBe(true);
    expect(await verifyPasswordHash('correct horse battery!', a)).toBe(false);
    expect(await verifyPasswordHash(PASSWORD, 'not-a-hash')).toBe(false);
  });

  it('no editor and no password exist until a setup link is used', async () => {
    expect(await store.countActiveEditors()).toBe(0);
    await store.issueSetupToken('alice', 'cli', HOUR);
    expect(await store.getEditor('alice')).toMatchObject({ name: 'alice', active: false });
    expect(await store.verifyPassword('alice', '')).toBeNull();
    expect(await store.countActiveEditors()).toBe(0);
    expect(store.db.prepare('SELECT password_hash FROM editors').pluck().get()).toBeNull();
  });

  it('verifyPassword returns the editor for the right password only', async () => {
    await activeEditor();
    expect(await store.verifyPassword('alice', PASSWORD)).toMatchObject({ name: 'alice', active: true });
    expect(await store.verifyPassword('alice', 'wrong password')).toBeNull();
    expect(await store.verifyPassword('nobody', PASSWORD)).toBeNull();
  });
});

describe('setup tokens', () => {
  it('are single use, and stored only as a hash', async () => {
    const token = await store.issueSetupToken('alice', 'cli', HOUR);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(store.db.prepare('SELECT token_hash FROM setup_tokens').pluck().get()).not.toBe(token);
    expect(await store.getSetupTokenEditor(token)).toMatchObject({ name: 'alice' });
    expect(await store.redeemSetupToken(token, PASSWORD)).toMatchObject({ name: 'alice', active: true });
    expect(await store.redeemSetupToken(token, 'another password')).toBeNull();
    expect(await store.getSetupTokenEditor(token)).toBeNull();
    expect(await store.verifyPassword('alice', PASSWORD)).not.toBeNull();
  });

  it('two redemptions racing with one link: exactly one wins', async () => {
    const token = await store.issueSetupToken('alice', 'cli', HOUR);
    const results = await Promise.all([
      store.redeemSetupToken(token, 'first password!'),
      store.redeemSetupToken(token, 'second password'),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('expire after their lifetime', async () => {
    const token = await store.issueSetupToken('alice', 'cli', HOUR);
    clock += HOUR;
    expect(await store.redeemSetupToken(token, PASSWORD)).toBeNull();
    expect(await store.countActiveEditors()).toBe(0);
  });

  it('a newer link replaces the older one', async () => {
    const old = await store.issueSetupToken('alice', 'cli', HOUR);
    const fresh = await store.issueSetupToken('alice', 'cli', HOUR);
    expect(await store.redeemSetupToken(old, PASSWORD)).toBeNull();
    expect(await store.redeemSetupToken(fresh, PASSWORD)).not.toBeNull();
  });

  it('a short password is refused and the link stays usable', async () => {
    const token = await store.issueSetupToken('alice', 'cli', HOUR);
    await expect(store.redeemSetupToken(token, 'short')).rejects.toMatchObject({ code: 'bad-field' });
    expect(await store.redeemSetupToken(token, PASSWORD)).not.toBeNull();
  });

  it('a reset keeps the old password until the link is used, then signs out every session', async () => {
    const id = await activeEditor();
    const session = await store.createSession(id, HOUR);
    const reset = await store.issueSetupToken('alice', 'cli', HOUR);
    expect(await store.verifyPassword('alice', PASSWORD)).not.toBeNull();
    await store.redeemSetupToken(reset, 'a brand new password');
    expect(await store.verifyPassword('alice', PASSWORD)).toBeNull();
    expect(await store.verifyPassword('alice', 'a brand new password')).not.toBeNull();
    expect(await store.getSessionEditor(session)).toBeNull();
  });

  it('the first-start link lets the first editor choose a name; a reset link cannot rename', async () => {
    const first = await store.issueSetupToken('admin', 'server', HOUR);
    expect(await store.redeemSetupToken(first, PASSWORD, 'mina')).toMatchObject({ name: 'mina', active: true });
    expect(await store.getEditor('admin')).toBeNull();
    const reset = await store.issueSetupToken('mina', 'cli', HOUR);
    await expect(store.redeemSetupToken(reset, PASSWORD, 'other')).rejects.toBeInstanceOf(InputError);
  });

  it('refuse names that are not allowed, such as the corpus uploader', async () => {
    await expect(store.issueSetupToken('corpus', 'cli', HOUR)).rejects.toMatchObject({ code: 'bad-field' });
    await expect(store.issueSetupToken('two words', 'cli', HOUR)).rejects.toMatchObject({ code: 'bad-field' });
  });
});

describe('sessions and API tokens', () => {
  it('a session finds its editor until it expires or is deleted', async () => {
    const id = await activeEditor();
    const session = await store.createSession(id, HOUR);
    expect(await store.getSessionEditor(session)).toMatchObject({ id, name: 'alice' });
    expect(await store.getSessionEditor(`${session}x`)).toBeNull();
    clock += HOUR - 1;
    expect(await store.getSessionEditor(session)).not.toBeNull();
    clock += 1;
    expect(await store.getSessionEditor(session)).toBeNull();
    const other = await store.createSession(id, HOUR);
    await store.deleteSession(other);
    expect(await store.getSessionEditor(other)).toBeNull();
  });

  it('no session for an editor without a password', async () => {
    await store.issueSetupToken('bob', 'cli', HOUR);
    const bob = await store.getEditor('bob');
    await expect(store.createSession(bob?.id ?? -1, HOUR)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('API tokens are shown once, stored hashed, and identify their editor', async () => {
    const id = await activeEditor();
    const token = await store.createApiToken(id, 'nightly import script');
    expect(token).toMatch(/^plx_[\w-]{43}$/);
    expect(store.db.prepare('SELECT count(*) FROM api_tokens WHERE token_hash = ?').pluck().get(token)).toBe(0);
    expect(await store.getApiTokenEditor(token)).toMatchObject({ id, name: 'alice' });
    expect(await store.getApiTokenEditor('plx_guess')).toBeNull();
    expect(await store.getApiTokenEditor('')).toBeNull();
  });

  it('every credential change is audited without the secret in it', async () => {
    const id = await activeEditor();
    const token = await store.createApiToken(id, 'script');
    const session = await store.createSession(id, HOUR);
    const entries = await store.listAudit(50);
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'editor.create',
      'editor.setup-token',
      'editor.password-set',
      'api-token.create',
      'session.create',
    ]);
    const all = JSON.stringify(entries);
    expect(all).not.toContain(token);
    expect(all).not.toContain(session);
    expect(all).not.toContain(PASSWORD);
  });
});
