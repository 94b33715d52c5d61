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
 * announced and none twice. The open alerts recorded without one (before this outbox existed, or by a
 * process of the release before during a rolling deploy) are given theirs by `recordUnannounced`.
 * Done: `announced_at`.
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

  /**
   * Writes the row of every open alert that has none, as the alert's INSERT would have (requested at
   * its detection), and answers them. An alert has one row at most (the primary key), so running it
   * again, on another worker or after a restart, writes nothing more; a closed alert is not announced.
   */
  async recordUnannounced(limit = 1000): Promise<IntegrityAlertNoticeIntent[]> {
    const alerts: Array<{ satker_code: string; id: string; detected_at: Date }> = await this.dataSource.query(
      `SELECT a.satker_code, a.id, a.detected_at FROM integrity_alerts a
        WHERE a.resolved_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM integrity_alert_notice_outbox o WHERE o.satker_code = a.satker_code AND o.alert_id = a.id)
        ORDER BY a.detected_at, a.satker_code, a.id LIMIT $1`,
      [limit],
    );
    const intents: IntegrityAlertNoticeIntent[] = [];
    for (const a of alerts) intents.push(await this.record(this.dataSource.manager, { satker: a.satker_code, alertId: Number(a.id) }, new Date(a.detected_at)));
    return intents;
  }
}
