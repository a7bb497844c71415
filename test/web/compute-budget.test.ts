// Comparisons computed on request count against a per-address budget; pages served from the cache never do.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { WEB } from '../../src/config.js';
import { ComputeBudget, ComputeBudgetError } from '../../src/web/compute-budget.js';
import { textVersion } from '../store/helpers.js';
import { testApp } from './helpers.js';

describe('the compute budget', () => {
  it('allows so many units per address and window, then refuses with the seconds left, and starts again', () => {
    let clock = 0;
    const budget = new ComputeBudget(2, 60_000, () => clock);
    budget.take('a');
    budget.take('a');
    budget.take('b');
    expect(() => budget.take('a')).toThrow(ComputeBudgetError);
    clock = 45_000;
    try {
      budget.take('a');
    } catch (error) {
      expect((error as ComputeBudgetError).retryAfterSeconds).toBe(15);
    }
    clock = 60_000;
    expect(() => budget.take('a')).not.toThrow();
  });

  it('answers 429 with Retry-After once an address has computed its share, while cached pages still open', async () => {
    const test = await testApp();
    const story = await test.store.createStory({ slug: 'many-versions', title: 'Many versions' }, 'test');
    const article = await test.store.createArticle({ storyId: story.id, slug: 'wire', outlet: 'Wire' }, 'test');
    for (let n = 1; n <= 9; n++) {
      const text = `The council said ${n * 10} people were hurt on Monday.\n\nVersion ${n} of the report.`;
      await test.store.addVersion(textVersion(article.id, text, 'test'));
    }
    const agent = request(test.app);
    // 36 pairs of versions, each computed the first time it is asked.
    const pairs: string[] = [];
    for (let a = 1; a <= 9; a++) for (let b = a + 1; b <= 9; b++) pairs.push(`left=wire@${a}&right=wire@${b}`);
    const statuses: number[] = [];
    let refusal: request.Response | null = null;
    for (const pair of pairs) {
      const res = await agent.get(`/stories/many-versions?${pair}`);
      statuses.push(res.status);
      if (res.status === 429) {
        refusal = res;
        break;
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(WEB.computedComparisonsPerWindow);
    expect(refusal?.headers['retry-after']).toMatch(/^\d+$/);
    expect(refusal?.text).toContain('pages already computed still open');
    // A pair computed before opens as before, from the cache; so does the API's copy of it.
    await agent.get(`/stories/many-versions?${pairs[0]}`).expect(200);
    await agent.get(`/api/stories/many-versions/compare?${pairs[0]}`).expect(200);
  });
});
