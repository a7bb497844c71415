// No one without a session can write, and no form post without the page's CSRF token is accepted.
// The list of mutating routes is checked against the app's own routing table, so a new write route
// cannot be added without being walked here.

import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, loggedIn, makeApp, PASSWORD, SEED_TEXT, seedArticleId, snapshot, type TestApp } from './helpers.js';

interface MutatingRoute {
  path: string;
  /** HTML routes redirect to the login page; API routes answer 401. */
  kind: 'html' | 'api' | 'public-form';
  body: Record<string, string>;
}

/** Writes that read no session and need none: the student API's comparison of pasted texts stores nothing. */
const READ_ONLY_POSTS = new Set(['/compare']);

/** Every POST/PUT/PATCH/DELETE route path in the app, from Express's routing table. */
function mutatingRoutePaths(app: Express): string[] {
  const found: string[] = [];
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  }
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).filter((m) => !['get', 'head', 'options'].includes(m));
        if (methods.length > 0) found.push(layer.route.path);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

describe('every mutating route', () => {
  let test: TestApp;
  let routes: MutatingRoute[];

  beforeAll(async () => {
    test = await makeApp();
    const articleId = await seedArticleId(test.store);
    const setupToken = await test.store.issueSetupToken('mallory-target', 'test', 60_000);
    const upload = {
      text: `${SEED_TEXT}\nA new closing sentence was added by the outlet.\n`,
      contentType: 'text/plain',
    };
    const carried = { raw: Buffer.from(upload.text).toString('base64'), contentType: 'text/plain' };
    const article = { outlet: 'Mallory Times', agency: '', language: 'en' };
    routes = [
      { path: '/login', kind: 'public-form', body: { name: 'alice', password: PASSWORD } },
      { path: `/setup/${setupToken}`, kind: 'public-form', body: { password: PASSWORD, confirm: PASSWORD } },
      { path: '/logout', kind: 'html', body: {} },
      { path: '/editor/stories', kind: 'html', body: { title: 'A forged story' } },
      { path: '/editor/stories/nk-pow-asylum/articles/preview', kind: 'html', body: { ...article, ...upload } },
      { path: '/editor/stories/nk-pow-asylum/articles', kind: 'html', body: { ...article, ...carried } },
      { path: '/editor/stories/nk-pow-asylum/articles/new', kind: 'html', body: { ...article, ...carried } },
      { path: `/editor/articles/${articleId}/versions/new`, kind: 'html', body: carried },
      { path: `/editor/articles/${articleId}/versions/preview`, kind: 'html', body: upload },
      { path: `/editor/articles/${articleId}/versions`, kind: 'html', body: carried },
      { path: '/editor/tokens', kind: 'html', body: { label: 'forged' } },
      { path: `/api/articles/${articleId}/versions`, kind: 'api', body: upload },
    ];
  });

  it('are all in this test', () => {
    const walked = new Set(
      routes.map((r) => r.path.replace(/\/setup\/[^/]+/, '/setup/:token').replace(/\/articles\/\d+/, '/articles/:id')),
    );
    walked
      .add('/editor/stories/:slug/articles/new')
      .add('/editor/stories/:slug/articles/preview')
      .add('/editor/stories/:slug/articles');
    const missing = mutatingRoutePaths(test.app).filter((p) => !walked.has(p) && !READ_ONLY_POSTS.has(p));
    expect(missing).toEqual([]);
  });

  it('without a session: HTML routes redirect to the login page, the API answers 401, nothing changes', async () => {
    const before = await snapshot(test.store);
    for (const route of routes.filter((r) => r.kind !== 'public-form')) {
      const agent = request.agent(test.app);
      const csrf = await csrfFrom(agent, '/login');
      const form = await agent
        .post(route.path)
        .type('form')
        .send({ _csrf: csrf, ...route.body });
      const multipart = agent.post(route.path).field('_csrf', csrf);
      for (const [name, value] of Object.entries(route.body)) multipart.field(name, value);
      const upload = await multipart;
      for (const res of [form, upload]) {
        if (route.kind === 'api') {
          expect(res.status, route.path).toBe(401);
          expect(res.body.error.code).toBe('unauthenticated');
        } else {
          expect(res.status, route.path).toBe(303);
          expect(res.headers.location, route.path).toMatch(/^\/login/);
        }
      }
    }
    expect(await snapshot(test.store)).toBe(before);
  });

  it('every editor page redirects to the login page and back, while student pages need no login', async () => {
    const articleId = await seedArticleId(test.store);
    const pages = [
      '/editor',
      '/editor/stories/new',
      '/editor/tokens',
      '/editor/stories/nk-pow-asylum/articles/new',
      `/editor/articles/${articleId}/versions/new`,
      `/editor/articles/${articleId}/history?from=1&to=1`,
      `/editor/articles/${articleId}/versions/1/raw`,
    ];
    for (const page of pages) {
      const res = await request(test.app).get(page);
      expect(res.status, page).toBe(303);
      expect(res.headers.location, page).toBe(`/login?next=${encodeURIComponent(page)}`);
    }
    for (const page of ['/', '/stories/nk-pow-asylum']) {
      expect((await request(test.app).get(page)).status, page).toBe(200);
    }
  });

  it('with a session but a missing or wrong CSRF token: 403, nothing changes', async () => {
    const agent = await loggedIn(test, 'csrf-victim');
    const good = await csrfFrom(agent, '/editor');
    const before = await snapshot(test.store);
    for (const route of routes.filter((r) => r.kind !== 'api')) {
      for (const token of [undefined, 'forged', `${good.slice(0, -4)}0000`]) {
        const body = token === undefined ? route.body : { _csrf: token, ...route.body };
        const form = await agent.post(route.path).type('form').send(body);
        expect(form.status, `${route.path} ${token}`).toBe(403);
        const multipart = agent.post(route.path);
        for (const [name, value] of Object.entries(body)) multipart.field(name, value);
        expect((await multipart).status, `${route.path} multipart ${token}`).toBe(403);
      }
    }
    expect(await snapshot(test.store)).toBe(before);
  });

  it("with another visitor's valid CSRF token: 403", async () => {
    const victim = await loggedIn(test, 'csrf-victim-2');
    const attacker = request.agent(test.app);
    const attackerToken = await csrfFrom(attacker, '/login');
    const before = await snapshot(test.store);
    const res = await victim.post('/editor/stories').type('form').send({ _csrf: attackerToken, title: 'Forged' });
    expect(res.status).toBe(403);
    expect(await snapshot(test.store)).toBe(before);
  });

  it('the API ignores session cookies: a logged-in browser without a bearer token gets 401', async () => {
    const agent = await loggedIn(test, 'cookie-only');
    const articleId = await seedArticleId(test.store);
    const before = await snapshot(test.store);
    const res = await agent
      .post(`/api/articles/${articleId}/versions`)
      .send({ text: `${SEED_TEXT}\nOne more sentence for the API.\n`, contentType: 'text/plain' });
    expect(res.status).toBe(401);
    const bad = await request(test.app)
      .post(`/api/articles/${articleId}/versions`)
      .set('Authorization', 'Bearer not-a-real-token')
      .send({ text: `${SEED_TEXT}\nOne more sentence for the API.\n` });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toBe('Bearer');
    expect(await snapshot(test.store)).toBe(before);
  });
});
