// POST /api/articles/:id/versions: scripts upload a new version with an editor's API token.
// JSON { "text": "…", "contentType": "text/plain" | "text/html", "note": "…" } or the same multipart form
// as the upload page. Answers 201 with the new version; errors are {error:{code,message}} (src/web/errors.ts).

import express, { type RequestHandler, Router } from 'express';
import { STORE, WEB_EDITOR } from '../../config.js';
import { InputError, NotFoundError } from '../../errors.js';
import { checkOptionalText } from '../../store/index.js';
import { currentEditor, requireBearer } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { param, parseContentType, readUpload, type Upload, uploadParser } from '../editor-upload.js';
import type { UploadService } from '../upload-service.js';

interface ApiBody {
  upload: Upload;
  note: string | null;
}

function jsonBody(body: unknown): ApiBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('bad-field', 'Send a JSON object: { "text": "…", "contentType": "text/plain", "note": "…" }.');
  }
  const { text, contentType, note } = body as Record<string, unknown>;
  if (typeof text !== 'string') throw new InputError('bad-field', 'The field "text" (a string) is required.');
  if (note !== undefined && note !== null && typeof note !== 'string') {
    throw new InputError('bad-field', 'The field "note" must be a string.');
  }
  // The size is the ingest's to check (one limit for every way in): it answers 413 with the limit.
  return {
    upload: {
      raw: new Uint8Array(Buffer.from(text, 'utf8')),
      contentType: parseContentType(contentType),
      filename: null,
    },
    note: checkOptionalText('note', note ?? null, STORE.maxNoteLength),
  };
}

export function createApiRouter(deps: AppDeps, uploads: UploadService): Router {
  const router = Router();
  const multipart = uploadParser();
  // JSON escapes make text longer than its UTF-8 bytes; the byte limit is checked after parsing.
  const json = express.json({ limit: WEB_EDITOR.maxJsonBodyBytes });

  const body: RequestHandler = (req, res, next) => {
    if (req.is('multipart/form-data')) multipart(req, res, next);
    else if (req.is('application/json')) json(req, res, next);
    else {
      next(
        new InputError(
          'unsupported-type',
          'Send application/json ({ "text": "…", "contentType": "text/plain" }) or multipart/form-data with a file.',
        ),
      );
    }
  };

  router.post('/api/articles/:id/versions', requireBearer(deps), body, async (req, res) => {
    const id = /^[1-9][0-9]{0,9}$/.test(param(req, 'id')) ? Number(param(req, 'id')) : 0;
    const record = await deps.store.getArticle(id);
    if (record === null) throw new NotFoundError(`There is no article ${param(req, 'id')}.`);
    const story = await deps.store.getStory(record.storySlug);
    if (story === null) throw new NotFoundError(`The story of article ${record.id} is missing.`);
    const editor = currentEditor(res);
    if (editor === null) throw new Error('requireBearer did not set the editor; this is a bug');

    const { upload, note } = req.is('multipart/form-data')
      ? {
          upload: readUpload(req),
          note: checkOptionalText(
            'note',
            typeof req.body?.note === 'string' ? req.body.note : null,
            STORE.maxNoteLength,
          ),
        }
      : jsonBody(req.body);
    const saved = await uploads.save({ kind: 'version', story, record }, upload, note, editor.name);
    res
      .status(201)
      .location(`/editor/articles/${record.id}/history`)
      .json({
        version: saved.version,
        article: { id: record.id, story: story.slug, slug: record.slug, outlet: record.outlet },
        sentences: saved.clean.sentences.length,
        removed: saved.clean.removed.length,
      });
  });

  return router;
}
