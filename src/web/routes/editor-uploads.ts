// Adding an article to a story and uploading a new version of one: form → preview → confirm, and the
// history page. Nothing is stored before the editor confirms: the preview page carries the raw bytes back
// in a hidden field, so the server keeps no state between the two steps.

import { type Request, type Response, Router } from 'express';
import { STORE } from '../../config.js';
import { InputError, NotFoundError, statusForInputError } from '../../errors.js';
import { normalizedSha256 } from '../../store/index.js';
import type { ArticleRecord, NewArticle, StorySummary } from '../../store/types.js';
import {
  checkLine,
  checkOptionalDate,
  checkOptionalLine,
  checkOptionalText,
  checkOptionalUrl,
  checkSlug,
} from '../../store/validate.js';
import type { Article } from '../../types.js';
import { type ArticleIdentity, latestVersion } from '../article-hints.js';
import { csrfProtection, currentEditor, requireEditor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { slugify } from '../editor-forms.js';
import { encodeRaw, field, param, readCarriedUpload, readUpload, type Upload, uploadParser } from '../editor-upload.js';
import type { VersionChange } from '../editor-version-diff.js';
import { checkNotDuplicate, createVersionService, ingestUpload } from '../editor-versions.js';

/** The article form's fields as typed, so that a form with a mistake comes back filled in. */
interface ArticleFields {
  slug: string;
  outlet: string;
  agency: string;
  url: string;
  published: string;
  language: string;
  sourceNote: string;
}

const ARTICLE_FIELD_NAMES = ['slug', 'outlet', 'agency', 'url', 'published', 'language', 'sourceNote'] as const;

function emptyArticleFields(): ArticleFields {
  return { slug: '', outlet: '', agency: '', url: '', published: '', language: 'en', sourceNote: '' };
}

function readArticleFields(req: Request): ArticleFields {
  const fields = emptyArticleFields();
  for (const name of ARTICLE_FIELD_NAMES) fields[name] = field(req, name).trim();
  if (fields.language === '') fields.language = 'en';
  return fields;
}

/** Validated fields of a new article; InputError('bad-field' | 'duplicate') names the field at fault. */
function checkArticleFields(fields: ArticleFields, story: StorySummary): NewArticle {
  const outlet = checkLine('Outlet', fields.outlet);
  const agency = checkOptionalLine('Agency', fields.agency);
  const slug = checkSlug('Key', fields.slug || slugify(agency === null ? outlet : `${outlet} ${agency}`));
  if (story.articles.some((a) => a.slug === slug)) {
    throw new InputError('duplicate', `This story already has an article with the key "${slug}". Choose another key.`);
  }
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(fields.language)) {
    throw new InputError('bad-field', `Language "${fields.language}" is not a language tag such as "en" or "ko".`);
  }
  return {
    storyId: story.id,
    slug,
    outlet,
    agency,
    url: checkOptionalUrl('URL', fields.url),
    published: checkOptionalDate('Publication date', fields.published),
    language: fields.language,
    sourceNote: checkOptionalText('Source note', fields.sourceNote, STORE.maxNoteLength),
  };
}

function identityOf(article: NewArticle | ArticleRecord, storySlug: string): ArticleIdentity {
  return {
    storySlug,
    slug: article.slug,
    outlet: article.outlet,
    agency: article.agency ?? null,
    published: article.published ?? null,
    language: article.language ?? 'en',
  };
}

function checkNote(req: Request): string | null {
  return checkOptionalText('Note', field(req, 'note'), STORE.maxNoteLength);
}

function articleId(value: string): number {
  const id = /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError(`There is no article ${value}.`);
  return id;
}

/** What the upload form shows again after a mistake: the pasted text stays, a chosen file must be chosen again. */
interface UploadFormState {
  text: string;
  contentType: string;
  note: string;
  error: string | null;
  /** The file the preview was made from: a browser cannot fill a file field, so the form asks for it again. */
  filename: string;
}

