// The history page: every version with uploader, note and the size of its change, and the diff between
// any two versions.

import { describe, expect, it } from 'vitest';
import { WEB_EDITOR } from '../../src/config.js';
import { fingerprint } from '../../src/ingest/index.js';
import { textVersion } from '../store/helpers.js';
import { editedSeed, loggedIn, makeApp, SEED_TEXT, seedArticleId } from './helpers.js';

describe('history page', () => {
  it('lists versions newest first and shows the diff between any two', async () => {
    const test = await makeApp();
    const agent = await loggedIn(test);
    const articleId = await seedArticleId(test.store);
    const add = async (text: string, note: string, by: string) => {
      const raw = new TextEncoder().encode(text);
      await test.store.addVersion({
        articleId,
        raw,
        contentType: 'text/plain',
        normalizedSha256: fingerprint(raw),
        uploadedBy: by,
        note,
      });
    };
    await add(editedSeed(), 'troop count corrected', 'alice');
    await add(
      `${editedSeed()}\nA later paragraph added on Friday by the outlet's desk.\n`,
      'late addition <b>bold</b>',
      'bob',
    );

    const page = await agent.get(`/editor/articles/${articleId}/history`);
    expect(page.status).toBe(200);
    const rows = [
      ...page.text.matchAll(
        /<tr class="(?:ed-selected)?">\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>[^<]+<\/td>\s*<td[^>]*>([^<]+)<\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g,
      ),
    ].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['3', 'bob', 'late addition &lt;b&gt;bold&lt;/b&gt;'],
      ['2', 'alice', 'troop count corrected'],
      ['1', 'corpus', 'Loaded from straits-times-afp.txt'],
    ]);
    expect(rows[1]?.[3]).toMatch(/added.*removed.*reworded; [+−]\d+ bytes/);
    expect(rows[2]?.[3]).toMatch(/^first version, \d+ bytes$/);
    // Default diff: the latest two versions.
    expect(page.text).toContain('From version 2 to version 3');

    const oneToThree = await agent.get(`/editor/articles/${articleId}/history?from=1&to=3`);
    expect(oneToThree.text).toContain('From version 1 to version 3');
    expect(oneToThree.text).toMatch(/<del>[^<]*10,000[^<]*<\/del>/);
    expect(oneToThree.text).toMatch(
      /ed-row-removed[^>]*><span class="ed-tag">removed<\/span> <del>“Everyone who joined/,
    );

    const bad = await agent.get(`/editor/articles/${articleId}/history?from=1&to=9`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('there is no version 9');

    // A pinned link a teacher can share: the story comparison with this version on the left.
    expect(page.text).toContain(`href="/stories/nk-pow-asylum?left=straits-times-afp%402"`);
    const pinned = await agent.get('/stories/nk-pow-asylum?left=straits-times-afp%402');
    expect(pinned.status).toBe(200);

    const raw = await agent.get(`/editor/articles/${articleId}/versions/1/raw`);
    expect(raw.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(raw.text).toBe(SEED_TEXT);
  });

  it('does not compare very long consecutive versions on the list, and says so', async () => {
    const test = await makeApp();
    const agent = await loggedIn(test);
    const articleId = await seedArticleId(test.store);
    const long = (n: number) =>
      Array.from(
        { length: 2_500 },
        (_, i) => `Paragraph ${i} of the long report says ${n + i} people were counted.`,
      ).join('\n\n');
    for (const text of [long(1), long(2), `${long(3)}\n\n${long(4)}`]) {
      const version = textVersion(articleId, text);
      expect(version.raw.byteLength).toBeGreaterThan(WEB_EDITOR.maxHistoryChangeBytes / 2);
      await test.store.addVersion(version);
    }
    const page = await agent.get(`/editor/articles/${articleId}/history?from=1&to=2`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('not counted here: the versions are over 300 KB; open their diff');
  });
});
