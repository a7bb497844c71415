// The editor's home page, the story form and API tokens.

import { type Response, Router } from 'express';
import { InputError, statusForInputError } from '../../errors.js';
import { checkLine, checkSlug } from '../../store/validate.js';
import { csrfProtection, currentEditor, requireEditor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { urlKeyFor } from '../editor-forms.js';
import { field } from '../editor-upload.js';
import { smallForm } from './editor-auth.js';

/** Audit entries on the editor's home page: enough to see today's work. */
const RECENT_CHANGES = 20;

export function createPagesRouter(deps: AppDeps): Router {
  const router = Router();
  const csrf = csrfProtection(deps);

  router.get('/editor', requireEditor, async (_req, res) => {
    const [stories, audit] = await Promise.all([deps.store.listStories(), deps.store.listAudit(RECENT_CHANGES)]);
    res.render('editor/home', { pageTitle: 'Editor · Parallax', stories, audit });
  });

  function renderStoryForm(res: Response, status: number, title: string, slug: string, error: string | null): void {
    res.status(status).render('editor/story-new', { pageTitle: 'New story · Parallax', title, slug, error });
  }

  router.get('/editor/stories/new', requireEditor, (_req, res) => {
    renderStoryForm(res, 200, '', '', null);
  });

  router.post('/editor/stories', smallForm, requireEditor, csrf, async (req, res) => {
    const title = field(req, 'title');
    const slug = field(req, 'slug').trim();
    try {
      const story = await deps.store.createStory(
        { title: checkLine('Title', title), slug: checkSlug('Key', slug || urlKeyFor(title)) },
        currentEditor(res)?.name ?? '',
      );
      res.redirect(303, `/editor/stories/${story.slug}/articles/new`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      renderStoryForm(res, statusForInputError(error.code), title, slug, error.message);
    }
  });

  router.get('/editor/tokens', requireEditor, (_req, res) => {
    res.render('editor/tokens', { pageTitle: 'API tokens · Parallax', token: null, label: '', error: null });
  });

  router.post('/editor/tokens', smallForm, requireEditor, csrf, async (req, res) => {
    const editor = currentEditor(res);
    const label = field(req, 'label').trim();
    if (editor === null || label === '' || label.length > 100) {
      res.status(400).render('editor/tokens', {
        pageTitle: 'API tokens · Parallax',
        token: null,
        label,
        error: 'Give the token a label of at most 100 characters, e.g. "nightly import script".',
      });
      return;
    }
    const token = await deps.store.createApiToken(editor.id, label);
    // Shown once: never cached, never in a URL.
    res.set('Cache-Control', 'no-store');
    res.status(201).render('editor/tokens', { pageTitle: 'API tokens · Parallax', token, label, error: null });
  });

  return router;
}
