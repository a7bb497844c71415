// Log in, log out, and the one-time setup link that lets an editor choose a password.

import express, { type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { STORE, WEB_EDITOR } from '../../config.js';
import { InputError } from '../../errors.js';
import type { EditorRecord } from '../../store/types.js';
import { cookieNames, csrfProtection, currentEditor, requireEditor, sessionCookieOptions } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { safeNext } from '../editor-forms.js';
import { field, param } from '../editor-upload.js';

/** Small forms (login, setup, story, token): a few fields of one line each. */
export const smallForm = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 20 });

export function createAuthRouter(deps: AppDeps): Router {
  const router = Router();
  const csrf = csrfProtection(deps);
  const names = cookieNames(deps.secureCookies);

  function renderLogin(res: Response, status: number, next: string, error: string | null, name = ''): void {
    res.status(status).render('editor/login', { pageTitle: 'Editor login · Parallax', next, error, name });
  }

  async function startSession(res: Response, editor: EditorRecord): Promise<void> {
    const token = await deps.store.createSession(editor.id, WEB_EDITOR.sessionTtlMs);
    res.cookie(names.session, token, { ...sessionCookieOptions(deps), maxAge: WEB_EDITOR.sessionTtlMs });
  }

  // Counts failed attempts only (status ≥ 400): an editor who logs in successfully is never slowed down.
  const loginLimiter = rateLimit({
    windowMs: WEB_EDITOR.loginWindowMs,
    limit: WEB_EDITOR.loginAttemptsPerWindow,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const minutes = Math.ceil(WEB_EDITOR.loginWindowMs / 60_000);
      renderLogin(
        res,
        429,
        safeNext(req.body?.next),
        `Too many failed login attempts from your address. Wait ${minutes} minutes and try again.`,
      );
    },
  });

  router.get('/login', (req, res) => {
    const next = safeNext(req.query.next);
    if (currentEditor(res) !== null) {
      res.redirect(303, next);
      return;
    }
    renderLogin(res, 200, next, null);
  });

  router.post('/login', smallForm, loginLimiter, csrf, async (req, res) => {
    const name = field(req, 'name').trim();
    const password = field(req, 'password');
    const next = safeNext(field(req, 'next'));
    const editor = name === '' || password === '' ? null : await deps.store.verifyPassword(name, password);
    if (editor === null) {
      renderLogin(res, 401, next, 'Wrong name or password.', name);
      return;
    }
    await startSession(res, editor);
    deps.log(`editor ${editor.name} logged in`);
    res.redirect(303, next);
  });

  router.post('/logout', smallForm, requireEditor, csrf, async (req, res) => {
    const token: unknown = req.cookies?.[names.session];
    if (typeof token === 'string' && token !== '') await deps.store.deleteSession(token);
    res.clearCookie(names.session, sessionCookieOptions(deps));
    res.redirect(303, '/');
  });

  function renderSetup(
    res: Response,
    status: number,
    token: string,
    editor: EditorRecord,
    error: string | null,
    name = editor.name,
  ): void {
    res.status(status).render('editor/setup', {
      pageTitle: 'Set your password · Parallax',
      token,
      account: editor,
      name,
      error,
      minPasswordLength: STORE.minPasswordLength,
    });
  }

  function renderBadLink(res: Response): void {
    res.status(404).render('editor/setup-invalid', { pageTitle: 'Setup link not valid · Parallax' });
  }

  router.get('/setup/:token', async (req, res) => {
    const account = await deps.store.getSetupTokenEditor(param(req, 'token'));
    if (account === null) {
      renderBadLink(res);
      return;
    }
    renderSetup(res, 200, param(req, 'token'), account, null);
  });

  router.post('/setup/:token', smallForm, csrf, async (req, res) => {
    const token = param(req, 'token');
    const account = await deps.store.getSetupTokenEditor(token);
    if (account === null) {
      renderBadLink(res);
      return;
    }
    const name = field(req, 'name').trim() || account.name;
    const password = field(req, 'password');
    if (password !== field(req, 'confirm')) {
      renderSetup(res, 400, token, account, 'The two passwords are not the same.', name);
      return;
    }
    let editor: EditorRecord | null;
    try {
      editor = await deps.store.redeemSetupToken(token, password, account.active ? undefined : name);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      renderSetup(res, error.code === 'duplicate' ? 409 : 400, token, account, error.message, name);
      return;
    }
    if (editor === null) {
      renderBadLink(res);
      return;
    }
    await startSession(res, editor);
    deps.log(`editor ${editor.name} set a password through a setup link`);
    res.redirect(303, '/editor');
  });

  return router;
}
