// Adding an article to a story: form → preview → confirm. The upload waits on the server between preview and
// confirm (src/web/upload-service.ts); the preview page holds only its id.
//
// GET  /editor/stories/:slug/articles/new       the form
// POST /editor/stories/:slug/articles/new       the form again, filled from a preview ("go back")
// POST /editor/stories/:slug/articles/preview   ingest, check, keep pending, show the preview
// POST /editor/stories/:slug/articles           save the pending upload as the new article's version 1

import { type Request, type Response, Router } from 'express';
import { InputError, statusForInputError } from '../../errors.js';
import { checkArticleFields, checkLine, checkOptionalLine, checkSlug } from '../../store/index.js';
import type { NewArticle, StorySummary } from '../../store/types.js';
import { csrfProtection, requireEditor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { urlKeyFor } from '../editor-forms.js';
import { field, param, readUpload, uploadParser } from '../editor-upload.js';
import type { FormFields, UploadService } from '../upload-service.js';
import {
  checkNote,
  EMPTY_FORM,
  editorName,
  formAfterError,
  formStateFromPending,
  loadStory,
  renderPreview,
  sessionToken,
  type UploadFormState,
} from './upload-pages.js';

/** The article form's fields as typed, so that a form with a mistake comes back filled in. */
const FIELD_NAMES = ['slug', 'outlet', 'agency', 'url', 'published', 'language', 'sourceNote'] as const;
type ArticleFormFields = Record<(typeof FIELD_NAMES)[number], string>;

function emptyFields(): ArticleFormFields {
  return { slug: '', outlet: '', agency: '', url: '', published: '', language: 'en', sourceNote: '' };
}

function readFields(req: Request): ArticleFormFields {
  const fields = emptyFields();
  for (const name of FIELD_NAMES) fields[name] = field(req, name).trim();
  if (fields.language === '') fields.language = 'en';
  return fields;
}

function fieldsFrom(saved: FormFields | null): ArticleFormFields {
  const fields = emptyFields();
  for (const name of FIELD_NAMES) fields[name] = saved?.[name] ?? fields[name];
  return fields;
}

/** The new article the fields describe, checked by the store's own rules; its key must be free in the story. */
function newArticle(fields: ArticleFormFields, story: StorySummary): NewArticle {
  const outlet = checkLine('Outlet', fields.outlet);
  const agency = checkOptionalLine('Agency', fields.agency);
  const slug = checkSlug('Key', fields.slug || urlKeyFor(agency === null ? outlet : `${outlet} ${agency}`));
  if (story.articles.some((a) => a.slug === slug)) {
    throw new InputError('duplicate', `This story already has an article with the key "${slug}". Choose another key.`);
  }
  const checked = checkArticleFields({
    agency: fields.agency,
    url: fields.url,
    published: fields.published,
    language: fields.language,
    sourceNote: fields.sourceNote,
  });
  return {
    storyId: story.id,
    slug,
    outlet,
    agency: checked.agency ?? null,
    url: checked.url ?? null,
    published: checked.published ?? null,
    language: checked.language ?? 'en',
    sourceNote: checked.sourceNote ?? null,
  };
}

export function createArticleUploadRouter(deps: AppDeps, uploads: UploadService): Router {
  const router = Router();
  const csrf = csrfProtection(deps);
  const upload = uploadParser();

  function renderForm(
    res: Response,
    status: number,
    story: StorySummary,
    fields: ArticleFormFields,
    state: UploadFormState,
  ) {
    res.status(status).render('editor/upload', {
      pageTitle: `Add an article to ${story.title} · Parallax`,
      mode: 'article',
      story,
      record: null,
      fields,
      form: state,
      action: `/editor/stories/${story.slug}/articles/preview`,
    });
  }

  /** Runs `step`; an InputError brings the form back with its message and the fitting status. */
  async function orForm(req: Request, res: Response, story: StorySummary, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const { state, fields } = await formAfterError(req, res, uploads, error);
      renderForm(
        res,
        statusForInputError(error.code),
        story,
        fields === null ? readFields(req) : fieldsFrom(fields),
        state,
      );
    }
  }

  router.get('/editor/stories/:slug/articles/new', requireEditor, async (req, res) => {
    const story = await loadStory(deps.store, param(req, 'slug'));
    renderForm(res, 200, story, emptyFields(), EMPTY_FORM);
  });

  router.post('/editor/stories/:slug/articles/new', requireEditor, upload, csrf, async (req, res) => {
    const story = await loadStory(deps.store, param(req, 'slug'));
    await orForm(req, res, story, async () => {
      const pending = await uploads.pending(field(req, 'pending'), sessionToken(res));
      renderForm(res, 200, story, fieldsFrom(pending.fields), formStateFromPending(pending, field(req, 'note')));
    });
  });

  router.post('/editor/stories/:slug/articles/preview', requireEditor, upload, csrf, async (req, res) => {
    const story = await loadStory(deps.store, param(req, 'slug'));
    await orForm(req, res, story, async () => {
      const fields = readFields(req);
      const article = newArticle(fields, story);
      const note = checkNote(req);
      const input = readUpload(req);
      const preview = await uploads.preview({ kind: 'article', story, article }, input, note, sessionToken(res), {
        ...fields,
        slug: article.slug,
      });
      renderPreview(res, {
        mode: 'article',
        story,
        record: null,
        preview,
        upload: input,
        note,
        action: `/editor/stories/${story.slug}/articles`,
        back: `/editor/stories/${story.slug}/articles/new`,
      });
    });
  });

  router.post('/editor/stories/:slug/articles', requireEditor, upload, csrf, async (req, res) => {
    const story = await loadStory(deps.store, param(req, 'slug'));
    await orForm(req, res, story, async () => {
      const saved = await uploads.confirm(field(req, 'pending'), sessionToken(res), checkNote(req), editorName(res));
      res.redirect(303, `/editor/articles/${saved.record.id}/history?saved=1`);
    });
  });

  return router;
}
