// A gzip request body counts against the byte limits as it inflates, not as it travels: 2.6 KB of gzip that
// inflates to more than the limit is refused with 413, without the inflated body ever being held whole.

import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB } from '../../src/config.js';
import { testApp } from './helpers.js';

describe('gzip request bodies', () => {
  it('are refused with 413 when they inflate past the limit, and read when they do not', async () => {
    const { app } = await testApp();
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/compare`;
    const post = async (body: Buffer) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body,
      });
      return { status: res.status, body: (await res.json()) as { error?: { code: string }; schemaVersion?: number } };
    };
    const text = 'a'.repeat(WEB.maxCompareBodyBytes + 1);
    const bomb = gzipSync(JSON.stringify({ left: { text }, right: { text: 'b' } }));
    expect(bomb.byteLength).toBeLessThan(5_000);
    const refused = await post(bomb);
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe('too-large');
    const small = gzipSync(
      JSON.stringify({
        left: { text: 'Seoul said 80 per cent agreed.' },
        right: { text: 'Seoul said 80 percent agreed.' },
      }),
    );
    const read = await post(small);
    expect(read.status).toBe(200);
    expect(read.body.schemaVersion).toBe(1);
    await new Promise((resolve) => server.close(resolve));
  });
});
