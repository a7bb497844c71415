// Heavy work off the event loop: a fixed pool of worker threads runs the jobs of src/web/jobs.ts, each with a time
// budget. Past its budget a job's worker is terminated (the only way to stop a runaway synchronous job) and
// replaced, and the caller gets JobTimeoutError; a full queue answers PoolBusyError at once. So a request that
// costs minutes cannot hold up the pages that cost milliseconds: the web process only routes, renders and reads
// caches.
//
// node:worker_threads directly rather than piscina: the pool needs one thing piscina hides, terminating the
// worker of a job that overruns and reporting it as its own error, and it is small enough to read in one sitting.
// Node 20 has no per-thread CPU clock, so the budget is wall time from the job's start in a worker; the pool is
// never larger than the machine's cores, so a job's wall time is close to its CPU time.

import { Worker } from 'node:worker_threads';
import { InputError, type InputErrorCode, NotFoundError } from '../errors.js';
import { type JobRequest, type JobResult, runJob } from './jobs.js';

/** A job ran past its budget and was stopped. The request gets 422: this input is too complex to handle. */
export class JobTimeoutError extends Error {
  override readonly name = 'JobTimeoutError';
  constructor(readonly budgetMs: number) {
    super(`This text is too complex to compare: the work was stopped after ${budgetMs / 1000} s.`);
  }
}

/** Every worker is busy and the queue is full. The request gets 503 with Retry-After. */
export class PoolBusyError extends Error {
  override readonly name = 'PoolBusyError';
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is busy comparing other texts. Try again in ${retryAfterSeconds} s.`);
  }
}

export interface JobRunner {
  run<R extends JobRequest>(request: R, budgetMs: number): Promise<JobResult<R>>;
  close(): Promise<void>;
}

/** Runs jobs in this thread, without budgets: for tests of the pages and for one-off tools. */
export function inlineRunner(): JobRunner {
  return {
    run: async (request) => runJob(request),
    close: async () => {},
  };
}

export interface PoolOptions {
  /** Worker threads; at most the machine's cores. */
  size: number;
  /** Jobs waiting for a worker, at most; one more is refused with PoolBusyError. */
  maxQueue: number;
  /** Seconds a client is asked to wait when the queue is full. */
  retryAfterSeconds: number;
}

interface Task {
  request: JobRequest;
  budgetMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

type WorkerReply =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; code?: InputErrorCode; message: string } };

/**
 * A worker thread: the compiled script next to this file, or in development and tests (running from the source)
 * the source through tsx, registered inside the worker first (`--import tsx` in a worker's execArgv does not
 * reach its main module on Node 20).
 */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./job-worker.js', import.meta.url));
  const source = JSON.stringify(new URL('./job-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })`, {
    eval: true,
  });
}

function revive(error: { name: string; code?: InputErrorCode; message: string }): Error {
  if (error.name === 'InputError' && error.code !== undefined) return new InputError(error.code, error.message);
  if (error.name === 'NotFoundError') return new NotFoundError(error.message);
  return new Error(error.message);
}

export function createJobPool(options: PoolOptions): JobRunner {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closed = false;

  function spawn(slot?: Slot): Slot {
    const worker = newWorker();
    const fresh: Slot = slot ?? { worker, task: null, timer: null };
    fresh.worker = worker;
    worker.on('message', (reply: WorkerReply) => {
      if (fresh.worker !== worker) return;
      const task = finish(fresh);
      if (task === null) return;
      if (reply.ok) task.resolve(reply.value);
      else task.reject(revive(reply.error));
      dispatch();
    });
    worker.on('error', (error) => {
      if (fresh.worker !== worker) return;
      // A crash in a worker fails its job; the pool goes on with a new worker.
      finish(fresh)?.reject(error);
      replace(fresh);
    });
    return fresh;
  }

  function finish(slot: Slot): Task | null {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const task = slot.task;
    slot.task = null;
    return task;
  }

  function replace(slot: Slot): void {
    const old = slot.worker;
    void old.terminate();
    if (!closed) {
      spawn(slot);
      dispatch();
    }
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.task !== null) continue;
      const task = queue.shift();
      if (task === undefined) return;
      slot.task = task;
      slot.timer = setTimeout(() => {
        finish(slot)?.reject(new JobTimeoutError(task.budgetMs));
        replace(slot);
      }, task.budgetMs);
      slot.worker.postMessage(task.request);
    }
  }

  for (let i = 0; i < options.size; i++) slots.push(spawn());

  return {
    run<R extends JobRequest>(request: R, budgetMs: number): Promise<JobResult<R>> {
      if (closed) return Promise.reject(new Error('the job pool is closed'));
      const idle = slots.some((slot) => slot.task === null);
      if (!idle && queue.length >= options.maxQueue) {
        return Promise.reject(new PoolBusyError(options.retryAfterSeconds));
      }
      return new Promise<JobResult<R>>((resolve, reject) => {
        queue.push({ request, budgetMs, resolve: resolve as (value: unknown) => void, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the server is shutting down'));
      await Promise.all(
        slots.map(async (slot) => {
          finish(slot)?.reject(new Error('the server is shutting down'));
          await slot.worker.terminate();
        }),
      );
    },
  };
}
