// An editor uploads an article full of markup meant to run: <script>, <img onerror>, javascript: links.
// Chromium loads the preview, the history diff and the student story page, and no script may run.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, newPage, screenshot, useAppAndBrowser } from './browser.js';

const SEED = readFileSync(path.join(CORPUS_DIR, 'nk-pow-asylum/straits-times-afp.txt'), 'utf8');
const PASSWORD = 'a long enough password';

/** The seed article with hostile markup in three of its paragraphs, as a scraper might pass it through. */
const HOSTILE = SEED.replace(
  'Neither Moscow nor Pyongyang have confirmed the deployment.',
  'Neither Moscow nor Pyongyang have confirmed the deployment <script>window.__pwned = "script"; alert("script")</script> so far.\n\n' +
    "A photo of the soldier <img src=x onerror=\"window.__pwned = 'img'; alert('img')\"> was shared by the ministry on Thursday.\n\n" +
    'The full interview is <a href="javascript:window.__pwned=\'link\'">on the newspaper website</a> for subscribers.',
);

interface Ran {
  dialogs: string[];
  pageErrors: string[];
}

function watch(page: Page): Ran {
  const ran: Ran = { dialogs: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    ran.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => ran.pageErrors.push(error.message));
  return ran;
}

/** Nothing ran and nothing that could run is in the DOM. */
async function expectInert(page: Page, ran: Ran): Promise<void> {
  // A string, because the tsconfig has no DOM types: this runs in the page.
  const state = await page.evaluate(`({
    pwned: window.__pwned ?? null,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    images: document.querySelectorAll('img').length,
  })`);
  expect(state).toEqual({ pwned: null, inlineScripts: 0, handlers: 0, jsLinks: 0, images: 0 });
  expect(ran.dialogs).toEqual([]);
  expect(ran.pageErrors).toEqual([]);
}

describe('hostile markup in an uploaded article', () => {
  const e2e = useAppAndBrowser();

  it('is shown as text on the preview, the history diff and the story page, and never runs', async () => {
    const { context, page } = await newPage(e2e.browser);
    const ran = watch(page);
    const setup = await e2e.app.store.issueSetupToken('admin', 'test', 60_000);

    await page.goto(`${e2e.app.url}/setup/${setup}`);
    await page.getByLabel('Your name').fill('editor-e2e');
    await page.getByLabel('Password (at least').fill(PASSWORD);
    await page.getByLabel('The same password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save and log in' }).click();
    await page.waitForURL(`${e2e.app.url}/editor`);
    expect(await page.getByRole('link', { name: 'Editor: editor-e2e' }).count()).toBe(1);

    const article = await e2e.app.store.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    await page.goto(`${e2e.app.url}/editor/articles/${article?.id}/versions/new`);
    await page.getByLabel('or paste the text').fill(HOSTILE);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Check before saving' }).waitFor();
    expect(await page.getByText('<script>window.__pwned = "script"', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText('<img src=x onerror=', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'editor-preview-hostile');
    await expectInert(page, ran);

    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.waitForURL(/\/history\?saved=2$/);
    expect(await page.getByText('From version 1 to version 2').count()).toBe(1);
    await screenshot(page, 'editor-history-hostile');
    await expectInert(page, ran);

    await page.goto(`${e2e.app.url}/stories/nk-pow-asylum`);
    await expectInert(page, ran);
    await context.close();
  });
});
