// Uploads through the editor pages: preview, confirm, exact raw bytes, refusals that change nothing.

import { beforeAll, describe, expect, it } from 'vitest';
import { INGEST } from '../../src/config.js';
import {
  type Agent,
  csrfFrom,
  editedSeed,
  loggedIn,
  makeApp,
  SEED_TEXT,
  seedArticleId,
  snapshot,
  type TestApp,
} from './helpers.js';

const XSS_ARTICLE = [
  'SEOUL – The ministry said on Wednesday that <script>window.__pwned = 1; alert("xss")</script> talks would resume next month.',
  '',
  'Officials shared a photo <img src=x onerror="window.__pwned = 2"> of the meeting, which lasted three hours.',
  '',
  'Readers can find the full statement <a href="javascript:window.__pwned=3">on the ministry website</a> after noon.',
  '',
  'The talks are the first since the two sides met in Geneva in January, officials said.',
].join('\n');

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (match?.[1] === undefined) throw new Error(`no hidden field ${name}`);
  return match[1];
}

describe('uploading a new version', () => {
  let test: TestApp;
  let agent: Agent;
  let articleId: number;

  beforeAll(async () => {
    test = await makeApp();
    agent = await loggedIn(test);
    articleId = await seedArticleId(test.store);
  });

  async function preview(fields: Record<string, string>, file?: { buffer: Buffer; name: string; type: string }) {
    const csrf = await csrfFrom(agent, `/editor/articles/${articleId}/versions/new`);
    const req = agent.post(`/editor/articles/${articleId}/versions/preview`).field('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    if (file) req.attach('file', file.buffer, { filename: file.name, contentType: file.type });
    return req;
  }

  it('previews pasted text without storing it, shows the change, then stores the exact bytes on confirm', async () => {
    const before = await snapshot(test.store);
    const text = editedSeed();
    const res = await preview({ text, contentType: 'text/plain', note: 'outlet updated the troop count' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Check before saving');
    // Sentences, removed lines with their rules, and the change from version 1.
    expect(res.text).toContain('Ri told the daily');
    expect(res.text).toMatch(/<td>PHOTO: AFP<\/td><td><code>[a-z-]+<\/code><\/td>/);
    expect(res.text).toMatch(/ed-row-reworded[\s\S]*<del>[^<]*10,000[^<]*<\/del>[\s\S]*<ins>[^<]*11,000[^<]*<\/ins>/);
    expect(res.text).toMatch(/ed-row-removed[^>]*><span class="ed-tag">removed<\/span> <del>“Everyone who joined/);
    expect(res.text).toMatch(/ed-row-added[^>]*><span class="ed-tag">added<\/span> <ins>Ukraine&#39;s military/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await snapshot(test.store)).toBe(before);

    expect(res.text).toContain('The upload waits on the server for an hour, for you only.');
    // The page carries only the pending upload's id, not the upload.
    expect(res.text).not.toContain('name="raw"');
    expect(res.text.length).toBeLessThan(text.length * 6);
    const csrf = hidden(res.text, '_csrf');
    const confirm = await agent
      .post(`/editor/articles/${articleId}/versions`)
      .field('_csrf', csrf)
      .field('pending', hidden(res.text, 'pending'))
      .field('note', 'outlet updated the troop count');
    expect(confirm.status).toBe(303);
    expect(confirm.headers.location).toBe(`/editor/articles/${articleId}/history?saved=2`);
    const stored = await test.store.getVersion(articleId);
    expect(stored?.number).toBe(2);
    expect(Buffer.from(stored?.raw ?? []).toString('utf8')).toBe(text);
    expect(stored?.uploadedBy).toBe('alice');
    expect(stored?.note).toBe('outlet updated the troop count');
  });

  it('"Go back" from the preview returns to the form with the pasted text and note filled in', async () => {
    const text = `${editedSeed()}\nGo-back marker sentence, kept & escaped <b>as text</b>.\n`;
    const res = await preview({ text, note: 'keep me' });
    expect(res.status).toBe(200);
    expect(res.text).toContain(`formaction="/editor/articles/${articleId}/versions/new"`);
    const back = await agent
      .post(`/editor/articles/${articleId}/versions/new`)
      .field('_csrf', hidden(res.text, '_csrf'))
      .field('pending', hidden(res.text, 'pending'))
      .field('note', 'keep me');
    expect(back.status).toBe(200);
    expect(back.text).toContain('Go-back marker sentence, kept &amp; escaped &lt;b&gt;as text&lt;/b&gt;.');
    expect(back.text).toContain('value="keep me"');
  });

  it('keeps the bytes of an uploaded .txt file exactly (CRLF, BOM) and reads .html pages', async () => {
    const bytes = Buffer.from(`\uFEFF${editedSeed().replace(/\n/g, '\r\n')}A correction was appended.\r\n`, 'utf8');
    const res = await preview({}, { buffer: bytes, name: 'straits.txt', type: 'text/plain' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('(straits.txt)');
    const saved = await agent
      .post(`/editor/articles/${articleId}/versions`)
      .field('_csrf', hidden(res.text, '_csrf'))
      .field('pending', hidden(res.text, 'pending'));
    expect(saved.status).toBe(303);
    expect(Buffer.from((await test.store.getVersion(articleId))?.raw ?? []).equals(bytes)).toBe(true);

    const html = Buffer.from(
      `<!doctype html><html><head><title>Seoul backs POWs</title></head><body><nav>Home | World</nav><article><h1>Seoul backs POWs</h1>${SEED_TEXT.split(
        /\n\n+/,
      )
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('')}<p>The ministry added a line on Thursday.</p></article></body></html>`,
    );
    const page = await preview({}, { buffer: html, name: 'page.html', type: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('bytes of HTML');
    expect(page.text).toContain('The ministry added a line on Thursday.');
  });

  it('refuses bad uploads with a 4xx and a message, and changes nothing', async () => {
    const before = await snapshot(test.store);
    const cases: Array<
      [string, number, RegExp, Record<string, string>, { buffer: Buffer; name: string; type: string }?]
    > = [
      [
        'png',
        415,
        /not a \.txt or \.html file/,
        {},
        { buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]), name: 'a.png', type: 'image/png' },
      ],
      [
        'file over 2 MB',
        413,
        /larger than 2 MB/,
        {},
        { buffer: Buffer.alloc(INGEST.maxInputBytes + 1, 'a'), name: 'big.txt', type: 'text/plain' },
      ],
      [
        'pasted text over 2 MB',
        413,
        /larger than 2 MB|limit is 2 MB|limit is 2097152 bytes/,
        { text: 'word '.repeat(INGEST.maxInputBytes / 5 + 1) },
      ],
      ['nothing', 400, /Paste the article text or choose a file/, { text: '' }],
      ['empty file', 400, /is empty/, {}, { buffer: Buffer.alloc(0), name: 'empty.txt', type: 'text/plain' }],
      [
        'binary',
        422,
        /binary/,
        {},
        { buffer: Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0x10, 0x00, 0x41]), name: 'x.txt', type: 'text/plain' },
      ],
      [
        'invalid UTF-8',
        422,
        /UTF-8/,
        {},
        {
          buffer: Buffer.from([0x53, 0x65, 0x6f, 0x75, 0x6c, 0x20, 0xc3, 0x28, 0x20, 0xff]),
          name: 'x.txt',
          type: 'text/plain',
        },
      ],
      [
        'HTML without article text',
        422,
        /./,
        { text: '<html><body><nav>Home</nav><footer>© 2025</footer></body></html>', contentType: 'text/html' },
      ],
      ['unknown content type', 415, /not supported/, { text: 'Some text.', contentType: 'application/pdf' }],
    ];
    for (const [name, status, message, fields, file] of cases) {
      const res = await preview(fields, file);
      expect(res.status, name).toBe(status);
      expect(res.text, name).toMatch(message);
    }
    expect(await snapshot(test.store)).toBe(before);
  });

  it('refuses an upload identical to the latest version with a friendly message, also with CRLF line ends', async () => {
    const latest = await test.store.getVersion(articleId);
    const text = Buffer.from(latest?.raw ?? []).toString('utf8');
    const before = await snapshot(test.store);
    for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
      const res = await preview({ text: variant });
      expect(res.status).toBe(409);
      expect(res.text).toContain(`the same as version ${latest?.number}`);
      expect(res.text).toContain('nothing new to save');
    }
    expect(await snapshot(test.store)).toBe(before);
  });

  it('saves a preview once: the same confirm sent again is refused, and the first save stands', async () => {
    const res = await preview({ text: `${editedSeed()}\nA sentence only this upload has, for the replay test.\n` });
    expect(res.status).toBe(200);
    const confirm = () =>
      agent
        .post(`/editor/articles/${articleId}/versions`)
        .field('_csrf', hidden(res.text, '_csrf'))
        .field('pending', hidden(res.text, 'pending'));
    expect((await confirm()).status).toBe(303);
    const after = await snapshot(test.store);
    const replay = await confirm();
    expect(replay.status).toBe(410);
    expect(replay.text).toContain('Upload the article again');
    expect(await snapshot(test.store)).toBe(after);
  });

  it('shows an article full of markup as text: no script, no image, no javascript: link', async () => {
    const res = await preview({ text: XSS_ARTICLE, contentType: 'text/plain' });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>window');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('href="javascript:');
    expect(res.text).toContain('&lt;script&gt;window.__pwned = 1;');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");

    // The same hostile paragraphs inside a saved web page, with the article text escaped the way HTML
    // escapes it: whatever the extractor keeps comes out as text.
    const page = `<html><head><title>Talks</title><script>window.__pwned = 9</script></head><body><article>${XSS_ARTICLE.split(
      '\n\n',
    )
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
      .join(
        '',
      )}<p><img src=x onerror="window.__pwned = 10"><a href="javascript:window.__pwned=11">more</a></p></article></body></html>`;
    const html = await preview({}, { buffer: Buffer.from(page), name: 'talks.html', type: 'text/html' });
    expect(html.status).toBe(200);
    const body = html.text.slice(html.text.indexOf('<main'));
    expect(body).not.toMatch(/<script|<img|href="javascript:|onerror="/i);
    expect(body).toContain('&lt;script&gt;window.__pwned = 1;');
  });
});

describe('adding an article to a story', () => {
  it('creates the story, previews the article and stores article + version 1 on confirm', async () => {
    const test = await makeApp();
    const agent = await loggedIn(test);
    const storyCsrf = await csrfFrom(agent, '/editor/stories/new');
    const story = await agent
      .post('/editor/stories')
      .type('form')
      .send({ _csrf: storyCsrf, title: 'Talks resume in Geneva' });
    expect(story.status).toBe(303);
    expect(story.headers.location).toBe('/editor/stories/talks-resume-in-geneva/articles/new');

    const csrf = await csrfFrom(agent, '/editor/stories/talks-resume-in-geneva/articles/new');
    const fields = {
      outlet: 'The Straits Times',
      agency: 'AFP',
      url: 'https://www.straitstimes.com/asia/example',
      published: '2025-02-19',
      language: 'en',
    };
    const before = await snapshot(test.store);
    const previewReq = agent.post('/editor/stories/talks-resume-in-geneva/articles/preview').field('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) previewReq.field(name, value);
    const preview = await previewReq.field('text', SEED_TEXT);
    expect(preview.status).toBe(200);
    expect(await snapshot(test.store)).toBe(before);

    // "Go back" brings the article fields back, with the key the preview chose.
    const back = await agent
      .post('/editor/stories/talks-resume-in-geneva/articles/new')
      .field('_csrf', hidden(preview.text, '_csrf'))
      .field('pending', hidden(preview.text, 'pending'));
    expect(back.status).toBe(200);
    expect(back.text).toContain('value="the-straits-times-afp"');
    expect(back.text).toContain('value="https://www.straitstimes.com/asia/example"');

    const saved = await agent
      .post('/editor/stories/talks-resume-in-geneva/articles')
      .field('_csrf', hidden(preview.text, '_csrf'))
      .field('pending', hidden(preview.text, 'pending'));
    expect(saved.status).toBe(303);
    const article = await test.store.getArticleBySlug('talks-resume-in-geneva', 'the-straits-times-afp');
    expect(article?.agency).toBe('AFP');
    expect(article?.versions.map((v) => v.number)).toEqual([1]);
    expect(Buffer.from((await test.store.getVersion(article?.id ?? 0))?.raw ?? []).toString('utf8')).toBe(SEED_TEXT);
    expect(saved.headers.location).toBe(`/editor/articles/${article?.id}/history?saved=1`);
  });

  it('refuses missing or bad fields with a message and keeps the pasted text in the form', async () => {
    const test = await makeApp();
    const agent = await loggedIn(test);
    const csrf = await csrfFrom(agent, '/editor/stories/nk-pow-asylum/articles/new');
    const before = await snapshot(test.store);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ outlet: '' }, /Outlet is required/],
      [{ outlet: 'X', url: 'javascript:alert(1)' }, /must start with http/],
      [{ outlet: 'X', published: '2025-02-30' }, /not a date/],
      [{ outlet: 'The Straits Times', agency: 'AFP', slug: 'straits-times-afp' }, /already has an article/],
    ];
    for (const [fields, message] of cases) {
      const req = agent.post('/editor/stories/nk-pow-asylum/articles/preview').field('_csrf', csrf);
      for (const [name, value] of Object.entries(fields)) req.field(name, value);
      const res = await req.field('text', 'Pasted text that must survive.');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.text).toMatch(message);
      expect(res.text).toContain('Pasted text that must survive.');
    }
    expect(await snapshot(test.store)).toBe(before);
  });
});
