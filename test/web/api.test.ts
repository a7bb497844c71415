import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEB } from '../../src/config.js';
import type { Comparison } from '../../src/types.js';
import { contractProblems } from './contract.js';
import { CORPUS_DIR, SEED_STORY, type TestApp, testApp } from './helpers.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

const seed = (file: string): string => readFileSync(path.join(CORPUS_DIR, SEED_STORY, file), 'utf8');

describe('GET /api/stories', () => {
  it('lists the stories with their articles', async () => {
    const res = await request(t.app).get('/api/stories').expect(200).expect('Content-Type', /json/);
    expect(res.body.stories).toHaveLength(1);
    expect(res.body.stories[0]).toMatchObject({ slug: SEED_STORY });
  });
});

describe('GET /api/stories/:slug', () => {
  it('gives the story with each article’s id, outlet, agency, headline, date and versions', async () => {
    const res = await request(t.app).get(`/api/stories/${SEED_STORY}`).expect(200);
    expect(res.body).toMatchObject({
      slug: SEED_STORY,
      title: 'Captured North Korean soldier in Ukraine wants to defect to South Korea',
      articles: [
        {
          id: 'straits-times-afp',
          outlet: 'The Straits Times',
          agency: 'AFP',
          title: 'Seoul says it supports North Korean POWs’ right to asylum in South',
          published: '2025-02-19',
          versions: [{ number: 1, contentType: 'text/plain' }],
        },
        { id: 'yonhap-koreadaily', agency: 'Yonhap', published: '2025-02-21' },
      ],
    });
    expect(res.body.articles[0].versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 404 JSON for an unknown story', async () => {
    const res = await request(t.app).get('/api/stories/nope').expect(404).expect('Content-Type', /json/);
    expect(res.body).toEqual({ error: { code: 'not-found', message: 'There is no story "nope".' } });
  });
});

describe('GET /api/stories/:slug/compare', () => {
  it('gives the contract JSON: schema-checked, every body sentence exactly once', async () => {
    const res = await request(t.app)
      .get(`/api/stories/${SEED_STORY}/compare?left=straits-times-afp&right=yonhap-koreadaily`)
      .expect(200);
    expect(contractProblems(res.body)).toEqual([]);
    const c = res.body as Comparison;
    expect(c.left).toMatchObject({ id: `${SEED_STORY}/straits-times-afp`, outlet: 'The Straits Times', version: 1 });
    expect(c.right.agency).toBe('Yonhap');
  });

  it('defaults to the first two articles, and pins versions', async () => {
    const byDefault = await request(t.app).get(`/api/stories/${SEED_STORY}/compare`).expect(200);
    const pinned = await request(t.app)
      .get(`/api/stories/${SEED_STORY}/compare?left=straits-times-afp@1&right=yonhap-koreadaily@1`)
      .expect(200);
    expect(pinned.body).toEqual(byDefault.body);
  });

  it.each([
    ['?left=Bad%20Id', 400, 'bad-field'],
    ['?left=straits-times-afp&right=straits-times-afp', 400, 'bad-field'],
    ['?left=nope', 404, 'not-found'],
    ['?left=straits-times-afp@2', 404, 'not-found'],
  ])('answers %s with %i JSON', async (query, status, code) => {
    const res = await request(t.app).get(`/api/stories/${SEED_STORY}/compare${query}`).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
  });

  it('answers an unknown API path with 404 JSON', async () => {
    const res = await request(t.app).get('/api/nothing').expect(404).expect('Content-Type', /json/);
    expect(res.body.error.code).toBe('not-found');
  });
});

describe('POST /api/compare', () => {
  const body = {
    left: { text: seed('straits-times-afp.txt'), outlet: 'The Straits Times', published: '2025-02-19' },
    right: { text: seed('yonhap-koreadaily.txt'), outlet: 'Yonhap', contentType: 'text/plain' },
  };

  it('compares two texts and answers the contract', async () => {
    const res = await request(t.app).post('/api/compare').send(body).expect(200);
    expect(contractProblems(res.body)).toEqual([]);
    expect(res.body.left.outlet).toBe('The Straits Times');
    expect(res.body.left.published).toBe('2025-02-19');
    expect(res.body.summary.agree + res.body.summary.differ).toBeGreaterThan(0);
  });

  it.each([
    ['no right side', { left: body.left }, 'bad-field', '"right" must be an object'],
    ['text not a string', { left: { text: 5 }, right: body.right }, 'bad-field', '"left.text" must be a string'],
    ['empty text', { left: { text: '  ' }, right: body.right }, 'empty', '"left.text" is empty'],
    [
      'bad content type',
      { left: body.left, right: { ...body.right, contentType: 'application/pdf' } },
      'bad-field',
      '"right.contentType"',
    ],
    ['bad date', { left: { ...body.left, published: '19/02/2025' }, right: body.right }, 'bad-field', 'YYYY-MM-DD'],
    [
      'impossible date',
      { left: { ...body.left, published: '2025-02-30' }, right: body.right },
      'bad-field',
      'YYYY-MM-DD',
    ],
    ['outlet too long', { left: { ...body.left, outlet: 'x'.repeat(500) }, right: body.right }, 'bad-field', 'outlet'],
    ['an array body', [1, 2], 'bad-field', 'JSON object'],
  ])('answers 400 with a message for %s', async (_name, payload, code, message) => {
    const res = await request(t.app).post('/api/compare').send(payload).expect(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(message);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await request(t.app)
      .post('/api/compare')
      .set('Content-Type', 'application/json')
      .send('{"left": ')
      .expect(400);
    expect(res.body.error.code).toBe('bad-json');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await request(t.app).post('/api/compare').type('text/plain').send('left=a').expect(415);
    expect(res.body.error.code).toBe('unsupported-type');
    await request(t.app).post('/api/compare').type('form').send({ left: 'a' }).expect(415);
  });

  it('answers 413 past the body size limit', async () => {
    const big = { left: { text: 'a'.repeat(WEB.maxCompareBodyBytes) }, right: body.right };
    const res = await request(t.app).post('/api/compare').send(big).expect(413);
    expect(res.body.error.code).toBe('too-large');
  });

  it('answers 422 when a text is all page furniture', async () => {
    const res = await request(t.app)
      .post('/api/compare')
      .send({ left: { text: 'PHOTO: AFP' }, right: body.right })
      .expect(422);
    expect(res.body.error.code).toBe('no-article-text');
  });

  it('answers 429 past the rate limit, per client', async () => {
    const fresh = await testApp();
    for (let i = 0; i < WEB.compareRequestsPerWindow; i++) {
      await request(fresh.app).post('/api/compare').send({}).expect(400);
    }
    const res = await request(fresh.app).post('/api/compare').send({}).expect(429);
    expect(res.body.error.code).toBe('rate-limited');
    expect(res.headers.ratelimit).toBeDefined();
  });
});
