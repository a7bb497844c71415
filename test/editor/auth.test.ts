// Editor accounts through the web: setup link, login, rate limit, logout, cookie flags.

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { WEB_EDITOR } from '../../src/config.js';
import { csrfFrom, loggedIn, makeApp, PASSWORD } from './helpers.js';

describe('setup link', () => {
  it('lets the first editor choose a name and password, logs them in, and works only once', async () => {
    const test = await makeApp();
    const agent = request.agent(test.app);
    const token = await test.store.issueSetupToken('admin', 'server', 60_000);
    const page = await agent.get(`/setup/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Set up your editor account');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';

    const mismatch = await agent
      .post(`/setup/${token}`)
      .type('form')
      .send({ _csrf: csrf, name: 'mina', password: PASSWORD, confirm: `${PASSWORD}!` });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('not the same');

    const short = await agent
      .post(`/setup/${token}`)
      .type('form')
      .send({ _csrf: csrf, name: 'mina', password: 'short', confirm: 'short' });
    expect(short.status).toBe(400);
    expect(short.text).toMatch(/at least/);

    const done = await agent
      .post(`/setup/${token}`)
      .type('form')
      .send({ _csrf: csrf, name: 'mina', password: PASSWORD, confirm: PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/editor');
    const home = await agent.get('/editor');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Editor: mina');

    expect((await agent.get(`/setup/${token}`)).status).toBe(404);
    expect((await request(test.app).get('/setup/not-a-token')).status).toBe(404);
  });
});

describe('reset link', () => {
  it('lets an existing editor choose a new password; the old one stops working', async () => {
    const test = await makeApp();
    await loggedIn(test, 'alice');
    const token = await test.store.issueSetupToken('alice', 'test', 60_000);
    const agent = request.agent(test.app);
    const page = await agent.get(`/setup/${token}`);
    expect(page.text).toContain('Choose a new password');
    expect(page.text).not.toContain('name="name"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const newPassword = 'another long password';
    const done = await agent
      .post(`/setup/${token}`)
      .type('form')
      .send({ _csrf: csrf, password: newPassword, confirm: newPassword });
    expect(done.status).toBe(303);
    expect(await test.store.verifyPassword('alice', PASSWORD)).toBeNull();
    expect((await test.store.verifyPassword('alice', newPassword))?.name).toBe('alice');
  });
});

describe('login and logout', () => {
  it('refuses a wrong password with 401 and logs in with the right one, back to the page asked for', async () => {
    const test = await makeApp();
    await loggedIn(test, 'alice');
    const agent = request.agent(test.app);
    const redirect = await agent.get('/editor/tokens');
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe('/login?next=%2Feditor%2Ftokens');

    const csrf = await csrfFrom(agent, '/login?next=%2Feditor%2Ftokens');
    const wrong = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, name: 'alice', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Wrong name or password.');
    const unknown = await agent.post('/login').type('form').send({ _csrf: csrf, name: 'nobody', password: PASSWORD });
    expect(unknown.status).toBe(401);

    const ok = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, name: 'alice', password: PASSWORD, next: '/editor/tokens' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/editor/tokens');
    expect((await agent.get('/editor/tokens')).status).toBe(200);
  });

  it('never redirects off the site after login', async () => {
    const test = await makeApp();
    await loggedIn(test, 'alice');
    const agent = request.agent(test.app);
    const csrf = await csrfFrom(agent, '/login');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, name: 'alice', password: PASSWORD, next: '//evil.example/' });
    expect(res.headers.location).toBe('/editor');
  });

  it('sets an httpOnly, SameSite=Lax session cookie, Secure with a __Host- name behind TLS', async () => {
    const plain = await makeApp();
    const token = await plain.store.issueSetupToken('alice', 'test', 60_000);
    const agent = request.agent(plain.app);
    const csrf = await csrfFrom(agent, `/setup/${token}`);
    const res = await agent
      .post(`/setup/${token}`)
      .type('form')
      .send({ _csrf: csrf, password: PASSWORD, confirm: PASSWORD });
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c: string) => c.startsWith('parallax-session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const tls = await makeApp({ secureCookies: true });
    const page = await request(tls.app).get('/login');
    const cookies = [page.headers['set-cookie'] ?? []].flat();
    expect(cookies.some((c: string) => c.startsWith('__Host-parallax-csrf=') && /Secure/.test(c))).toBe(true);
  });

  it('logs out with a POST: the session is deleted on the server, so the old cookie no longer works', async () => {
    const test = await makeApp();
    await loggedIn(test, 'alice');
    const agent = request.agent(test.app);
    const loginCsrf = await csrfFrom(agent, '/login');
    const login = await agent.post('/login').type('form').send({ _csrf: loginCsrf, name: 'alice', password: PASSWORD });
    const session = [login.headers['set-cookie'] ?? []]
      .flat()
      .find((c: string) => c.startsWith('parallax-session='))
      ?.split(';')[0];
    expect(session).toBeDefined();
    expect(
      (
        await request(test.app)
          .get('/editor')
          .set('Cookie', session ?? '')
      ).status,
    ).toBe(200);

    const csrf = await csrfFrom(agent, '/editor');
    const out = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/');
    expect((await agent.get('/editor')).status).toBe(303);
    expect(
      (
        await request(test.app)
          .get('/editor')
          .set('Cookie', session ?? '')
      ).status,
    ).toBe(303);
  });
});

describe('login rate limit', () => {
  it(`answers 429 after ${WEB_EDITOR.loginAttemptsPerWindow} failed attempts, even with the right password`, async () => {
    const test = await makeApp();
    await loggedIn(test, 'alice');
    const agent = request.agent(test.app);
    const csrf = await csrfFrom(agent, '/login');
    for (let i = 0; i < WEB_EDITOR.loginAttemptsPerWindow; i++) {
      const res = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrf, name: 'alice', password: `guess ${i}` });
      expect(res.status).toBe(401);
    }
    const limited = await agent.post('/login').type('form').send({ _csrf: csrf, name: 'alice', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Too many failed login attempts');
  });

  it('does not count successful logins', async () => {
    const test = await makeApp();
    await loggedIn(test, 'alice');
    for (let i = 0; i < WEB_EDITOR.loginAttemptsPerWindow + 2; i++) {
      const agent = request.agent(test.app);
      const csrf = await csrfFrom(agent, '/login');
      const res = await agent.post('/login').type('form').send({ _csrf: csrf, name: 'alice', password: PASSWORD });
      expect(res.status).toBe(303);
    }
  });
});
