// Pure helpers of the editor forms: file types for uploads, URL keys, and the page after login.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { safeNext, urlKeyFor } from '../../src/web/editor-forms.js';
import { fileContentType, parseContentType } from '../../src/web/editor-upload.js';

describe('fileContentType', () => {
  it.each([
    ['article.txt', 'text/plain', 'text/plain'],
    ['Article.HTML', 'text/html', 'text/html'],
    ['page.htm', 'application/octet-stream', 'text/html'],
    ['notes.txt', '', 'text/plain'],
    ['clipboard', 'text/plain', 'text/plain'],
  ] as const)('%s sent as "%s" is %s', (name, mime, expected) => {
    expect(fileContentType(name, mime)).toBe(expected);
  });

  it.each([
    ['photo.png', 'image/png'],
    ['article.pdf', 'application/pdf'],
    ['photo.txt', 'image/png'],
    ['article.docx', 'application/octet-stream'],
  ])('%s sent as %s is refused as unsupported', (name, mime) => {
    expect(() => fileContentType(name, mime)).toThrow(InputError);
    try {
      fileContentType(name, mime);
    } catch (error) {
      expect((error as InputError).code).toBe('unsupported-type');
      expect((error as InputError).message).toContain(name);
    }
  });
});

describe('parseContentType', () => {
  it('defaults to plain text and refuses anything but text/plain and text/html', () => {
    expect(parseContentType(undefined)).toBe('text/plain');
    expect(parseContentType('text/html')).toBe('text/html');
    expect(() => parseContentType('application/pdf')).toThrow(/not supported/);
  });
});

describe('urlKeyFor', () => {
  it.each([
    ['The Straits Times AFP', 'the-straits-times-afp'],
    ['Yonhap (via a Los Angeles site)', 'yonhap-via-a-los-angeles-site'],
    ['Süddeutsche Zeitung', 'suddeutsche-zeitung'],
    ['  --  ', ''],
  ])('%s → %s', (text, slug) => {
    expect(urlKeyFor(text)).toBe(slug);
  });
});

describe('safeNext', () => {
  it.each([
    ['/editor/articles/1/history?from=1&to=2', '/editor/articles/1/history?from=1&to=2'],
    ['//evil.example/', '/editor'],
    ['/\\evil.example', '/editor'],
    ['https://evil.example/', '/editor'],
    ['javascript:alert(1)', '/editor'],
    [undefined, '/editor'],
    [['/a', '/b'], '/editor'],
  ])('%s → %s', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });
});
