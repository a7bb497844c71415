// The Express application. Only src/server.ts listens; tests and the benchmark build the app here.
// Order matters: security headers on every answer → static files (no session work) → the editor session
// (cookies, CSRF token for the page frame) → student pages and API → editor pages → 404 → errors.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { WEB } from '../config.js';
import { hintsFor } from './article-hints.js';
import { editorSession } from './auth.js';
import { createComparisonService } from './comparison-service.js';
import { ComputeBudget } from './compute-budget.js';
import type { AppDeps } from './deps.js';
import { createVersionService } from './editor-versions.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { inlineRunner } from './job-pool.js';
import { createApiRouter } from './routes/api.js';
import { createEditorRouter } from './routes/editor.js';
import { createStoriesRouter } from './routes/stories.js';
import { securityHeaders } from './security.js';
import { createUploadService } from './upload-service.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', 1);
  app.set('views', path.join(ROOT, 'views'));
  app.set('view engine', 'ejs');
  // Compiled templates are kept except in development, where edits should show on reload.
  app.set('view cache', deps.mode !== 'development');

  app.use(securityHeaders(deps));
  app.use(
    '/public',
    express.static(path.join(ROOT, 'public'), {
      index: false,
      maxAge: deps.mode === 'development' ? 0 : WEB.staticMaxAgeSeconds * 1000,
    }),
  );
  app.use(editorSession(deps));

  // The job pool the server made, or (tests) jobs run in this thread.
  const jobs = deps.jobs ?? inlineRunner();
  const service = deps.comparisons ?? createComparisonService(deps.store, jobs, deps.log);
  const versions = createVersionService(deps.store, jobs, service.articles);
  // After a save the story's default comparison is computed at once, from the article the preview ingested.
  const uploads = createUploadService(deps.store, versions, jobs, (saved) => {
    // The preview's article stands for the saved version only if the article's metadata (its ingest hints) did
    // not change in between; otherwise the version is ingested again when needed.
    const same =
      JSON.stringify(hintsFor(saved.record, saved.version.number, saved.version.contentType)) ===
      JSON.stringify(saved.hints);
    void (same ? service.rememberArticle(saved.record, saved.version, saved.clean) : Promise.resolve())
      .then(() => service.warmStory(saved.storySlug))
      .catch((error: unknown) =>
        deps.log(`warning: after a save: ${error instanceof Error ? error.message : String(error)}`),
      );
  });
  // Comparisons computed on a visitor's request (not served from the cache) are counted per address.
  const computeBudget = new ComputeBudget(WEB.computedComparisonsPerWindow, WEB.computeWindowMs);
  app.use(createStoriesRouter(deps, service, computeBudget));
  app.use('/api', createApiRouter(deps, service, computeBudget));
  app.use(createEditorRouter(deps, uploads, versions));

  app.use(notFoundHandler());
  app.use(errorHandler(deps));
  return app;
}
