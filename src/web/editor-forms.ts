// Small helpers for the editor's forms: URL keys and the page to return to after logging in.

/** "The Straits Times" + "AFP" → "the-straits-times-afp": a URL key when the editor gives none. */
export function urlKeyFor(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * Where to go after logging in: only a path on this site. "//evil.example" and "/\evil.example" are
 * protocol-relative in browsers, so they fall back to the editor home.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\]*$/.test(value) || value.length > 2_000) return '/editor';
  return value;
}
