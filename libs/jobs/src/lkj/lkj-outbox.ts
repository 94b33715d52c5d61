import type { DataSource } from 'typeorm';
import { JobOutbox } from '../queue-runtime/job-outbox';
import { jobId } from '../queues';

export interface LkjIntent {
  satker: string;
  year: number;
  version: number;
  jobId: string;
  draft: boolean;
}

export function lkjJobId(satker: string, year: number, version: number): string {
  return jobId('lkj', satker, year, `v${version}`);
}

/** A version whose job failed its last attempt, as the worker's recovery noted it (`JobOutbox.recordFailures`). */
export interface LkjJobFailure {
  version: number;
  failedAttempts: number;
  lastFailedAt: Date;
  retryAt: Date | null;
}

/**
 * The outbox of LKj jobs: a row is written in the transaction that appends `LkjRequested`, so an
 * enqueue lost after commit (Redis down, process killed) is found again by the reconciliation.
 * Done: `produced_at`, set by the producer (in its transaction when it appends `LkjProduced`). It keeps
 * its job's failures (GET …/lkj/{year}, `retrying`); the recovery leaves alone the versions of an office
 * whose chain has an open alert (the job would be refused, LKJ.INTEGRITY_DAMAGED): the alert's
 * resolution queues them again (LkjProcessManager).
 */
export class LkjOutbox extends JobOutbox<LkjIntent, 'satker' | 'year' | 'version'> {
  constructor(dataSource: DataSource) {
    super(dataSource, {
      table: 'lkj_outbox',
      key: [
        { column: 'satker_code', field: 'satker', type: 'text' },
        { column: 'year', field: 'year', type: 'smallint' },
        { column: 'version', field: 'version', type: 'integer' },
      ],
      columns: [{ column: 'draft', field: 'draft', type: 'boolean' }],
      done: 'produced_at',
      jobId: (i) => lkjJobId(i.satker, i.year, i.version),
      failures: true,
      // An open chain alert, as LkjChainIntegrity reads them (not one about a stored file).
      heldWhere: `EXISTS (SELECT 1 FROM integrity_alerts a
                           WHERE a.satker_code = lkj_outbox.satker_code AND a.resolved_at IS NULL AND a.subject IS NULL)`,
    });
  }

  /** The office's versions of `year` not produced whose job failed its last attempt, ascending. */
  async failuresOf(satker: string, year: number): Promise<LkjJobFailure[]> {
    const rows: Array<{ version: number; failed_attempts: number; last_failed_at: Date; retry_at: Date | null }> = await this.dataSource.query(
      `SELECT version, failed_attempts, last_failed_at, retry_at FROM lkj_outbox
        WHERE satker_code = $1 AND year = $2 AND produced_at IS NULL AND failed_attempts > 0 ORDER BY version`,
      [satker, year],
    );
    return rows.map((r) => ({ version: Number(r.version), failedAttempts: Number(r.failed_attempts), lastFailedAt: r.last_failed_at, retryAt: r.retry_at }));
  }
}
