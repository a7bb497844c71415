// Shared set-up for the editor tests: the real app over an in-memory store seeded from corpus/, and an
// editor logged in through a one-time setup link, exactly as a person would.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Store } from '../../src/store/types.js';
import type { AppDeps } from '../../src/web/deps.js';
import { CORPUS_DIR, type TestApp, testApp } from '../web/helpers.js';

export type { TestApp };
export { CORPUS_DIR };
export const SEED_TEXT = readFileSync(path.join(CORPUS_DIR, 'nk-pow-asylum/straits-times-afp.txt'), 'utf8');
export const PASSWORD = 'a long enough password';

/** The real app over an in-memory store seeded from corpus/ (the same set-up as the student-web tests). */
export const makeApp: (overrides?: Partial<AppDeps>) => Promise<TestApp> = testApp;

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token of the first form on the page (the page also sets the matching cookie on the agent). */
export async function csrfFrom(agent: Agent, url: string): Promise<string> {
  const page = await agent.get(url);
  const match = /name="_csrf" value="([^"]+)"/.exec(page.text);
  if (!match?.[1]) throw new Error(`no CSRF token on ${url} (status ${page.status})`);
  return match[1];
}

/** An agent logged in as a new editor, through the setup link and its form. */
export async function loggedIn(test: TestApp, name = 'alice'): Promise<Agent> {
  const agent = request.agent(test.app);
  const token = await test.store.issueSetupToken(name, 'test', 60_000);
  const csrf = await csrfFrom(agent, `/setup/${token}`);
  const res = await agent
    .post(`/setup/${token}`)
    .type('form')
    .send({ _csrf: csrf, name, password: PASSWORD, confirm: PASSWORD });
  if (res.status !== 303) throw new Error(`setup failed: ${res.status} ${res.text.slice(0, 300)}`);
  return agent;
}

/** Everything a write could change, to check that a refused request changed nothing. */
export async function snapshot(store: Store): Promise<string> {
  const stories = await store.listStories();
  const audit = await store.listAudit(1_000);
  return JSON.stringify({ stories, audit: audit.length });
}

export async function seedArticleId(store: Store, slug = 'straits-times-afp'): Promise<number> {
  const article = await store.getArticleBySlug('nk-pow-asylum', slug);
  if (article === null) throw new Error(`seed article ${slug} missing`);
  return article.id;
}

/** The seed article with a few edits an outlet might make: a number changed, a sentence cut, one added. */
export function editedSeed(): string {
  return SEED_TEXT.replace('more than 10,000 soldiers', 'around 11,000 soldiers')
    .replace('“Everyone who joined the army with me is dead,” he said.\n\n', '')
    .replace(
      'Neither Moscow nor Pyongyang have confirmed the deployment.\n\n',
      "Neither Moscow nor Pyongyang have confirmed the deployment.\n\nUkraine's military intelligence agency did not respond to a request for comment.\n\n",
    );
}
