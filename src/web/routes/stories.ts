// Student pages: the list of stories and the comparison of two of a story's articles.

import { type Request, type Response, Router } from 'express';
import { WEB } from '../../config.js';
import { InputError } from '../../errors.js';
import type { StorySummary } from '../../store/types.js';
import type { Comparison } from '../../types.js';
import { BoundedCache, shortHash } from '../bounded-cache.js';
import type { ComparisonService } from '../comparison-service.js';
import { parseArticleRef } from '../comparison-service.js';
import { buildComparisonView } from '../comparison-view.js';
import type { ComputeBudget } from '../compute-budget.js';
import type { AppDeps } from '../deps.js';
import { homeStoryView, pickerOptions } from '../story-list-view.js';
import { formatArticleRef, shortOutlet } from '../view-format.js';
import { type CachedBody, cachedBody, sendCachedBody } from './responses.js';

export type StoryViewMode = 'aligned' | 'published';

function parseViewMode(value: unknown): StoryViewMode {
  if (value === undefined || value === '' || value === 'aligned') return 'aligned';
  if (value === 'published') return 'published';
  throw new InputError('bad-field', '"view" must be "aligned" or "published".');
}

/** /stories/slug?left=…&right=…&view=…, leaving out what is the default. */
export function storyUrl(slug: string, left: string | null, right: string | null, view: StoryViewMode): string {
  const params = new URLSearchParams();
  if (left !== null) params.set('left', left);
  if (right !== null) params.set('right', right);
  if (view !== 'aligned') params.set('view', view);
  const query = params.toString();
  return `/stories/${encodeURIComponent(slug)}${query === '' ? '' : `?${query}`}`;
}

function articlesWithText(story: StorySummary): number {
  return story.articles.filter((a) => a.versions.length > 0).length;
}

/** Renders a view to a string (for caching), with the app's settings. */
function renderView(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')));
  });
}

function slugParam(req: Request): string {
  const slug = req.params.slug;
  return typeof slug === 'string' ? slug : '';
}

export function createStoriesRouter(deps: AppDeps, service: ComparisonService, computeBudget: ComputeBudget): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const stories = await deps.store.listStories();
    const views = await Promise.all(
      stories.map(async (story) => {
        let comparison: Comparison | null = null;
        if (articlesWithText(story) >= 2) {
          try {
            comparison = (await service.compareInStory(story, null, null)).comparison;
          } catch (error) {
            // One unreadable story must not take the list down: it is listed without its summary.
            deps.log(
              `warning: no summary for ${story.slug}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
        return homeStoryView(story, comparison);
      }),
    );
    res.render('home', { pageTitle: 'Stories · Parallax', stories: views });
  });

  // The story page's content depends only on the comparison (whose key names every input), the story's
  // record and the query; it is rendered once and kept, so a page view costs a store read and the frame.
  // In development a template edit must show on reload, so nothing rendered is kept (as with the view cache).
  const capacity = deps.mode === 'development' ? 0 : WEB.memoryCacheEntries;
  const bodies = new BoundedCache<string>(capacity);
  const pages = new BoundedCache<CachedBody>(capacity);

  router.get('/stories/:slug', async (req, res) => {
    const view = parseViewMode(req.query.view);
    const leftRef = parseArticleRef(req.query.left, 'left');
    const rightRef = parseArticleRef(req.query.right, 'right');
    const story = await service.story(slugParam(req));
    if (articlesWithText(story) < 2 && leftRef === null && rightRef === null) {
      const body = await renderView(res, 'story-body', { story, compare: null, view });
      res.render('story', { pageTitle: `${story.title} · Parallax`, mainClass: 'wide', body });
      return;
    }
    const result = await service.compareInStory(story, leftRef, rightRef, {
      beforeCompute: () => computeBudget.take(req.ip ?? ''),
    });
    const left = formatArticleRef(result.left);
    const right = formatArticleRef(result.right);
    const key = `${result.key}:${view}:${left}:${right}:${shortHash(JSON.stringify(story))}`;
    let body = bodies.get(key);
    if (body === undefined) {
      body = await renderView(res, 'story-body', {
        story,
        compare: buildComparisonView(result.comparison, result),
        view,
        leftOptions: pickerOptions(story, left),
        rightOptions: pickerOptions(story, right),
        links: {
          aligned: storyUrl(story.slug, left, right, 'aligned'),
          published: storyUrl(story.slug, left, right, 'published'),
          swap: storyUrl(story.slug, right, left, view),
          json: `/api/stories/${encodeURIComponent(story.slug)}/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(right)}`,
        },
      });
      bodies.set(key, body);
    }
    const names = `${shortOutlet(result.left.record.outlet, 'left')} and ${shortOutlet(result.right.record.outlet, 'right')}`;
    const frame = { pageTitle: `${story.title}: ${names} · Parallax`, mainClass: 'wide', body };
    if (res.locals.editor) {
      // An editor's frame carries their name and a CSRF token: rendered per request.
      res.render('story', frame);
      return;
    }
    // Students all get the same bytes: the whole page is kept, encoded, with its ETag.
    let page = pages.get(key);
    if (page === undefined) {
      page = cachedBody(await renderView(res, 'story', { ...frame, editor: null }));
      pages.set(key, page);
    }
    sendCachedBody(req, res, 'html', page);
  });

  return router;
}
