// What the article form and the version form share: loading the story or article a URL names, the form state
// that comes back after a mistake or a "go back", and the preview page.

import type { Request, Response } from 'express';
import { STORE } from '../../config.js';
import { type InputError, NotFoundError } from '../../errors.js';
import { checkOptionalText } from '../../store/index.js';
import type { ArticleRecord, Store, StorySummary } from '../../store/types.js';
import { currentEditor, currentSessionToken } from '../auth.js';
import { field, type Upload } from '../editor-upload.js';
import type { FormFields, PendingPreview, UploadPreview, UploadService } from '../upload-service.js';

/** What the upload form shows again: the pasted text stays, a chosen file must be chosen again. */
export interface UploadFormState {
  text: string;
  contentType: string;
  note: string;
  error: string | null;
  /** The file the preview was made from: a browser cannot fill a file field, so the form asks for it again. */
  filename: string;
}

export const EMPTY_FORM: UploadFormState = { text: '', contentType: 'text/plain', note: '', error: null, filename: '' };

/** The form as the request filled it in (after a mistake in it). */
export function formStateFrom(req: Request, error: string | null): UploadFormState {
  return {
    text: field(req, 'text'),
    contentType: field(req, 'contentType') || 'text/plain',
    note: field(req, 'note'),
    error,
    filename: req.file?.originalname ?? '',
  };
}

/** The form as it was before a preview ("go back"): pasted text comes back as typed, a file by its name. */
export function formStateFromPending(pending: PendingPreview, note: string): UploadFormState {
  const pasted = pending.upload.filename === null;
  return {
    text: pasted ? Buffer.from(pending.upload.raw).toString('utf8') : '',
    contentType: pending.upload.contentType,
    note,
    error: null,
    filename: pending.upload.filename ?? '',
  };
}

/**
 * The form after a step failed with `error`: as it was before the preview when a confirm failed and its pending
 * upload is still there ("Version 3 was saved after your preview"), else as the request filled it in.
 */
export async function formAfterError(
  req: Request,
  res: Response,
  uploads: UploadService,
  error: InputError,
): Promise<{ state: UploadFormState; fields: FormFields | null }> {
  const pendingId = field(req, 'pending');
  if (pendingId !== '' && error.code !== 'expired') {
    const pending = await uploads.pending(pendingId, sessionToken(res)).catch(() => null);
    if (pending !== null) {
      return {
        state: { ...formStateFromPending(pending, field(req, 'note')), error: error.message },
        fields: pending.fields,
      };
    }
  }
  return { state: formStateFrom(req, error.message), fields: null };
}

export function checkNote(req: Request): string | null {
  return checkOptionalText('Note', field(req, 'note'), STORE.maxNoteLength);
}

export function editorName(res: Response): string {
  const editor = currentEditor(res);
  if (editor === null) throw new Error('requireEditor did not run before an upload handler; this is a bug');
  return editor.name;
}

export function sessionToken(res: Response): string {
  const token = currentSessionToken(res);
  if (token === null) throw new Error('requireEditor did not run before an upload handler; this is a bug');
  return token;
}

export async function loadStory(store: Store, slug: string): Promise<StorySummary> {
  const story = await store.getStory(slug);
  if (story === null) throw new NotFoundError(`There is no story "${slug}".`);
  return story;
}

export async function loadArticle(store: Store, id: string): Promise<{ record: ArticleRecord; story: StorySummary }> {
  const number = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : Number.NaN;
  const record = Number.isSafeInteger(number) ? await store.getArticle(number) : null;
  if (record === null) throw new NotFoundError(`There is no article ${id}.`);
  return { record, story: await loadStory(store, record.storySlug) };
}

export interface PreviewModel {
  mode: 'article' | 'version';
  story: StorySummary;
  record: ArticleRecord | null;
  preview: UploadPreview;
  upload: Upload;
  note: string | null;
  action: string;
  back: string;
}

export function renderPreview(res: Response, model: PreviewModel): void {
  // The page shows the clean upload: a shared cache or the back button after logout must not keep it.
  res.set('Cache-Control', 'no-store');
  res.render('editor/preview', {
    pageTitle: `Preview: ${model.preview.clean.title || 'untitled'} · Parallax`,
    mode: model.mode,
    story: model.story,
    record: model.record,
    note: model.note,
    action: model.action,
    back: model.back,
    clean: model.preview.clean,
    change: model.preview.change,
    pending: model.preview.id,
    carried: {
      contentType: model.upload.contentType,
      filename: model.upload.filename ?? '',
      byteLength: model.upload.raw.byteLength,
    },
    bodyCount: model.preview.clean.sentences.filter((s) => s.role === 'body').length,
  });
}
