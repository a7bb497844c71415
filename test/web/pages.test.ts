import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/ingest/index.js';
import type { Comparison } from '../../src/types.js';
import { SEED_STORY, type TestApp, testApp } from './helpers.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

const STORY = `/stories/${SEED_STORY}`;

/** The page text with EJS's entity escapes undone, to compare with plain messages. */
function decodeEntities(html: string): string {
  return html
    .replaceAll('&#34;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Inline script or style would need an unsafe CSP; the pages have neither. */
function expectNoInlineCode(html: string): void {
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).not.toMatch(/\sstyle=/);
  expect(html).not.toMatch(/\son[a-z]+=/);
}

describe('GET /', () => {
  it('lists the seed story with its outlets, dates and a one-line summary', async () => {
    const res = await request(t.app).get('/').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain(`href="/stories/${SEED_STORY}"`);
    expect(res.text).toContain('Captured North Korean soldier in Ukraine wants to defect to South Korea');
    expect(res.text).toContain('Wed 19 Feb 2025');
    expect(res.text).toMatch(/\d+ agree · \d+ differ · \d+ only in The Straits Times · \d+ only in Yonhap/);
    expectNoInlineCode(res.text);
  });

  it('sends a CSP with no inline script, no inline style and no other origin', async () => {
    const res = await request(t.app).get('/').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('GET /stories/:slug', () => {
  it('shows the aligned view by default, with both columns, the key, the facts and the explanations', async () => {
    const res = await request(t.app).get(STORY).expect(200);
    const html = res.text;
    for (const text of [
      'Seoul says it supports North Korean POWs’ right to asylum in South',
      'North Korean soldier captured by Ukraine expresses desire to defect to South Korea',
      'class="legend"',
      'class="aligned"',
      'id="how-to-read"',
      'id="read-numbers"',
      '<h2 id="facts-title">Facts</h2>',
      'lines removed as page furniture',
      'PHOTO: AFP',
      'Dateline</dt><dd>SEOUL',
    ]) {
      expect(html).toContain(text);
    }
    expectNoInlineCode(html);
  });

  it('shows every sentence of both articles exactly once, and the same comparison as the API', async () => {
    const [page, api] = await Promise.all([
      request(t.app).get(STORY).expect(200),
      request(t.app).get(`/api${STORY}/compare`).expect(200),
    ]);
    const c = api.body as Comparison;
    for (const side of ['left', 'right'] as const) {
      for (const s of c[side].sentences.filter((x) => x.role === 'body')) {
        const ids = page.text.match(new RegExp(`id="${side}-s${s.index}"`, 'g')) ?? [];
        expect(ids.length, `${side} sentence ${s.index}`).toBe(1);
      }
    }
    const { agree, differ, leftOnly, rightOnly } = c.summary;
    expect(page.text).toContain(`<strong>${agree}</strong> agree`);
    expect(page.text).toContain(`<strong>${differ}</strong> differ`);
    expect(page.text).toContain(`<strong>${leftOnly}</strong> only in The Straits Times`);
    expect(page.text).toContain(`<strong>${rightOnly}</strong> only in Yonhap`);
  });

  it('labels rows with a word and an icon and hides "only in" markers for screen readers', async () => {
    const res = await request(t.app).get(STORY).expect(200);
    expect(res.text).toMatch(/<span class="icon" aria-hidden="true">[=≠◧◨]<\/span> (Agree|Differ|Only in)/);
    expect(res.text).toMatch(/<span class="visually-hidden">only in (The Straits Times|Yonhap): <\/span>/);
  });

  it('shows each article in its own order with view=published', async () => {
    const res = await request(t.app).get(`${STORY}?view=published`).expect(200);
    expect(res.text).toContain('class="published"');
    expect(res.text).not.toContain('class="aligned"');
    const first = res.text.indexOf('id="left-s0"');
    const second = res.text.indexOf('id="left-s1"');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  it('swaps the columns with left/right and accepts a pinned version', async () => {
    const res = await request(t.app).get(`${STORY}?left=yonhap-koreadaily&right=straits-times-afp@1`).expect(200);
    expect(res.text).toMatch(
      /article-head--left">\s*<p class="article-outlet"><span class="side-tag">Left<\/span> Yonhap/,
    );
    expect(res.text).toMatch(
      /article-head--right">\s*<p class="article-outlet"><span class="side-tag">Right<\/span> The Straits/,
    );
    expect(res.text).toContain('<option value="straits-times-afp" selected>');
  });

  it.each([
    ['?view=sideways', '"view" must be'],
    ['?left=Straits Times!', '"left" must be an article id'],
    ['?left=straits-times-afp@0', '"left" must be an article id'],
    ['?left=a&left=b', 'Give "left" once'],
    ['?left=straits-times-afp&right=straits-times-afp', 'Pick two different articles'],
  ])('answers 400 with a page for bad parameters: %s', async (query, message) => {
    const res = await request(t.app)
      .get(STORY + query)
      .expect(400)
      .expect('Content-Type', /html/);
    expect(decodeEntities(res.text)).toContain(message);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    ['/stories/no-such-story', 'There is no story'],
    [`${STORY}?left=no-such-article`, 'has no article "no-such-article"'],
    [`${STORY}?right=yonhap-koreadaily@9`, 'has no version 9'],
    ['/no/such/page', 'There is nothing at /no/such/page'],
  ])('answers 404 with a page for %s', async (url, message) => {
    const res = await request(t.app).get(url).expect(404).expect('Content-Type', /html/);
    expect(res.text).toContain('Page not found');
    expect(decodeEntities(res.text)).toContain(message);
  });
});

describe('static files', () => {
  it('serves the stylesheet, the script and the icon from this origin', async () => {
    await request(t.app).get('/public/css/app.css').expect(200).expect('Content-Type', /css/);
    await request(t.app)
      .get('/public/js/compare.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(t.app).get('/public/favicon.svg').expect(200).expect('Content-Type', /svg/);
    await request(t.app).get('/public/nope.css').expect(404);
  });
});

describe('a story with a single article', () => {
  it('is listed without a summary and its page says there is nothing to compare yet', async () => {
    const { app, store } = await testApp();
    const story = await store.createStory({ slug: 'solo-story', title: 'A story only one outlet has told' }, 'test');
    const article = await store.createArticle(
      { storyId: story.id, slug: 'solo-outlet', outlet: 'Solo Times', published: '2025-03-01' },
      'test',
    );
    const raw = new TextEncoder().encode('SEOUL – Ri said on Monday that he wants to go to South Korea.\n');
    await store.addVersion({
      articleId: article.id,
      raw,
      contentType: 'text/plain',
      normalizedSha256: fingerprint(raw),
      uploadedBy: 'test',
    });
    const home = await request(app).get('/').expect(200);
    expect(home.text).toContain('A story only one outlet has told');
    expect(home.text.match(/story-card-summary/g)).toHaveLength(1);
    const page = await request(app).get('/stories/solo-story').expect(200);
    expect(page.text).toContain('fewer than two articles with text');
    const api = await request(app).get('/api/stories/solo-story/compare').expect(400);
    expect(api.body.error.code).toBe('bad-field');
  });
});
