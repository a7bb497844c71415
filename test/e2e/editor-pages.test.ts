// The editor's pages in headless Chromium: the whole workflow with the keyboard-free happy path (log in,
// upload a new version from a .txt file, preview, save, history), no serious or critical accessibility
// violation on any page (axe-core), and phone-width screenshots for people to judge.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, newPage, PHONE, screenshot, useAppAndBrowser } from './browser.js';

const SEED = readFileSync(path.join(CORPUS_DIR, 'nk-pow-asylum/straits-times-afp.txt'), 'utf8');
const PASSWORD = 'a long enough password';

const e2e = useAppAndBrowser();

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('editor workflow in Chromium', () => {
  it('logs in, uploads a .txt file, previews, saves and shows the history, accessibly', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await newPage(e2e.browser);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 500 || (r.status() >= 400 && r.url().includes('/public/')))
        problems.push(`${r.status()} ${r.url()}`);
    });
    await e2e.app.store.issueSetupToken('mina', 'test', 60_000).then(async (token) => {
      const editor = await e2e.app.store.redeemSetupToken(token, PASSWORD);
      expect(editor?.name).toBe('mina');
    });

    await page.goto(`${e2e.app.url}/editor`);
    await page.waitForURL(/\/login\?next=%2Feditor$/);
    problems.push(...(await seriousViolations(page)));
    await page.getByLabel('Name').fill('mina');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${e2e.app.url}/editor`);
    problems.push(...(await seriousViolations(page)));

    await page.getByRole('link', { name: 'Upload a new version of The Straits Times' }).click();
    problems.push(...(await seriousViolations(page)));
    const edited = SEED.replace('more than 10,000 soldiers', 'around 11,000 soldiers');
    await page.getByLabel('A .txt file or a saved .html page').setInputFiles({
      name: 'straits-times-v2.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(edited),
    });
    await page.getByLabel('Note for the history').fill('troop count updated');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Check before saving' }).waitFor();
    expect(await page.locator('.ed-row-reworded del').first().textContent()).toContain('10,000');
    problems.push(...(await seriousViolations(page)));
    await screenshot(page, 'editor-preview-1280');

    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.waitForURL(/\/history\?saved=2$/);
    expect(await page.getByRole('cell', { name: 'troop count updated' }).count()).toBe(1);
    problems.push(...(await seriousViolations(page)));

    await page.goto(`${e2e.app.url}/editor/tokens`);
    await page.getByLabel('What the token is for').fill('nightly script');
    await page.getByRole('button', { name: 'Create a token' }).click();
    expect(await page.locator('.ed-token').textContent()).toMatch(/\S{20,}/);
    problems.push(...(await seriousViolations(page)));

    await page.goto(`${e2e.app.url}/editor/stories/new`);
    problems.push(...(await seriousViolations(page)));
    await page.goto(`${e2e.app.url}/editor/stories/nk-pow-asylum/articles/new`);
    problems.push(...(await seriousViolations(page)));

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${e2e.app.url}/`);
    await page.goto(`${e2e.app.url}/editor`);
    await page.waitForURL(/\/login/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the history page on a phone without sideways scrolling', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    const token = await e2e.app.store.issueSetupToken('phone-editor', 'test', 60_000);
    await page.goto(`${e2e.app.url}/setup/${token}`);
    await page.getByLabel('Password (at least').fill(PASSWORD);
    await page.getByLabel('The same password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save and log in' }).click();
    await page.waitForURL(`${e2e.app.url}/editor`);
    await screenshot(page, 'editor-home-390');
    const article = await e2e.app.store.getArticleBySlug('nk-pow-asylum', 'straits-times-afp');
    await page.goto(`${e2e.app.url}/editor/articles/${article?.id}/history`);
    await screenshot(page, 'editor-history-390');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await context.close();
  });
});
