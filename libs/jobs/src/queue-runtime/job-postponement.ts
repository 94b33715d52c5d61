import { databaseUnavailable } from '@kinerja/platform';
import type { Job } from 'bullmq';

/** The first pause of a job the database could not serve; each further one doubles, up to POSTPONE_MAX_MS. */
export const POSTPONE_FIRST_MS = 1000;
/** The longest pause: a job is tried again at most this long after the database answers again. */
export const POSTPONE_MAX_MS = 15_000;
/**
 * How many times one job is put back before its failures count as attempts again: 240 (about an
 * hour of pauses of POSTPONE_MAX_MS). A job that keeps meeting "database unavailable" beyond that
 * may be failing for a reason of its own (a query the server refuses to run every time), so it uses
 * its attempts and is logged as any failure.
 */
export const POSTPONE_LIMIT = 240;

/**
 * How long to put a job back, rather than fail it, after `error`: while PostgreSQL is out of reach
 * (a restart, a failover, a short stop) no job can do its work, and counting such runs as attempts
 * made a 15–25 s stop exhaust the 3 attempts (5 s and 10 s apart) of every job running then; each
 * logged "Job failed on its last attempt" and waited for the outboxes' recovery. A postponed job
 * keeps its attempts (BullMQ's `moveToDelayed` does not count one) and is tried again 1, 2, 4, 8 and
 * then every 15 s, so it runs within seconds of the database's return. Null: fail it as usual (any
 * other error, or POSTPONE_LIMIT reached).
 */
export function postponementMs(job: Pick<Job, 'attemptsStarted' | 'attemptsMade'>, error: unknown): number | null {
  if (!databaseUnavailable(error)) return null;
  // Every start of the job that neither failed nor completed was a postponement (or a stall).
  const postponed = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
  if (postponed >= POSTPONE_LIMIT) return null;
  return Math.min(POSTPONE_MAX_MS, POSTPONE_FIRST_MS * 2 ** Math.min(postponed, 16));
}
