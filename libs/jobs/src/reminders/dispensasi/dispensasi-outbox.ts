import type { DataSource } from 'typeorm';
import { JobOutbox } from '../../queue-runtime/job-outbox';
import { jobId } from '../../queues';

/** A dispensasi to announce now: the office, the `ReportDeadlineExtended` event, the job's id. */
export interface DispensasiIntent {
  satker: string;
  eventId: string;
  jobId: string;
}

export function dispensasiJobId(satker: string, eventId: string): string {
  return jobId('dispensasi', satker, eventId);
}

/**
 * The outbox of prompt dispensasi notices, as `LkjOutbox` is the LKj's: a row is written in the
 * transaction that moves the process manager's checkpoint past the grant, so a job lost between that
 * commit and the enqueue (worker killed, Redis away) is enqueued again from here. Done: `announced_at`.
 */
export class DispensasiOutbox extends JobOutbox<DispensasiIntent, 'satker' | 'eventId'> {
  constructor(dataSource: DataSource) {
    super(dataSource, {
      table: 'dispensasi_outbox',
      key: [{ column: 'satker_code', field: 'satker', type: 'text' }, { column: 'event_id', field: 'eventId', type: 'uuid' }],
      columns: [],
      done: 'announced_at',
      jobId: (i) => dispensasiJobId(i.satker, i.eventId),
    });
  }
}
