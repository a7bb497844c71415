// Reading an upload from a form or an API request: pasted text, or a .txt or .html file. Its size is the
// ingest's to check (one limit for every way in); the parser only stops a body far larger. Nothing here touches
// the store.

import path from 'node:path';
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { INGEST, WEB_EDITOR } from '../config.js';
import { InputError } from '../errors.js';
import type { ContentType } from '../types.js';

export interface Upload {
  /** The bytes exactly as uploaded (pasted text as UTF-8). */
  raw: Uint8Array;
  contentType: ContentType;
  /** The uploaded file's name, or null for pasted text. */
  filename: string | null;
}

const EXTENSION_TYPES: Record<string, ContentType> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};

/** Browsers label unknown files application/octet-stream; the extension then decides. */
const ACCEPTED_MIME = new Set(['text/plain', 'text/html', 'application/octet-stream', '']);

/** The content type of an uploaded file, or an InputError('unsupported-type') naming what was sent. */
export function fileContentType(filename: string, mimetype: string): ContentType {
  const fromExtension = EXTENSION_TYPES[path.extname(filename).toLowerCase()];
  const mime = mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
  if (fromExtension !== undefined && ACCEPTED_MIME.has(mime)) return fromExtension;
  if (fromExtension === undefined && (mime === 'text/plain' || mime === 'text/html') && path.extname(filename) === '') {
    return mime;
  }
  throw new InputError(
    'unsupported-type',
    `"${filename}" (${mime || 'no type'}) is not a .txt or .html file. Upload the article as plain text or a saved web page.`,
  );
}

export function parseContentType(value: unknown): ContentType {
  if (value === undefined || value === null || value === '' || value === 'text/plain') return 'text/plain';
  if (value === 'text/html') return 'text/html';
  throw new InputError(
    'unsupported-type',
    `Content type ${JSON.stringify(value)} is not supported: use text/plain or text/html.`,
  );
}

function multerError(error: unknown): unknown {
  if (!(error instanceof multer.MulterError)) return error;
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
    case 'LIMIT_FIELD_VALUE':
      return new InputError(
        'too-large',
        `The upload is larger than ${INGEST.maxInputBytes / 1024 / 1024} MB. Upload only the article, not a whole site.`,
      );
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return new InputError('bad-field', 'Upload one file, in the field named "file".');
    default:
      return new InputError('bad-field', `The form could not be read: ${error.message}.`);
  }
}

/**
 * Multipart parser for upload forms: one file in the field "file", kept in memory (2 MB at most), and text
 * fields large enough for pasted text up to the upload limit. Errors become InputErrors.
 */
export function uploadParser(): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: INGEST.maxInputBytes,
      files: 1,
      fields: 30,
      fieldSize: WEB_EDITOR.maxFieldBytes,
      parts: 32,
    },
    fileFilter: (_req, file, accept) => {
      try {
        fileContentType(file.originalname, file.mimetype);
        accept(null, true);
      } catch (error) {
        accept(error as Error);
      }
    },
  }).single('file');
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : multerError(error)));
  };
}

/** A string field of a parsed body, or '' when missing. Repeated fields are refused. */
export function field(req: Request, name: string): string {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object') return '';
  const value: unknown = (body as Record<string, unknown>)[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InputError('bad-field', `The field "${name}" must be sent once, as text.`);
  return value;
}

/**
 * The upload of a form: the file when one was chosen, else the pasted text (field "text", typed by the
 * field "contentType"). Throws InputError('empty') when neither was given.
 */
export function readUpload(req: Request): Upload {
  const file = req.file;
  if (file !== undefined && file.size > 0) {
    return {
      raw: new Uint8Array(file.buffer),
      contentType: fileContentType(file.originalname, file.mimetype),
      filename: path.basename(file.originalname),
    };
  }
  const text = field(req, 'text');
  if (text.trim() === '') {
    throw new InputError(
      'empty',
      file !== undefined ? `The file "${file.originalname}" is empty.` : 'Paste the article text or choose a file.',
    );
  }
  return {
    raw: new Uint8Array(Buffer.from(text, 'utf8')),
    contentType: parseContentType(field(req, 'contentType')),
    filename: null,
  };
}

/** A route parameter as one string ('' when missing). */
export function param(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}
