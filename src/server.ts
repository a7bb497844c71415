// The server entry: the only place that reads the environment and listens. It opens the database,
// loads corpus/ (idempotent), prints a one-time setup link while no editor has a password, serves the app,
// and on SIGINT/SIGTERM finishes the requests in flight before closing the database.
//
// Environment: PORT (3000), PARALLAX_DB (data/parallax.db), PARALLAX_SECRET (random per process if unset),
// PARALLAX_TRUST_PROXY (set behind a TLS proxy: Secure cookies, X-Forwarded-* trusted), PARALLAX_PUBLIC_URL
// (the site's address, for setup links), NODE_ENV (production, the default | development | test).

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE, WEB } from './config.js';
import { openSqliteStore, resolveDbPath, resolvePort, seedFromCorpus, setupLink } from './store/index.js';
import type { Store } from './store/types.js';
import { createApp } from './web/app.js';
import { createComparisonService } from './web/comparison-service.js';
import type { AppDeps, RunMode } from './web/deps.js';
import { createJobPool, type JobRunner } from './web/job-pool.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = join(ROOT, 'corpus');
/** The account the first-start link creates; the first editor may choose another name on the setup page. */
const FIRST_EDITOR_NAME = 'admin';

type Env = Readonly<Record<string, string | undefined>>;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Production unless NODE_ENV says otherwise: `npm start` never shows stack traces to visitors. */
function runMode(env: Env): RunMode {
  return env.NODE_ENV === 'development' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'production';
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

async function start(env: Env): Promise<number | null> {
  const port = resolvePort(env);
  if (port === null) {
    log(`parallax: PORT "${env.PORT}" is not a port number (0–65535).`);
    return 2;
  }
  const mode = runMode(env);
  const configuredSecret = env.PARALLAX_SECRET?.trim() ?? '';
  if (configuredSecret === '') {
    log(
      'parallax: PARALLAX_SECRET is not set; using a random one for this process: forms already open in a browser ' +
        'stop working after a restart, and several processes cannot share one database. Sessions are kept (they are in the database).',
    );
  }
  const trustProxy = isSet(env.PARALLAX_TRUST_PROXY);
  const dbPath = resolveDbPath(env);

  const store = await openSqliteStore(dbPath);
  try {
    log(`parallax: database ${dbPath}`);
    if (existsSync(CORPUS_DIR)) {
      const report = await seedFromCorpus(store, CORPUS_DIR, { log: (line) => log(`corpus: ${line}`) });
      log(
        `parallax: corpus loaded (${report.versionsAdded} new versions, ${report.unchanged} unchanged, ${report.problems.length} problems)`,
      );
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  // Ingest and comparisons run in worker threads, never on the event loop that serves the pages.
  const jobs = createJobPool({
    size: Math.max(1, Math.min(WEB.maxJobWorkers, availableParallelism())),
    maxQueue: WEB.jobQueueLength,
    retryAfterSeconds: WEB.busyRetryAfterSeconds,
  });
  const comparisons = createComparisonService(store, jobs, log);
  const deps: AppDeps = {
    store,
    comparisons,
    jobs,
    mode,
    secret: configuredSecret === '' ? randomBytes(32).toString('base64url') : configuredSecret,
    secureCookies: trustProxy,
    trustProxy,
    log,
  };
  const server = createApp(deps).listen(port);
  server.once('error', (error: NodeJS.ErrnoException) => {
    log(
      error.code === 'EADDRINUSE'
        ? `parallax: port ${port} is already in use; set PORT to another one.`
        : `parallax: cannot listen on port ${port}: ${error.message}`,
    );
    void Promise.all([jobs.close(), store.close()]).finally(() => {
      process.exitCode = 1;
    });
  });
  server.once('listening', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    process.stdout.write(`Parallax is listening on http://localhost:${actual} (${mode})\n`);
    // Printed once the server listens, so the link works when it is shown (and names the real port).
    printSetupLinkIfNoEditor(env, store, actual).catch((error: unknown) => {
      log(`parallax: cannot issue a setup link: ${error instanceof Error ? error.message : String(error)}`);
    });
    // Every story's default comparison is computed now, in the background, so no student waits for one cold.
    void comparisons.warmAll().then(() => log('parallax: story comparisons ready'));
  });
  handleShutdown(server, store, jobs);
  return null;
}

/** No default password, ever: while no editor has a password, each start prints a fresh one-time link. */
async function printSetupLinkIfNoEditor(env: Env, store: Store, port: number): Promise<void> {
  if ((await store.countActiveEditors()) > 0) return;
  const token = await store.issueSetupToken(FIRST_EDITOR_NAME, 'server', STORE.setupTokenTtlMs);
  process.stdout.write(
    `No editor account exists yet. Open this one-time link within ${Math.round(STORE.setupTokenTtlMs / 60_000)} minutes ` +
      `to create the first one:\n${setupLink(env, token, port)}\n`,
  );
}

/** SIGINT/SIGTERM: stop accepting, let requests in flight finish (up to the grace time), close the database. */
function handleShutdown(server: Server, store: Store, jobs: JobRunner): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`parallax: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`parallax: ${signal} received, finishing requests in flight`);
    const force = setTimeout(() => server.closeAllConnections(), STORE.shutdownGraceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      Promise.all([jobs.close(), store.close()]).then(
        () => {
          log('parallax: stopped');
          process.exitCode = 0;
        },
        (error: unknown) => {
          log(`parallax: closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exitCode = 1;
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start(process.env).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    log(`parallax: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
