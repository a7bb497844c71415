// Editor routes: login, setup, stories, articles, uploads with preview, history, API tokens and the
// bearer-token upload API. Every write needs a session and a CSRF token, or a bearer token for the API.
//
// GET  /login, POST /login (rate-limited), POST /logout, GET|POST /setup/:token
// GET  /editor                                      home: stories, articles, recent changes
// GET  /editor/stories/new, POST /editor/stories
// GET  /editor/stories/:slug/articles/new           POST …/articles/preview → POST …/articles
// GET  /editor/articles/:id/versions/new            POST …/versions/preview → POST …/versions
// GET  /editor/articles/:id/history?from=&to=       versions and the diff between two of them
// GET  /editor/articles/:id/versions/:number/raw    the raw upload as plain text
// GET  /editor/tokens, POST /editor/tokens          API tokens (shown once)
// POST /api/articles/:id/versions                   Authorization: Bearer …; 201 with the new version

import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import type { VersionService } from '../editor-versions.js';
import type { UploadService } from '../upload-service.js';
import { createApiRouter } from './editor-api.js';
import { createArticleUploadRouter } from './editor-article-upload.js';
import { createAuthRouter } from './editor-auth.js';
import { createHistoryRouter } from './editor-history.js';
import { createPagesRouter } from './editor-pages.js';
import { createVersionUploadRouter } from './editor-version-upload.js';

export function createEditorRouter(deps: AppDeps, uploads: UploadService, versions: VersionService): Router {
  const router = Router();
  router.use(createAuthRouter(deps));
  router.use(createPagesRouter(deps));
  router.use(createArticleUploadRouter(deps, uploads));
  router.use(createVersionUploadRouter(deps, uploads));
  router.use(createHistoryRouter(deps, versions));
  router.use(createApiRouter(deps, uploads));
  return router;
}
