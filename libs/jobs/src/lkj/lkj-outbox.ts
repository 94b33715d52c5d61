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

/**
 * The outbox of LKj jobs: a row is written in the transaction that appends `LkjRequested`, so an
 * enqueue lost after commit (Redis down, process killed) is found again by the reconciliation.
 * Done: `produced_at`, set by the producer (in its transaction when it appends `LkjProduced`).
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
    });
  }
}
