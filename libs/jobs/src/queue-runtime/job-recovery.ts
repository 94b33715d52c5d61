/**
 * How a worker brings Redis back to what PostgreSQL still expects of it, by itself: the jobs of the
 * outboxes (the LKj's, the notices') whose rows are not done, and the Job Schedulers the worker
 * registered. Redis may lose a job (restarted without its data, a failover to an empty replica) and a
 * job may fail its last attempt during an outage (the database, Redis or DATA_DIR away for longer than
 * its backoff); neither may leave a report or a notice waiting for a restart or the daily reconcile.
 */
export interface JobRecoveryOptions {
  /**
   * How often each worker compares them (JOB_RECOVERY_INTERVAL_SECONDS): an outbox's job Redis no
   * longer has is added again, one that failed is retried once due, a lost scheduler is registered
   * again. Null: only when a test asks.
   */
  everyMs: number | null;
  /**
   * How long after its last failure a failed job of an outbox is retried (JOB_RETRY_FAILED_AFTER_SECONDS):
   * the first time; each retry that fails again doubles the wait, up to RETRY_WAIT_CAP times as long.
   */
  retryFailedAfterMs: number;
}

export const JOB_RECOVERY = Symbol('JOB_RECOVERY');

export const DEFAULT_JOB_RECOVERY: JobRecoveryOptions = { everyMs: 15_000, retryFailedAfterMs: 60_000 };

/** The longest wait between two retries of a job that keeps failing, as a multiple of `retryFailedAfterMs`. */
export const RETRY_WAIT_CAP = 16;

/**
 * When a failed job is retried: `retryFailedAfterMs` after its last failure, doubled for each retry
 * already made (`retries`), at most RETRY_WAIT_CAP times as long (60 s: after 1, 2, 4, 8 and 16
 * minutes, then every 16), so a cause that lasts hours is not hammered, and one gone is noticed
 * within minutes.
 */
export function retryDueAt(failedAt: number, retries: number, retryFailedAfterMs: number): number {
  return failedAt + retryFailedAfterMs * Math.min(RETRY_WAIT_CAP, 2 ** Math.max(0, retries));
}

/** True once every `everyMs` (the first call included); never when `everyMs` is null. */
export class Every {
  private next = 0;

  constructor(private readonly everyMs: number | null, private readonly now: () => number = Date.now) {}

  due(): boolean {
    if (this.everyMs === null) return false;
    const now = this.now();
    if (now < this.next) return false;
    this.next = now + this.everyMs;
    return true;
  }
}
