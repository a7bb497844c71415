import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/ingest/index.js';
import type { Store } from '../../src/store/types.js';
import { SEED_STORY, seededStore, testApp } from './helpers.js';

const STORY = `/stories/${SEED_STORY}`;

/** The store with a count of raw-version reads and derived-data writes: a recomputation needs both. */
function counting(store: Store): { store: Store; reads: () => number; writes: () => number } {
  let reads = 0;
  let writes = 0;
  const wrapped: Store = Object.create(store);
  wrapped.getVersion = (articleId, number) => {
    reads++;
    return store.getVersion(articleId, number);
  };
  wrapped.putDerived = (key, value) => {
    writes++;
    return store.putDerived(key, value);
  };
  return { store: wrapped, reads: () => reads, writes: () => writes };
}

describe('the comparison cache', () => {
  it('computes a comparison once: later page views and API calls read no raw version', async () => {
    const c = counting(await seededStore());
    const { app } = await testApp({ store: c.store });
    await request(app).get(STORY).expect(200);
    const reads = c.reads();
    const writes = c.writes();
    expect(reads).toBeGreaterThan(0);
    await request(app).get(STORY).expect(200);
    await request(app).get(`${STORY}?view=published`).expect(200);
    await request(app).get(`/api${STORY}/compare`).expect(200);
    expect([c.reads(), c.writes()]).toEqual([reads, writes]);
  });

  it('keeps results in the store, so a new process does not recompute', async () => {
    const c = counting(await seededStore());
    await request((await testApp({ store: c.store })).app)
      .get(STORY)
      .expect(200);
    const writes = c.writes();
    await request((await testApp({ store: c.store })).app)
      .get(STORY)
      .expect(200);
    expect(c.writes()).toBe(writes);
    expect(c.reads()).toBe(0 + c.reads());
  });

  it('never serves a stale comparison: a new version is compared at once', async () => {
    const { app, store } = await testApp();
    const before = await request(app).get(`/api${STORY}/compare`).expect(200);
    const article = await store.getArticleBySlug(SEED_STORY, 'straits-times-afp');
    const latest = article ? await store.getVersion(article.id) : null;
    if (!article || !latest) throw new Error('seed article missing');
    const edited = new TextDecoder().decode(latest.raw).replace('“80 per cent”', '“90 per cent”');
    const raw = new TextEncoder().encode(edited);
    await store.addVersion({
      articleId: article.id,
      raw,
      contentType: 'text/plain',
      normalizedSha256: fingerprint(raw),
      uploadedBy: 'test',
    });
    const after = await request(app).get(`/api${STORY}/compare`).expect(200);
    expect(before.body.left.version).toBe(1);
    expect(after.body.left.version).toBe(2);
    expect(JSON.stringify(after.body.left.sentences)).toContain('90 per cent');
    const pinned = await request(app).get(`/api${STORY}/compare?left=straits-times-afp@1`).expect(200);
    // The pinned version's text is unchanged (its scores may move: the story's corpus now has version 2).
    expect(pinned.body.left.version).toBe(1);
    expect(pinned.body.left.sentences).toEqual(before.body.left.sentences);
    const page = await request(app).get(STORY).expect(200);
    expect(page.text).toContain('90 per cent');
    expect(page.text).toContain('<option value="straits-times-afp@1">');
  });
});

describe('cached pages', () => {
  it('answer a conditional GET with 304', async () => {
    const { app } = await testApp();
    for (const url of [STORY, `/api${STORY}/compare`]) {
      const first = await request(app).get(url).expect(200);
      const etag = first.headers.etag;
      expect(etag, url).toMatch(/^W\/"/);
      await request(app).get(url).set('If-None-Match', String(etag)).expect(304);
    }
  });

  it('are sent gzipped to clients that accept it, and plain to the others', async () => {
    const { app } = await testApp();
    const zipped = await request(app).get(STORY).set('Accept-Encoding', 'gzip').expect(200);
    const plain = await request(app).get(STORY).set('Accept-Encoding', 'identity').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 4);
    expect(zipped.text).toBe(plain.text);
    expect(plain.headers.vary).toContain('Accept-Encoding');
  });

  it('never show one visitor the editor frame of another', async () => {
    const { app, store } = await testApp();
    await request(app).get(STORY).expect(200);
    const token = await store.issueSetupToken('ada', 'test', 60_000);
    const editor = await store.redeemSetupToken(token, 'a long enough password 1');
    if (!editor) throw new Error('setup token not redeemed');
    const session = await store.createSession(editor.id, 60_000);
    const asEditor = await request(app).get(STORY).set('Cookie', `parallax-session=${session}`).expect(200);
    expect(asEditor.text).toContain('Editor: ada');
    expect(asEditor.text).toMatch(/name="_csrf" value="[^"]+"/);
    const asStudent = await request(app).get(STORY).expect(200);
    expect(asStudent.text).not.toContain('Editor: ada');
    expect(asStudent.text).toContain('href="/login"');
  });
});

describe('unexpected errors', () => {
  function broken(store: Store): Store {
    const wrapped: Store = Object.create(store);
    wrapped.getStory = () => Promise.reject(new Error('disk on fire'));
    return wrapped;
  }

  it('answers a generic 500 page and JSON without a stack trace, and logs the error', async () => {
    const { app, logs } = await testApp({ store: broken(await seededStore()), mode: 'production' });
    const page = await request(app).get(STORY).expect(500);
    expect(page.text).toContain('Something went wrong on our side');
    expect(page.text).not.toContain('disk on fire');
    expect(page.text).not.toMatch(/\.ts:\d+/);
    const api = await request(app).get(`/api${STORY}`).expect(500);
    expect(api.body).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again later.' },
    });
    expect(logs.join('\n')).toContain('disk on fire');
  });

  it('shows the stack trace in development only', async () => {
    const { app } = await testApp({ store: broken(await seededStore()), mode: 'development' });
    const page = await request(app).get(STORY).expect(500);
    expect(page.text).toContain('disk on fire');
    expect(page.text).toContain('Stack trace');
  });
});
