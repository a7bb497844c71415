// What the web app is built from. Only src/server.ts (and tests) construct this.

import type { Store } from '../store/types.js';
import type { ComparisonService } from './comparison-service.js';
import type { JobRunner } from './job-pool.js';

export type RunMode = 'development' | 'production' | 'test';

export interface AppDeps {
  store: Store;
  mode: RunMode;
  /** Secret for signing cookies and CSRF tokens: PARALLAX_SECRET, or random per process. */
  secret: string;
  /** Cookies get `Secure` when the app sits behind TLS (PARALLAX_TRUST_PROXY set). */
  secureCookies: boolean;
  /** Trust X-Forwarded-* headers from one proxy hop. */
  trustProxy: boolean;
  /** Where operational lines go (stderr in the server, a buffer in tests). */
  log: (line: string) => void;
  /** The comparisons, when the caller keeps them to warm after start (src/server.ts); otherwise the app makes its own. */
  comparisons?: ComparisonService;
  /** Where ingest and comparisons run: the server's pool of worker threads; without one (tests), in this thread. */
  jobs?: JobRunner;
}
