// One place turns every failure into an answer: a page for browsers, {error:{code,message}} for the API.
// Expected failures (bad input, unknown story) say what went wrong; anything else is logged and answered
// with a generic 500. A stack trace is shown only in development.

import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { InputError, NotFoundError, statusForInputError } from '../errors.js';
import { ComputeBudgetError } from './compute-budget.js';
import type { AppDeps } from './deps.js';
import { JobTimeoutError, PoolBusyError } from './job-pool.js';

/** What a client is told: HTTP status, a machine-readable code and a sentence for people. */
export interface PublicError {
  status: number;
  code: string;
  message: string;
  /** Seconds, for a 503: when to try again (the Retry-After header). */
  retryAfter?: number;
}

/** Errors from Express's body parsers and csrf-csrf carry `status` and `expose` (http-errors). */
interface HttpLikeError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: unknown;
}

/** True for requests answered with JSON rather than a page. */
export function isApiRequest(req: Request): boolean {
  return req.originalUrl.startsWith('/api/') || req.originalUrl === '/api';
}

const PAGE_TITLES: Record<number, string> = {
  400: 'That address has a mistake in it',
  401: 'Please log in',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'Already there',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Could not read that text',
  429: 'Too many requests',
  503: 'Busy for a moment',
  500: 'Something went wrong on our side',
};

/** Maps any thrown value to what the client may see; null when it is not an expected error (→ 500). */
export function publicError(error: unknown): PublicError | null {
  if (error instanceof InputError) {
    return { status: statusForInputError(error.code), code: error.code, message: error.message };
  }
  if (error instanceof NotFoundError) {
    return { status: 404, code: 'not-found', message: error.message };
  }
  if (error instanceof JobTimeoutError) {
    return { status: 422, code: 'too-complex', message: error.message };
  }
  if (error instanceof ComputeBudgetError) {
    return { status: 429, code: 'rate-limited', message: error.message, retryAfter: error.retryAfterSeconds };
  }
  if (error instanceof PoolBusyError) {
    return { status: 503, code: 'busy', message: error.message, retryAfter: error.retryAfterSeconds };
  }
  if (error !== null && typeof error === 'object') {
    const e = error as HttpLikeError;
    const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
    if (status >= 400 && status < 500) {
      switch (e.type) {
        case 'entity.too.large':
          return { status: 413, code: 'too-large', message: 'The request body is larger than this server accepts.' };
        case 'entity.parse.failed':
          return { status: 400, code: 'bad-json', message: 'The request body is not valid JSON.' };
        case 'encoding.unsupported':
        case 'charset.unsupported':
          return { status: 415, code: 'unsupported-type', message: 'Send the body as UTF-8.' };
        default:
          break;
      }
      const message =
        e.expose === true && typeof e.message === 'string' ? e.message : (PAGE_TITLES[status] ?? 'Bad request');
      return { status, code: status === 404 ? 'not-found' : 'bad-request', message };
    }
  }
  return null;
}

/** The last route: nothing matched. */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => {
    next(new NotFoundError(`There is nothing at ${req.path}.`));
  };
}

/** The error handler, mounted last. */
export function errorHandler(deps: AppDeps): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let answer = publicError(error);
    if (answer === null) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      deps.log(`error: ${req.method} ${req.originalUrl}: ${detail}`);
      answer = { status: 500, code: 'internal', message: 'Something went wrong on our side. Please try again later.' };
    }
    const stack = deps.mode === 'development' && error instanceof Error ? (error.stack ?? null) : null;
    res.status(answer.status);
    if (answer.retryAfter !== undefined) res.set('Retry-After', String(answer.retryAfter));
    if (isApiRequest(req)) {
      res.json({ error: { code: answer.code, message: answer.message } });
      return;
    }
    const heading = PAGE_TITLES[answer.status] ?? 'Error';
    const message = answer.message;
    res.render(
      'error',
      { pageTitle: `${heading} · Parallax`, heading, status: answer.status, message, stack },
      (renderError: Error | null, html: string) => {
        if (renderError) {
          // The error page itself failed: answer in plain text rather than lose the original message.
          deps.log(`error: rendering the error page: ${renderError.stack ?? renderError.message}`);
          res.type('text/plain').send(`${heading}: ${message}`);
          return;
        }
        res.send(html);
      },
    );
  };
}
