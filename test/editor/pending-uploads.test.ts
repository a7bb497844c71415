// An upload waits on the server between its preview and its confirmation: owned by the session that previewed
// it, gone once saved, expiring, and refused when a newer version was saved in between. A save brings the story's
// default comparison up to date at once.
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/ingest/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { type Agent, csrfFrom, editedSeed, loggedIn, makeApp, seedArticleId, snapshot } from './helpers.js';

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (match?.[1] === undefined) throw new Error(`no hidden field ${name}`);
  return match[1];
}

/** An editor's version form for one article: its page's CSRF token, a preview of a text, a confirm of a preview page. */
async function versionForm(agent: Agent, articleId: number) {
  const csrf = await csrfFrom(agent, `/editor/articles/${articleId}/versions/new`);
  return {
    preview: (text: string) =>
      agent.post(`/editor/articles/${articleId}/versions/preview`).field('_csrf', csrf).field('text', text),
    confirm: (page: string) =>
      agent
        .post(`/editor/articles/${articleId}/versions`)
        .field('_csrf', csrf)
        .field('pending', hidden(page, 'pending')),
  };
}

describe('pending uploads in the web forms', () => {
  it('belong to the session that previewed them: another editor cannot confirm one', async () => {
    const test = await makeApp();
    const alice = await versionForm(await loggedIn(test, 'alice'), await seedArticleId(test.store));
    const bob = await versionForm(await loggedIn(test, 'bob'), await seedArticleId(test.store));
    const preview = await alice.preview(editedSeed());
    expect(preview.status).toBe(200);
    const before = await snapshot(test.store);
    const stolen = await bob.confirm(preview.text);
    expect(stolen.status).toBe(410);
    expect(await snapshot(test.store)).toBe(before);
    const own = await alice.confirm(preview.text);
    expect(own.status).toBe(303);
  });

  it('refuses a confirm when another version was saved after the preview, and keeps the preview to go back to', async () => {
    const test = await makeApp();
    const articleId = await seedArticleId(test.store);
    const alice = await versionForm(await loggedIn(test, 'alice'), articleId);
    const first = await alice.preview(`${editedSeed()}\nFirst upload's own sentence stands here.\n`);
    const second = await alice.preview(`${editedSeed()}\nSecond upload's own sentence stands here.\n`);
    expect((await alice.confirm(second.text)).status).toBe(303);
    const stale = await alice.confirm(first.text);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('was saved after your preview');
    expect(stale.text).toContain('First upload&#39;s own sentence stands here.');
    expect((await test.store.getArticle(articleId))?.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('computes the story default comparison right after a save, from the article the preview ingested', async () => {
    const lines: string[] = [];
    const test = await makeApp({ log: (line) => lines.push(line) });
    const alice = await versionForm(await loggedIn(test, 'alice'), await seedArticleId(test.store));
    const written: string[] = [];
    const put = test.store.putDerived.bind(test.store);
    test.store.putDerived = async (key, value) => {
      written.push(key);
      return put(key, value);
    };
    const preview = await alice.preview(editedSeed());
    written.length = 0;
    await alice.confirm(preview.text);
    for (let i = 0; i < 100 && !written.some((key) => key.startsWith('comparison:')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(written.filter((key) => key.startsWith('article:'))).toHaveLength(2);
    expect(written.filter((key) => key.startsWith('comparison:'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('warning'))).toEqual([]);
    // The new version's article was remembered first, not ingested from the store by the comparison.
    expect(written[0]).toMatch(/^article:/);
  });

  it('does not keep the preview article for a version whose article was renamed in between', async () => {
    const test = await makeApp();
    const articleId = await seedArticleId(test.store);
    const alice = await versionForm(await loggedIn(test, 'alice'), articleId);
    const preview = await alice.preview(editedSeed());
    await test.store.updateArticle(articleId, { outlet: 'The Renamed Times' }, 'bob');
    expect((await alice.confirm(preview.text)).status).toBe(303);
    const comparison = await request(test.app).get('/api/stories/nk-pow-asylum/compare').expect(200);
    const outlets = [comparison.body.left.outlet, comparison.body.right.outlet];
    expect(outlets).toContain('The Renamed Times');
  });
});

describe('pending uploads in the store', () => {
  let clock = 1_000_000;
  let store: SqliteStore;
  let session: string;
  const raw = new TextEncoder().encode('Seoul said on Wednesday that talks would resume.');
  const upload = () => ({
    sessionToken: session,
    raw,
    contentType: 'text/plain' as const,
    filename: null,
    fingerprint: fingerprint(raw),
    context: '{}',
    derived: '{}',
  });

  beforeEach(async () => {
    store = await openSqliteStore(':memory:', { now: () => clock });
    const token = await store.issueSetupToken('mina', 'test', 60_000);
    const editor = await store.redeemSetupToken(token, 'a long enough password');
    session = await store.createSession(editor?.id ?? 0, 60 * 60_000);
  });
  afterEach(async () => store.close());

  it('keeps the exact bytes until the lifetime ends', async () => {
    const id = await store.putPendingUpload(upload(), 10_000);
    expect(Buffer.from((await store.getPendingUpload(id, session))?.raw ?? []).equals(Buffer.from(raw))).toBe(true);
    clock += 10_001;
    expect(await store.getPendingUpload(id, session)).toBeNull();
  });

  it('goes with its session, and refuses a session that has ended', async () => {
    const id = await store.putPendingUpload(upload(), 10_000);
    await store.deleteSession(session);
    expect(await store.getPendingUpload(id, session)).toBeNull();
    await expect(store.putPendingUpload(upload(), 10_000)).rejects.toThrow(/session has ended/);
  });

  it('is found only by its id and its own session', async () => {
    const id = await store.putPendingUpload(upload(), 10_000);
    expect(await store.getPendingUpload(`${id}x`, session)).toBeNull();
    expect(await store.getPendingUpload(id, `${session}x`)).toBeNull();
    await store.deletePendingUpload(id);
    expect(await store.getPendingUpload(id, session)).toBeNull();
  });
});
