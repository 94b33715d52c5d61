import { logFailure, logRetriedFailure } from '@kinerja/platform';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';

/**
 * Logs a job that failed, as BullMQ's `failed` event reports it. A job with attempts left runs
 * again after its backoff: the database out of reach is then an outage (one warning, no stack),
 * anything else an error with its stack. A job that used its last attempt is always an error (an
 * outage still without a stack), since its work is not done until someone (or a reconciler) runs
 * it again.
 */
export function logJobFailure(logger: Logger, job: Job | undefined, error: Error): void {
  const attempts = job?.opts.attempts ?? 1;
  const attemptsMade = job?.attemptsMade ?? attempts;
  const fields = { job: job?.name, jobId: job?.id, attemptsMade, attempts };
  if (attemptsMade < attempts) logRetriedFailure(logger, error, 'Job failed; it will run again', fields);
  else logFailure(logger, error, 'Job failed on its last attempt', fields);
}
