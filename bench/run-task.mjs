/** Starts a measurement worker and stops it when it exceeds its time limits. */
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./measure-worker.mjs', import.meta.url);

/** Time allowed for importing modules and building the input, before the first call. */
const SETUP_LIMIT_MS = 60_000;

/**
 * Runs one subject on one workload in a worker thread. Resolves, never
 * rejects, with one of:
 * - `{ status: 'ok', ...result }`
 * - `{ status: 'error', error }` when the subject threw
 * - `{ status: 'timeout', phase, limitMs }` when the first call took longer
 *   than `probeLimitMs` (phase `probe`), or setup or measuring took too long
 */
export function runTask({ probeLimitMs, resourceLimits, ...workerData }) {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, { workerData, resourceLimits });
    let timer;
    let settled = false;

    const finish = (outcome) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };

    const limit = (phase, limitMs) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ status: 'timeout', phase, limitMs }), limitMs);
    };

    limit('setup', SETUP_LIMIT_MS);

    worker.on('message', (message) => {
      if (message.type === 'ready') {
        limit('probe', probeLimitMs);
      } else if (message.type === 'probe') {
        // The budget bounds sampling, but one slow call may run past it, and
        // tinybench takes at least 3 samples unless one call exceeds the budget.
        limit('measure', Math.max(workerData.budgetMs * 3, message.ms * 6) + 10_000);
      } else if (message.type === 'result') {
        finish({ status: 'ok', ...message.result });
      } else if (message.type === 'error') {
        finish({ status: 'error', error: message.error });
      }
    });

    worker.on('error', (error) => {
      finish({ status: 'error', error: { name: error.name, message: error.message, code: error.code } });
    });

    worker.on('exit', (code) => {
      finish({ status: 'error', error: { name: 'Error', message: `worker exited with code ${code} before reporting a result` } });
    });
  });
}
