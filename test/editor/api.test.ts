// POST /api/articles/:id/versions with an editor's API token: JSON or multipart, 201, 401, 409, 404, 415,
// and concurrent uploads that all land with distinct numbers.

import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  csrfFrom,
  editedSeed,
  loggedIn,
  makeApp,
  SEED_TEXT,
  seedArticleId,
  snapshot,
  type TestApp,
} from './helpers.js';

describe('API tokens page', () => {
  it('shows a new token once, and the token then authorises uploads', async () => {
    const test = await makeApp();
    const agent = await loggedIn(test);
    const csrf = await csrfFrom(agent, '/editor/tokens');
    const res = await agent.post('/editor/tokens').type('form').send({ _csrf: csrf, label: 'nightly import' });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const token = /<code class="ed-token">([^<]+)<\/code>/.exec(res.text)?.[1];
    expect(token).toBeDefined();
    expect((await agent.get('/editor/tokens')).text).not.toContain(token);

    const articleId = await seedArticleId(test.store);
    const upload = await request(test.app)
      .post(`/api/articles/${articleId}/versions`)
      .set('Authorization', `Bearer ${token}`)
      .send({ text: editedSeed(), contentType: 'text/plain', note: 'from a script' });
    expect(upload.status).toBe(201);
    expect(upload.body.version).toMatchObject({ number: 2, uploadedBy: 'alice', note: 'from a script' });
  });
});

describe('POST /api/articles/:id/versions', () => {
  let test: TestApp;
  let token: string;
  let articleId: number;

  beforeAll(async () => {
    test = await makeApp();
    const editor = await test.store.issueSetupToken('script-owner', 'test', 60_000);
    const record = await test.store.redeemSetupToken(editor, 'a long enough password');
    if (record === null) throw new Error('setup failed');
    token = await test.store.createApiToken(record.id, 'tests');
    articleId = await seedArticleId(test.store);
  });

  const api = () =>
    request(test.app).post(`/api/articles/${articleId}/versions`).set('Authorization', `Bearer ${token}`);

  it('stores a JSON upload and answers 201 with the new version', async () => {
    const text = `${SEED_TEXT}\nThe ministry added a statement on Thursday evening.\n`;
    const res = await api().send({ text, contentType: 'text/plain', note: 'API JSON' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/editor/articles/${articleId}/history`);
    expect(res.body.version.uploadedBy).toBe('script-owner');
    expect(res.body.version).not.toHaveProperty('raw');
    const stored = await test.store.getVersion(articleId, res.body.version.number);
    expect(Buffer.from(stored?.raw ?? []).toString('utf8')).toBe(text);
  });

  it('stores a multipart file upload byte for byte', async () => {
    const bytes = Buffer.from(`${SEED_TEXT.replace(/\n/g, '\r\n')}\r\nA multipart correction.\r\n`);
    const res = await api()
      .field('note', 'multipart')
      .attach('file', bytes, { filename: 'a.txt', contentType: 'text/plain' });
    expect(res.status).toBe(201);
    const stored = await test.store.getVersion(articleId, res.body.version.number);
    expect(Buffer.from(stored?.raw ?? []).equals(bytes)).toBe(true);
    expect(stored?.note).toBe('multipart');
  });

  it('refuses what it cannot store with a JSON error and changes nothing', async () => {
    const before = await snapshot(test.store);
    const latest = await test.store.getVersion(articleId);
    const cases: Array<[string, () => request.Test, number, string]> = [
      [
        'no token',
        () => request(test.app).post(`/api/articles/${articleId}/versions`).send({ text: 'x' }),
        401,
        'unauthenticated',
      ],
      ['duplicate', () => api().send({ text: Buffer.from(latest?.raw ?? []).toString('utf8') }), 409, 'duplicate'],
      [
        'unknown article',
        () =>
          request(test.app)
            .post('/api/articles/99999/versions')
            .set('Authorization', `Bearer ${token}`)
            .send({ text: 'x' }),
        404,
        'not-found',
      ],
      ['form body', () => api().type('form').send({ text: 'x' }), 415, 'unsupported-type'],
      ['pdf', () => api().send({ text: 'x', contentType: 'application/pdf' }), 415, 'unsupported-type'],
      [
        'png file',
        () => api().attach('file', Buffer.from([0x89, 0x50]), { filename: 'a.png', contentType: 'image/png' }),
        415,
        'unsupported-type',
      ],
      ['missing text', () => api().send({ note: 'x' }), 400, 'bad-field'],
      ['empty', () => api().send({ text: '   ' }), 400, 'empty'],
      ['bad JSON', () => api().set('Content-Type', 'application/json').send('{"text": '), 400, 'bad-json'],
      ['too large', () => api().send({ text: 'a'.repeat(2 * 1024 * 1024 + 1) }), 413, 'too-large'],
    ];
    for (const [name, send, status, code] of cases) {
      const res = await send();
      expect(res.status, name).toBe(status);
      expect(res.body.error?.code, name).toBe(code);
      expect(typeof res.body.error?.message, name).toBe('string');
    }
    expect(await snapshot(test.store)).toBe(before);
  });

  it('gives 20 concurrent uploads of different versions 20 consecutive numbers, none lost or doubled', async () => {
    const first = (await test.store.getVersion(articleId))?.number ?? 0;
    const texts = Array.from(
      { length: 20 },
      (_, i) => `${SEED_TEXT}\nUpdate number ${i + 1}: the ministry released ${i + 1} more statements.\n`,
    );
    const results = await Promise.all(texts.map((text) => api().send({ text })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.version.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => first + i + 1));
    const article = await test.store.getArticle(articleId);
    const stored = await Promise.all(
      (article?.versions ?? [])
        .slice(-20)
        .map(async (v) => Buffer.from((await test.store.getVersion(articleId, v.number))?.raw ?? []).toString('utf8')),
    );
    expect(new Set(stored)).toEqual(new Set(texts));
  });
});
