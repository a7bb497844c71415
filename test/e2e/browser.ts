// Shared by every browser test (student and editor pages): start the real app on a loopback port with a
// seeded SQLite store in a temporary directory, and drive Debian's chromium through playwright-core.
// playwright-core downloads no browser; CI installs `chromium` with apt-get (see .ci/run).

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openSqliteStore, seedFromCorpus } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import type { AppDeps } from '../../src/web/deps.js';
import { testApp } from '../web/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = path.resolve(here, '../..');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** Git-ignored; the screenshots are for people to look at, not for pixel comparison. */
export const SCREENSHOT_DIR = path.join(here, 'screenshots');

export const CHROMIUM_PATH = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
/** Flags that work as root in a container (see shared/dependencies.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface RunningApp {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  deps: AppDeps;
  store: Store;
  /** Lines the app logged (errors, warnings). */
  logs: string[];
  close(): Promise<void>;
}

/** The app over a fresh store seeded from corpus/, listening on a random loopback port. */
export async function startApp(overrides: Partial<AppDeps> = {}): Promise<RunningApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-e2e-'));
  const store = await openSqliteStore(path.join(dir, 'parallax.db'));
  await seedFromCorpus(store, CORPUS_DIR);
  const { app, deps, logs } = await testApp({ ...overrides, store });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    store,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Debian chromium. Pages for axe must come from `newContext()` (see newPage). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A page in a fresh context (own cookies) with the given viewport. Close the context when done. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a full-page screenshot under test/e2e/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * The app and chromium for one test file (or describe block): started before its tests, closed after them.
 * Read `e2e.app` and `e2e.browser` inside the tests, once the hooks have run.
 */
export function useAppAndBrowser(): { readonly app: RunningApp; readonly browser: Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is read before beforeAll started it; this is a bug`);
    return value;
  };
  return {
    get app() {
      return started(app, 'the app');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}
