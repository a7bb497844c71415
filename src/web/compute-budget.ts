// A per-address budget of comparisons computed on request. A page view or an API call that hits the cache costs
// nothing and counts for nothing; one that has to compute a pair nobody asked for before (any two pinned versions
// of a story: `?left=a@3&right=b@7`) takes one unit, so one client cannot fill the workers and the cache by
// walking through every pair of versions.

import { BoundedCache } from './bounded-cache.js';

/** The address has used its budget of computed comparisons for now. The request gets 429 with Retry-After. */
export class ComputeBudgetError extends Error {
  override readonly name = 'ComputeBudgetError';
  constructor(readonly retryAfterSeconds: number) {
    super(
      `This address has asked for many comparisons that had to be computed. Try again in ${retryAfterSeconds} s; pages already computed still open.`,
    );
  }
}

/** Addresses tracked at once; the least recently seen are forgotten first. */
const ADDRESSES = 10_000;

export class ComputeBudget {
  private readonly windows = new BoundedCache<{ start: number; used: number }>(ADDRESSES);

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one unit of `address`'s budget, or throws ComputeBudgetError when none is left in this window. */
  take(address: string): void {
    const now = this.now();
    let window = this.windows.get(address);
    if (window === undefined || now - window.start >= this.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(address, window);
    }
    if (window.used >= this.perWindow) {
      throw new ComputeBudgetError(Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)));
    }
    window.used++;
  }
}