function formStateFrom(req: Request, error: string | null): UploadFormState {
  const carried = field(req, 'raw');
  let text = field(req, 'text');
  if (text === '' && carried !== '' && field(req, 'filename') === '') {
    // The editor pasted this text; going back to the form keeps it.
    text = Buffer.from(carried, 'base64').toString('utf8');
  }
  const filename = req.file?.originalname ?? field(req, 'filename');
  return { text, contentType: field(req, 'contentType') || 'text/plain', note: field(req, 'note'), error, filename };
}

export function createUploadRouter(deps: AppDeps): Router {
  const router = Router();
  const csrf = csrfProtection(deps);
  const upload = uploadParser();
  const versions = createVersionService(deps.store);

  async function loadStory(slug: string): Promise<StorySummary> {
    const story = await deps.store.getStory(slug);
    if (story === null) throw new NotFoundError(`There is no story "${slug}".`);
    return story;
  }

  async function loadArticle(id: string): Promise<{ record: ArticleRecord; story: StorySummary }> {
    const record = await deps.store.getArticle(articleId(id));
    if (record === null) throw new NotFoundError(`There is no article ${id}.`);
    return { record, story: await versions.storyOf(record) };
  }

  function editorName(res: Response): string {
    const editor = currentEditor(res);
    if (editor === null) throw new Error('requireEditor did not run before an upload handler; this is a bug');
    return editor.name;
  }

  // ── New article ─────────────────────────────────────────────────────────────
  function renderArticleForm(
    res: Response,
    status: number,
    story: StorySummary,
    fields: ArticleFields,
    state: UploadFormState,
  ): void {
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

  router.get('/editor/stories/:slug/articles/new', requireEditor, async (req, res) => {
    const story = await loadStory(param(req, 'slug'));
    renderArticleForm(res, 200, story, emptyArticleFields(), {
      text: '',
      contentType: 'text/plain',
      note: '',
      error: null,
      filename: '',
    });
  });

  /** Runs `step`; an InputError brings the form back with its message and the fitting status. */
  async function orArticleForm(req: Request, res: Response, story: StorySummary, step: () => Promise<void>) {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      renderArticleForm(
        res,
        statusForInputError(error.code),
        story,
        readArticleFields(req),
        formStateFrom(req, error.message),
      );
    }
  }

  // "Go back" from the preview: the same form, filled in with what the preview carried.
  router.post('/editor/stories/:slug/articles/new', requireEditor, upload, csrf, async (req, res) => {
    const story = await loadStory(param(req, 'slug'));
    renderArticleForm(res, 200, story, readArticleFields(req), formStateFrom(req, null));
  });

  router.post('/editor/stories/:slug/articles/preview', requireEditor, upload, csrf, async (req, res) => {
    const story = await loadStory(param(req, 'slug'));
    await orArticleForm(req, res, story, async () => {
      const fields = readArticleFields(req);
      const article = checkArticleFields(fields, story);
      const note = checkNote(req);
      const input = readUpload(req);
      const clean = ingestUpload(input, identityOf(article, story.slug), 1);
      renderPreview(res, {
        mode: 'article',
        story,
        record: null,
        fields: { ...fields, slug: article.slug },
        upload: input,
        note,
        clean,
        change: null,
        action: `/editor/stories/${story.slug}/articles`,
        back: `/editor/stories/${story.slug}/articles/new`,
      });
    });
  });

  router.post('/editor/stories/:slug/articles', requireEditor, upload, csrf, async (req, res) => {
    const story = await loadStory(param(req, 'slug'));
    await orArticleForm(req, res, story, async () => {
      const article = checkArticleFields(readArticleFields(req), story);
      const note = checkNote(req);
      const input = readCarriedUpload(req);
      // Ingest again: the confirm step must not store anything the preview would have refused.
      ingestUpload(input, identityOf(article, story.slug), 1);
      const fingerprint = normalizedSha256(input.raw, input.contentType);
      const actor = editorName(res);
      const record = await deps.store.createArticle(article, actor, {
        raw: input.raw,
        contentType: input.contentType,
        normalizedSha256: fingerprint,
        uploadedBy: actor,
        note,
      });
      res.redirect(303, `/editor/articles/${record.id}/history?saved=1`);
    });
  });

  // ── New version ─────────────────────────────────────────────────────────────
  function renderVersionForm(
    res: Response,
    status: number,
    story: StorySummary,
    record: ArticleRecord,
    state: UploadFormState,
  ): void {
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

  async function orVersionForm(
    req: Request,
    res: Response,
    story: StorySummary,
    record: ArticleRecord,
    step: () => Promise<void>,
  ) {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      renderVersionForm(res, statusForInputError(error.code), story, record, formStateFrom(req, error.message));
    }
  }

  router.get('/editor/articles/:id/versions/new', requireEditor, async (req, res) => {
    const { record, story } = await loadArticle(param(req, 'id'));
    renderVersionForm(res, 200, story, record, {
      text: '',
      contentType: 'text/plain',
      note: '',
      error: null,
      filename: '',
    });
  });

  router.post('/editor/articles/:id/versions/new', requireEditor, upload, csrf, async (req, res) => {
    const { record, story } = await loadArticle(param(req, 'id'));
    renderVersionForm(res, 200, story, record, formStateFrom(req, null));
  });

  router.post('/editor/articles/:id/versions/preview', requireEditor, upload, csrf, async (req, res) => {
    const { record, story } = await loadArticle(param(req, 'id'));
    await orVersionForm(req, res, story, record, async () => {
      const note = checkNote(req);
      const input = readUpload(req);
      const number = (latestVersion(record)?.number ?? 0) + 1;
      const clean = ingestUpload(input, identityOf(record, story.slug), number);
      checkNotDuplicate(input, record);
      const change = await versions.changeFromLatest(record, clean);
      renderPreview(res, {
        mode: 'version',
        story,
        record,
        fields: null,
        upload: input,
        note,
        clean,
        change,
        action: `/editor/articles/${record.id}/versions`,
        back: `/editor/articles/${record.id}/versions/new`,
      });
    });
  });

  router.post('/editor/articles/:id/versions', requireEditor, upload, csrf, async (req, res) => {
    const { record, story } = await loadArticle(param(req, 'id'));
    await orVersionForm(req, res, story, record, async () => {
      const note = checkNote(req);
      const input = readCarriedUpload(req);
      const number = (latestVersion(record)?.number ?? 0) + 1;
      ingestUpload(input, identityOf(record, story.slug), number);
      const fingerprint = checkNotDuplicate(input, record);
      // The store appends atomically and refuses a duplicate of whatever is latest by then.
      const saved = await deps.store.addVersion({
        articleId: record.id,
        raw: input.raw,
        contentType: input.contentType,
        normalizedSha256: fingerprint,
        uploadedBy: editorName(res),
        note,
      });
      res.redirect(303, `/editor/articles/${record.id}/history?saved=${saved.number}`);
    });
  });

  // ── Preview ─────────────────────────────────────────────────────────────────
  interface PreviewModel {
    mode: 'article' | 'version';
    story: StorySummary;
    record: ArticleRecord | null;
    fields: ArticleFields | null;
    upload: Upload;
    note: string | null;
    clean: Article;
    change: VersionChange | null;
    action: string;
    back: string;
  }

  function renderPreview(res: Response, model: PreviewModel): void {
    // The page holds the upload: a shared cache or the back button after logout must not keep it.
    res.set('Cache-Control', 'no-store');
    res.render('editor/preview', {
      pageTitle: `Preview: ${model.clean.title || 'untitled'} · Parallax`,
      ...model,
      carried: {
        raw: encodeRaw(model.upload.raw),
        contentType: model.upload.contentType,
        filename: model.upload.filename ?? '',
        byteLength: model.upload.raw.byteLength,
      },
      bodyCount: model.clean.sentences.filter((s) => s.role === 'body').length,
    });
  }

  // ── History ─────────────────────────────────────────────────────────────────
  router.get('/editor/articles/:id/history', requireEditor, async (req, res) => {
    const { record, story } = await loadArticle(param(req, 'id'));
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
    const { record } = await loadArticle(param(req, 'id'));
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
