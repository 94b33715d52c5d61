import type { DataSource } from 'typeorm';
import { JobOutbox } from '../../queue-runtime/job-outbox';
import { jobId } from '../../queues';

/** A note's event to announce: the office reviewed, the note's stream, the event, the job's id. */
export interface CatatanReviuNoticeIntent {
  satker: string;
  streamId: string;
  eventId: string;
  jobId: string;
}

export function catatanReviuNoticeJobId(satker: string, eventId: string): string {
  return jobId('catatan-reviu', satker, eventId);
}

/**
 * The outbox of catatan reviu notices, as `DispensasiOutbox` is the dispensasi's: a row is written
 * in the transaction that moves the process manager's checkpoint past the event, so a job lost
 * between that commit and the enqueue is enqueued again from here. Done: `announced_at`.
 */
export class CatatanReviuNoticeOutbox extends JobOutbox<CatatanReviuNoticeIntent, 'satker' | 'eventId'> {
  constructor(dataSource: DataSource) {
    super(dataSource, {
      table: 'catatan_reviu_notice_outbox',
      key: [{ column: 'satker_code', field: 'satker', type: 'text' }, { column: 'event_id', field: 'eventId', type: 'uuid' }],
      columns: [{ column: 'stream_id', field: 'streamId', type: 'text' }],
      done: 'announced_at',
      jobId: (i) => catatanReviuNoticeJobId(i.satker, i.eventId),
    });
  }
}
