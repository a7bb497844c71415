// Bodies that many requests share (a student's story page, a comparison's JSON) are encoded once and
// kept; every later request costs a memory read, with gzip and conditional GETs for free.

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** A response body kept in memory: its bytes, their gzip form and an ETag. */
export interface CachedBody {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Encodes a body once for every later request: 77 KB of story page is ~10 KB gzipped on a phone's connection. */
export function cachedBody(text: string): CachedBody {
  const raw = Buffer.from(text, 'utf8');
  return { raw, gzip: gzipSync(raw), etag: `W/"${createHash('sha1').update(raw).digest('base64url')}"` };
}

/** Sends a cached body, gzipped when the client accepts it; Express answers 304 when the ETag matches. */
export function sendCachedBody(req: Request, res: Response, type: 'html' | 'json', body: CachedBody): void {
  res.type(type).set('ETag', body.etag).vary('Accept-Encoding');
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.set('Content-Encoding', 'gzip').send(body.gzip);
    return;
  }
  res.send(body.raw);
}
