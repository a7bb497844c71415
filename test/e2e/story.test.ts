// The seed story in real headless Chromium: screenshots for people to judge, the key and the pairs visible,
// n / p keyboard navigation, and no serious or critical accessibility violation (axe-core).

import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { DESKTOP, newPage, PHONE, screenshot, useAppAndBrowser } from './browser.js';

const STORY = '/stories/nk-pow-asylum';

const e2e = useAppAndBrowser();

async function seriousViolations(page: import('playwright-core').Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the seed story in Chromium', () => {
  it('shows the key and the matched pairs at 1280×800, with no console error', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(e2e.app.url + STORY);
    await screenshot(page, 'story-1280x800', false);
    await screenshot(page, 'story-1280-full');
    await expect(page.locator('.legend').isVisible()).resolves.toBe(true);
    const pairs = page.locator('.row--agree, .row--differ');
    expect(await pairs.count()).toBeGreaterThan(0);
    await expect(pairs.first().isVisible()).resolves.toBe(true);
    // Side by side: the left cell of a pair is left of its right cell, on one line.
    const left = await pairs.first().locator('.cell--left').boundingBox();
    const right = await pairs.first().locator('.cell--right').boundingBox();
    expect(left && right && left.x + left.width <= right.x && Math.abs(left.y - right.y) < 2).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stacks each pair at 390×844, left above right inside one card', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await page.goto(e2e.app.url + STORY);
    await screenshot(page, 'story-390x844', false);
    await screenshot(page, 'story-390-full');
    const pair = page.locator('.row--agree, .row--differ').first();
    const card = await pair.boundingBox();
    const left = await pair.locator('.cell--left').boundingBox();
    const right = await pair.locator('.cell--right').boundingBox();
    expect(card && left && right).toBeTruthy();
    if (card && left && right) {
      expect(right.y).toBeGreaterThanOrEqual(left.y + left.height - 1);
      expect(right.y + right.height).toBeLessThanOrEqual(card.y + card.height);
      expect(card.x + card.width).toBeLessThanOrEqual(PHONE.width);
    }
    // Nothing wider than the screen: no sideways scrolling on a phone.
    // (Expressions as strings: the test code is type-checked without the DOM library.)
    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('moves focus to the next and previous difference with n and p', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await page.goto(e2e.app.url + STORY);
    const ids = await page.locator('[data-difference]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(1);
    const focused = () => page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");
    await page.keyboard.press('n');
    expect(await focused()).toBe(ids[0]);
    await page.keyboard.press('n');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('p');
    expect(await focused()).toBe(ids[0]);
    // Typing in a form control is not navigation.
    await page.focus('#pick-left');
    await page.keyboard.press('n');
    expect(await focused()).toBe('pick-left');
    await context.close();
  });

  it('links a hovered sentence to its counterpart in the as-published view', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await page.goto(`${e2e.app.url}${STORY}?view=published`);
    await screenshot(page, 'story-published-1280x800', false);
    const sentence = page.locator(
      '.published-column--left .pub-s--agree .s, .published-column--left .pub-s--differ .s',
    );
    const row = await sentence.first().getAttribute('data-row');
    await sentence.first().hover();
    const counterpart = page.locator(`.published-column--right .s[data-row="${row}"]`);
    await expect(counterpart.first().getAttribute('class')).resolves.toContain('is-linked');
    await context.close();
  });

  it('works without JavaScript: the picker form swaps the columns, the views switch', async () => {
    const context = await e2e.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(e2e.app.url + STORY);
    await page.selectOption('#pick-left', 'yonhap-koreadaily');
    await page.selectOption('#pick-right', 'straits-times-afp');
    await Promise.all([page.waitForURL(/left=yonhap-koreadaily/), page.click('.picker button[type=submit]')]);
    await expect(page.locator('.article-head--left .article-outlet').textContent()).resolves.toContain('Yonhap');
    await Promise.all([page.waitForURL(/view=published/), page.click('.view-tabs >> text=As published')]);
    await expect(page.locator('.published-column').count()).resolves.toBe(2);
    await context.close();
  });

  it('prints without the controls', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await page.goto(e2e.app.url + STORY);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.picker').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.rows').isVisible()).resolves.toBe(true);
    await context.close();
  });

  // One test per page and width: axe takes a few seconds per run on a shared 2-core machine.
  it.each([
    ['/', DESKTOP],
    ['/', PHONE],
    [STORY, DESKTOP],
    [STORY, PHONE],
    [`${STORY}?view=published`, DESKTOP],
    [`${STORY}?view=published`, PHONE],
  ])(
    'has no serious or critical axe violation on %s at %o',
    async (path, viewport) => {
      const { context, page } = await newPage(e2e.browser, viewport);
      await page.goto(e2e.app.url + path);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
    90_000,
  );

  it('home page at 1280×800 and 390×844', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'home-1280x800'],
      [PHONE, 'home-390x844'],
    ] as const) {
      const { context, page } = await newPage(e2e.browser, viewport);
      await page.goto(`${e2e.app.url}/`);
      await screenshot(page, name, false);
      await expect(page.locator('.story-card-summary').first().textContent()).resolves.toMatch(
        /\d+ agree · \d+ differ · \d+ only in The Straits Times · \d+ only in Yonhap/,
      );
      await context.close();
    }
  });
});
