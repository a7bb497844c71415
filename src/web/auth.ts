// Editor sessions, CSRF protection and bearer tokens.
// Students never log in; every editor page and every write goes through these middlewares.

import { randomBytes } from 'node:crypto';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { WEB_EDITOR } from '../config.js';
import type { EditorRecord } from '../store/types.js';
import type { AppDeps } from './deps.js';

/** Cookie names: `__Host-` needs Secure, so plain-http development and tests use plain names. */
export interface CookieNames {
  session: string;
  visitor: string;
  csrf: string;
}

export function cookieNames(secure: boolean): CookieNames {
  const prefix = secure ? '__Host-' : '';
  return {
    session: `${prefix}parallax-session`,
    visitor: `${prefix}parallax-visitor`,
    csrf: `${prefix}parallax-csrf`,
  };
}

export function sessionCookieOptions(deps: AppDeps): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/' };
}

/** The editor the session cookie belongs to, or null (set by `editorSession`). */
export function currentEditor(res: Response): EditorRecord | null {
  const editor: EditorRecord | null | undefined = res.locals.editor;
  return editor ?? null;
}

/** The session cookie of a logged-in editor (set by `editorSession`): what pending uploads belong to. */
export function currentSessionToken(res: Response): string | null {
  const token: string | null | undefined = res.locals.sessionToken;
  return token ?? null;
}

/** The CSRF token for forms on this page (set by `editorSession`). */
export function currentCsrfToken(res: Response): string {
  const token: string | undefined = res.locals.csrfToken;
  return token ?? '';
}

// What the CSRF token is bound to: the session, or before login a random per-visitor id.
// Keyed by request object so it never leaks between requests.
const visitorIds = new WeakMap<Request, string>();

function sessionToken(req: Request, names: CookieNames): string | null {
  const cookies: Record<string, unknown> = req.cookies ?? {};
  const value = cookies[names.session];
  return typeof value === 'string' && value !== '' ? value : null;
}

function csrfFromRequest(req: Request): string | null {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string' && header !== '') return header;
  const body: unknown = req.body;
  if (body !== null && typeof body === 'object' && '_csrf' in body) {
    const value = (body as { _csrf: unknown })._csrf;
    if (typeof value === 'string') return value;
  }
  return null;
}

interface CsrfKit {
  names: CookieNames;
  generate: (req: Request, res: Response) => string;
  validate: (req: Request) => boolean;
}

const kits = new WeakMap<AppDeps, CsrfKit>();

function csrfKit(deps: AppDeps): CsrfKit {
  const existing = kits.get(deps);
  if (existing) return existing;
  const names = cookieNames(deps.secureCookies);
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => deps.secret,
    getSessionIdentifier: (req) => sessionToken(req, names) ?? visitorIds.get(req) ?? '',
    cookieName: names.csrf,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/' },
    getCsrfTokenFromRequest: csrfFromRequest,
  });
  const kit: CsrfKit = {
    names,
    generate: (req, res) => generateCsrfToken(req, res),
    validate: (req) => validateRequest(req),
  };
  kits.set(deps, kit);
  return kit;
}

/**
 * Mounted by the app before every route: parses cookies, loads the editor of the session cookie into
 * `res.locals.editor` (or null) and puts a CSRF token for this visitor in `res.locals.csrfToken`.
 */
export function editorSession(deps: AppDeps): RequestHandler[] {
  const kit = csrfKit(deps);
  const loadEditor: RequestHandler = async (req, res, next) => {
    const token = sessionToken(req, kit.names);
    let editor: EditorRecord | null = null;
    if (token !== null) {
      editor = await deps.store.getSessionEditor(token);
    } else {
      const cookies: Record<string, unknown> = req.cookies ?? {};
      const visitor = cookies[kit.names.visitor];
      if (typeof visitor === 'string' && /^[0-9a-f]{32}$/.test(visitor)) {
        visitorIds.set(req, visitor);
      } else {
        const fresh = randomBytes(16).toString('hex');
        visitorIds.set(req, fresh);
        res.cookie(kit.names.visitor, fresh, {
          ...sessionCookieOptions(deps),
          maxAge: WEB_EDITOR.visitorCookieMaxAgeMs,
        });
      }
    }
    res.locals.editor = editor;
    res.locals.sessionToken = editor === null ? null : token;
    res.locals.csrfToken = kit.generate(req, res);
    next();
  };
  return [cookieParser(), loadEditor];
}

/** True for requests that want JSON answers rather than pages. */
export function wantsJson(req: Request): boolean {
  return req.originalUrl.startsWith('/api/') || req.is('application/json') === 'application/json';
}

/** Editor pages and writes: HTML requests without a session go to the login page, API requests get 401. */
export const requireEditor: RequestHandler = (req, res, next) => {
  if (currentEditor(res) !== null) {
    next();
    return;
  }
  if (wantsJson(req)) {
    res.status(401).json({ error: { code: 'unauthenticated', message: 'Log in as an editor first.' } });
    return;
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  // A write without a session: send the editor to log in, then back to the page they came from is unknown.
  res.redirect(303, '/login');
};

/**
 * The CSRF check for a form post. It runs after the body parser (multer for uploads), so that the token
 * field of a multipart form is read; a failure answers 403 with a page or JSON.
 */
export function csrfProtection(deps: AppDeps): RequestHandler {
  const kit = csrfKit(deps);
  return (req, res, next) => {
    if (kit.validate(req)) {
      next();
      return;
    }
    const message = 'This form has expired or did not come from Parallax. Reload the page and try again.';
    if (wantsJson(req)) {
      res.status(403).json({ error: { code: 'bad-csrf-token', message } });
      return;
    }
    res.status(403).type('text/plain').send(message);
  };
}

/** API writes: `Authorization: Bearer <token>` of an editor's API token; sets `res.locals.editor`. */
export function requireBearer(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const editor = match?.[1] ? await deps.store.getApiTokenEditor(match[1]) : null;
    if (editor === null) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ error: { code: 'unauthenticated', message: 'Send an editor API token: Authorization: Bearer …' } });
      return;
    }
    res.locals.editor = editor;
    next();
  };
}
