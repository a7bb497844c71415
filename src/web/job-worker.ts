// A worker thread of the job pool (src/web/job-pool.ts): runs each job it is sent and answers with its result, or
// with the error it threw (an InputError keeps its code, so the web layer answers as it would in-process).

import { parentPort } from 'node:worker_threads';
import type { JobRequest } from './jobs.js';
import { runJob } from './jobs.js';

const port = parentPort;
if (port === null) throw new Error('job-worker.ts runs only as a worker thread; this is a bug');

port.on('message', (request: JobRequest) => {
  try {
    port.postMessage({ ok: true, value: runJob(request) });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    const code = (error as { code?: unknown }).code;
    port.postMessage({ ok: false, error: { name, message, ...(typeof code === 'string' ? { code } : {}) } });
  }
});
