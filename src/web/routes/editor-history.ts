// An article's versions: the history list with the diff between any two versions, and each raw upload.
//
// GET  /editor/articles/:id/history?from=&to=       versions and the diff between two of them
// GET  /editor/articles/:id/versions/:number/raw    the raw upload as plain text

import { Router } from 'express';
import { InputError, NotFoundError } from '../../errors.js';
import { requireEditor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { param } from '../editor-upload.js';
import type { VersionService } from '../editor-versions.js';
import { loadArticle } from './upload-pages.js';

export function createHistoryRouter(deps: AppDeps, versions: VersionService): Router {
  const router = Router();

  router.get('/editor/articles/:id/history', requireEditor, async (req, res) => {
    const { record, story } = await loadArticle(deps.store, param(req, 'id'));
    const rows = await versions.history(record);
    const numbers = record.versions.map((v) => v.number);
    const pick = (value: unknown, fallback: number | undefined): number | undefined => {
      if (value === undefined || value === '') return fallback;
      const n = typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : Number.NaN;
      if (!numbers.includes(n)) {
        throw new InputError(
          'bad-field',
          `This article has versions ${numbers.join(', ')}; there is no version ${String(value)}.`,
        );
      }
      return n;
    };
    const to = pick(req.query.to, numbers[numbers.length - 1]);
    const from = pick(req.query.from, numbers[numbers.length - 2]);
    const diff = from !== undefined && to !== undefined && from !== to ? await versions.diff(record, from, to) : null;
    const saved =
      typeof req.query.saved === 'string' && /^[0-9]{1,6}$/.test(req.query.saved) ? Number(req.query.saved) : null;
    res.render('editor/history', {
      pageTitle: `History of ${record.outlet} · Parallax`,
      story,
      record,
      rows,
      from: from ?? null,
      to: to ?? null,
      diff,
      saved,
    });
  });

  router.get('/editor/articles/:id/versions/:number/raw', requireEditor, async (req, res) => {
    const { record } = await loadArticle(deps.store, param(req, 'id'));
    const number = /^[1-9][0-9]{0,5}$/.test(param(req, 'number')) ? Number(param(req, 'number')) : 0;
    const version = await deps.store.getVersion(record.id, number);
    if (version === null) throw new NotFoundError(`Article ${record.id} has no version ${param(req, 'number')}.`);
    // Always plain text: an uploaded HTML page is shown as its source, never rendered on our origin.
    res
      .set('Content-Type', 'text/plain; charset=utf-8')
      .set('X-Content-Type-Options', 'nosniff')
      .set('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(Buffer.from(version.raw));
  });

  return router;
}
