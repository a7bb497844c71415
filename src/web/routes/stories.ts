// Student pages: the list of stories and the comparison of two of a story's articles.

import { type Request, Router } from 'express';
import { InputError } from '../../errors.js';
import type { StorySummary } from '../../store/types.js';
import type { Comparison } from '../../types.js';
import type { ComparisonService } from '../comparison-service.js';
import { parseArticleRef } from '../comparison-service.js';
import type { AppDeps } from '../deps.js';
import { buildComparisonView, formatArticleRef, homeStoryView, pickerOptions } from '../view-models.js';

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

function slugParam(req: Request): string {
  const slug = req.params.slug;
  return typeof slug === 'string' ? slug : '';
}

export function createStoriesRouter(deps: AppDeps, service: ComparisonService): Router {
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

  router.get('/stories/:slug', async (req, res) => {
    const view = parseViewMode(req.query.view);
    const leftRef = parseArticleRef(req.query.left, 'left');
    const rightRef = parseArticleRef(req.query.right, 'right');
    const story = await service.story(slugParam(req));
    if (articlesWithText(story) < 2 && leftRef === null && rightRef === null) {
      res.render('story', {
        pageTitle: `${story.title} · Parallax`,
        mainClass: 'wide',
        story,
        compare: null,
        view,
      });
      return;
    }
    const result = await service.compareInStory(story, leftRef, rightRef);
    const compare = buildComparisonView(result.comparison, result);
    const left = formatArticleRef(result.left);
    const right = formatArticleRef(result.right);
    res.render('story', {
      pageTitle: `${story.title}: ${compare.left.shortOutlet} and ${compare.right.shortOutlet} · Parallax`,
      mainClass: 'wide',
      story,
      compare,
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
  });

  return router;
}
