import type { DataSource } from 'typeorm';
import { JobOutbox } from '../../queue-runtime/job-outbox';
import { jobId } from '../../queues';

/** An alert to announce: its office, its id, the job's id. */
export interface IntegrityAlertNoticeIntent {
  satker: string;
  alertId: number;
  jobId: string;
}

/** `integrity-alert.<satker>.<alert id>`: the id `IntegrityService`'s insert writes in the same statement as the alert. */
export function integrityAlertNoticeJobId(satker: string, alertId: number): string {
  return jobId('integrity-alert', satker, alertId);
}

/**
 * The outbox of integrity alert notices. Unlike the other outboxes no process manager fills it: the
 * alert's own INSERT writes its row (`IntegrityService`), so every path that records an alert is
 * announced and none twice. Done: `announced_at`.
 */
export class IntegrityAlertNoticeOutbox extends JobOutbox<IntegrityAlertNoticeIntent, 'satker' | 'alertId'> {
  constructor(dataSource: DataSource) {
    super(dataSource, {
      table: 'integrity_alert_notice_outbox',
      key: [{ column: 'satker_code', field: 'satker', type: 'text' }, { column: 'alert_id', field: 'alertId', type: 'integer' }],
      columns: [],
      done: 'announced_at',
      jobId: (i) => integrityAlertNoticeJobId(i.satker, i.alertId),
    });
  }
}
