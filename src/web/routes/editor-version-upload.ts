// Uploading a new version of an article: form → preview (with what changed since the latest version) → confirm.
// The upload waits on the server between preview and confirm (src/web/upload-service.ts).
//
// GET  /editor/articles/:id/versions/new       the form
// POST /editor/articles/:id/versions/new       the form again, filled from a preview ("go back")
// POST /editor/articles/:id/versions/preview   ingest, check, compare with the latest, keep pending, show
// POST /editor/articles/:id/versions           save the pending upload as the next version

import { type Request, type Response, Router } from 'express';
import { InputError, statusForInputError } from '../../errors.js';
import type { ArticleRecord, StorySummary } from '../../store/types.js';
import { latestVersion } from '../article-hints.js';
import { csrfProtection, requireEditor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { field, param, readUpload, uploadParser } from '../editor-upload.js';
import type { UploadService } from '../upload-service.js';
import {
  checkNote,
  EMPTY_FORM,
  editorName,
  formAfterError,
  formStateFromPending,
  loadArticle,
  renderPreview,
  sessionToken,
  type UploadFormState,
} from './upload-pages.js';

export function createVersionUploadRouter(deps: AppDeps, uploads: UploadService): Router {
  const router = Router();
  const csrf = csrfProtection(deps);
  const upload = uploadParser();

  function renderForm(
    res: Response,
    status: number,
    story: StorySummary,
    record: ArticleRecord,
    state: UploadFormState,
  ) {
    res.status(status).render('editor/upload', {
      pageTitle: `New version of ${record.outlet} · Parallax`,
      mode: 'version',
      story,
      record,
      latest: latestVersion(record),
      fields: null,
      form: state,
      action: `/editor/articles/${record.id}/versions/preview`,
    });
  }

  async function orForm(
    req: Request,
    res: Response,
    story: StorySummary,
    record: ArticleRecord,
    step: () => Promise<void>,
  ): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const { state } = await formAfterError(req, res, uploads, error);
      renderForm(res, statusForInputError(error.code), story, record, state);
    }
  }

  router.get('/editor/articles/:id/versions/new', requireEditor, async (req, res) => {
    const { record, story } = await loadArticle(deps.store, param(req, 'id'));
    renderForm(res, 200, story, record, EMPTY_FORM);
  });

  router.post('/editor/articles/:id/versions/new', requireEditor, upload, csrf, async (req, res) => {
    const { record, story } = await loadArticle(deps.store, param(req, 'id'));
    await orForm(req, res, story, record, async () => {
      const pending = await uploads.pending(field(req, 'pending'), sessionToken(res));
      renderForm(res, 200, story, record, formStateFromPending(pending, field(req, 'note')));
    });
  });

  router.post('/editor/articles/:id/versions/preview', requireEditor, upload, csrf, async (req, res) => {
    const { record, story } = await loadArticle(deps.store, param(req, 'id'));
    await orForm(req, res, story, record, async () => {
      const note = checkNote(req);
      const input = readUpload(req);
      const preview = await uploads.preview({ kind: 'version', story, record }, input, note, sessionToken(res));
      renderPreview(res, {
        mode: 'version',
        story,
        record,
        preview,
        upload: input,
        note,
        action: `/editor/articles/${record.id}/versions`,
        back: `/editor/articles/${record.id}/versions/new`,
      });
    });
  });

  router.post('/editor/articles/:id/versions', requireEditor, upload, csrf, async (req, res) => {
    const { record, story } = await loadArticle(deps.store, param(req, 'id'));
    await orForm(req, res, story, record, async () => {
      const saved = await uploads.confirm(field(req, 'pending'), sessionToken(res), checkNote(req), editorName(res));
      res.redirect(303, `/editor/articles/${record.id}/history?saved=${saved.version.number}`);
    });
  });

  return router;
}
