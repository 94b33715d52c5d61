import type { DataSource } from 'typeorm';
import { JobOutbox } from '../../queue-runtime/job-outbox';
import { jobId } from '../../queues';

/** A PK's or an LKj's event to announce: the office, the stream, the event, the job's id. */
export interface PkLkjNoticeIntent {
  satker: string;
  streamId: string;
  eventId: string;
  jobId: string;
}

export function pkLkjNoticeJobId(satker: string, eventId: string): string {
  return jobId('pk-lkj', satker, eventId);
}

/** The outbox of PK and LKj notices, as `CatatanReviuNoticeOutbox` is the notes'. Done: `announced_at`. */
export class PkLkjNoticeOutbox extends JobOutbox<PkLkjNoticeIntent, 'satker' | 'eventId'> {
  constructor(dataSource: DataSource) {
    super(dataSource, {
      table: 'pk_lkj_notice_outbox',
      key: [{ column: 'satker_code', field: 'satker', type: 'text' }, { column: 'event_id', field: 'eventId', type: 'uuid' }],
      columns: [{ column: 'stream_id', field: 'streamId', type: 'text' }],
      done: 'announced_at',
      jobId: (i) => pkLkjNoticeJobId(i.satker, i.eventId),
    });
  }
}
