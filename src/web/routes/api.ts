// The JSON API for scripts: stories, their articles, and the same comparison the story page shows
// (the contract of shared/design.md, schemaVersion 1). Errors are {error: {code, message}}.

import express, { type Request, type RequestHandler, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { WEB } from '../../config.js';
import { InputError } from '../../errors.js';
import type { StorySummary } from '../../store/types.js';
import type { ContentType } from '../../types.js';
import { type StoryJson, storyJson } from '../api-json.js';
import { BoundedCache } from '../bounded-cache.js';
import type { ComparisonService, TextSide } from '../comparison-service.js';
import { parseArticleRef } from '../comparison-service.js';
import type { ComputeBudget } from '../compute-budget.js';
import type { AppDeps } from '../deps.js';
import { type CachedBody, cachedBody, sendCachedBody } from './responses.js';

const CONTENT_TYPES: readonly ContentType[] = ['text/plain', 'text/html'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** One side of a POST /api/compare body, checked field by field with a message that names the field. */
export function readTextSide(body: unknown, name: 'left' | 'right'): TextSide {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('bad-field', `"${name}" must be an object such as {"text": "…"}.`);
  }
  const fields = body as Record<string, unknown>;
  const { text, contentType, outlet, published } = fields;
  if (typeof text !== 'string') throw new InputError('bad-field', `"${name}.text" must be a string.`);
  if (text.trim() === '') throw new InputError('empty', `"${name}.text" is empty.`);
  if (contentType !== undefined && !CONTENT_TYPES.includes(contentType as ContentType)) {
    throw new InputError('bad-field', `"${name}.contentType" must be "text/plain" or "text/html".`);
  }
  if (outlet !== undefined && outlet !== null && (typeof outlet !== 'string' || outlet.length > WEB.maxOutletLength)) {
    throw new InputError(
      'bad-field',
      `"${name}.outlet" must be a string of at most ${WEB.maxOutletLength} characters.`,
    );
  }
  if (published !== undefined && published !== null && (typeof published !== 'string' || !isValidIsoDate(published))) {
    throw new InputError('bad-field', `"${name}.published" must be a date written YYYY-MM-DD.`);
  }
  return {
    text,
    contentType: (contentType as ContentType | undefined) ?? 'text/plain',
    outlet: typeof outlet === 'string' && outlet.trim() !== '' ? outlet.trim() : null,
    published: typeof published === 'string' ? published : null,
  };
}

function slugParam(req: Request): string {
  const slug = req.params.slug;
  return typeof slug === 'string' ? slug : '';
}

/** 415 before any parsing: only JSON bodies are read. */
const requireJson: RequestHandler = (req, _res, next) => {
  if (req.is('application/json') !== 'application/json') {
    throw new InputError('unsupported-type', 'Send the body as JSON with "Content-Type: application/json".');
  }
  next();
};

export function createApiRouter(deps: AppDeps, service: ComparisonService, computeBudget: ComputeBudget): Router {
  const router = Router();

  async function storyWithTitles(story: StorySummary): Promise<StoryJson> {
    const latest = await service.latestArticles(story);
    return storyJson(story, new Map(latest.map((r) => [r.record.slug, r.article.title])));
  }

  router.get('/stories', async (_req, res) => {
    const stories = await deps.store.listStories();
    res.json({ stories: await Promise.all(stories.map(storyWithTitles)) });
  });

  router.get('/stories/:slug', async (req, res) => {
    res.json(await storyWithTitles(await service.story(slugParam(req))));
  });

  const bodies = new BoundedCache<CachedBody>(WEB.memoryCacheEntries);

  router.get('/stories/:slug/compare', async (req, res) => {
    const left = parseArticleRef(req.query.left, 'left');
    const right = parseArticleRef(req.query.right, 'right');
    const story = await service.story(slugParam(req));
    const result = await service.compareInStory(story, left, right, {
      beforeCompute: () => computeBudget.take(req.ip ?? ''),
    });
    // The same bytes for every caller: serialised once per comparison key, with an ETag for conditional GETs.
    let body = bodies.get(result.key);
    if (body === undefined) {
      body = cachedBody(JSON.stringify(result.comparison));
      bodies.set(result.key, body);
    }
    sendCachedBody(req, res, 'json', body);
  });

  const compareLimiter = rateLimit({
    windowMs: WEB.compareWindowMs,
    limit: WEB.compareRequestsPerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        error: {
          code: 'rate-limited',
          message: 'Too many comparisons from this address; wait a minute and try again.',
        },
      });
    },
  });

  router.post(
    '/compare',
    compareLimiter,
    requireJson,
    express.json({ limit: WEB.maxCompareBodyBytes, strict: true }),
    async (req, res) => {
      const body: unknown = req.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new InputError(
          'bad-field',
          'The body must be a JSON object: {"left": {"text": …}, "right": {"text": …}}.',
        );
      }
      const { left, right } = body as Record<string, unknown>;
      res.json(await service.compareTexts(readTextSide(left, 'left'), readTextSide(right, 'right')));
    },
  );

  return router;
}
