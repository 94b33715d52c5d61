import { Inject, Injectable } from '@nestjs/common';
import { SatkerScopeService } from '@kinerja/identity/scope/satker-scope.service';
import { Clock, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OutboxDispatcher, type DispatchResult } from '../../notifications/outbox-dispatcher';
import type { RecordedReminder } from '../../notifications/reminder-recorder';
import { JobHandler } from '../../queue-runtime/job-handler.decorator';
import { JobQueues } from '../../queue-runtime/job-queues';
import type { JobPayloads } from '../../queues';
import { NoticeRecorder } from '../notice-recorder';
import { OutboxNotices, type OutboxNoticeOptions } from '../outbox-notices';
import { integrityAlertRecipients, planIntegrityAlertNotice, type IntegrityAlertPerson } from './integrity-alert-notice';
import { IntegrityAlertNoticeOutbox, type IntegrityAlertNoticeIntent } from './integrity-alert-notice-outbox';

export const INTEGRITY_ALERT_NOTICE_OPTIONS = Symbol('INTEGRITY_ALERT_NOTICE_OPTIONS');

export type IntegrityAlertNoticeOptions = OutboxNoticeOptions;


/**
 * A newly recorded integrity alert is announced within seconds to the Inspektorat in scope and the
 * office's ADMIN. The alert's INSERT writes its outbox row (whoever recorded it, the CLI without
 * Redis included), and the poll writes one for an open alert that has none (recorded before the
 * outbox existed); the poll enqueues one `reminders.integrity-alert` job per row (id
 * `integrity-alert.<satker>.<alert id>`), which records the notice under its key (once) with
 * `NoticeRecorder` and sends the e-mails.
 */
@Injectable()
export class IntegrityAlertNotices extends OutboxNotices<IntegrityAlertNoticeIntent, 'satker' | 'alertId', 'reminders.integrity-alert'> {
  /** The offices above the damaged one: their Inspektorat's scope reaches it (identity's rule and query). */
  private readonly scope: SatkerScopeService;

  constructor(
    outbox: IntegrityAlertNoticeOutbox,
    private readonly recorder: NoticeRecorder,
    queues: JobQueues,
    private readonly dataSource: DataSource,
    dispatcher: OutboxDispatcher,
    clock: Clock,
    @Inject(INTEGRITY_ALERT_NOTICE_OPTIONS) options: IntegrityAlertNoticeOptions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    // No log to follow: the rows are written with the alerts, and every poll finds those not enqueued;
    // its catch-up writes the rows of open alerts recorded without one (before the outbox existed).
    super({ catchUp: () => outbox.recordUnannounced() }, outbox, queues, dispatcher, clock, logger, {
      name: 'reminders.integrity-alert', payload: (i: IntegrityAlertNoticeIntent) => ({ satker: i.satker, alertId: i.alertId }),
      rowOf: (p) => ({ satker: p.satker, alertId: p.alertId }),
      messages: { pollFailed: 'Integrity alert notices poll failed', reconcileFailed: 'Integrity alert notices: reconciliation at start failed' },
      pollMs: options.pollMs,
    });
    this.scope = new SatkerScopeService(dataSource);
  }

  @JobHandler('reminders.integrity-alert')
  announce(payload: JobPayloads['reminders.integrity-alert']): Promise<{ recorded: RecordedReminder | null; mail: DispatchResult }> {
    return this.announceOnce(payload);
  }

  /** Plans the alert's notice and records it (null: recorded before, or the alert is gone). */
  async record(payload: JobPayloads['reminders.integrity-alert'], now: Date): Promise<RecordedReminder | null> {
    const [alert] = await this.dataSource.query(
      `SELECT a.id, a.satker_code, a.detected_at, a.source, a.kind, a.subject, a.broken_sequence, a.broken_event_id, a.detail,
              s.name, s.time_zone
         FROM integrity_alerts a JOIN satker s ON s.code = a.satker_code
        WHERE a.satker_code = $1 AND a.id = $2`,
      [payload.satker, payload.alertId],
    );
    if (!alert) return null;
    const ancestors = (await this.scope.ancestorsOf(payload.satker)) ?? [];
    const people: IntegrityAlertPerson[] = (await this.dataSource.query(
      `SELECT id::text AS id, full_name, email, role, satker_code, active FROM users
        WHERE active AND ((role = 'INSPEKTORAT' AND satker_code = ANY($1::text[])) OR (role = 'ADMIN' AND satker_code = $2))
        ORDER BY satker_code = $2 DESC, role DESC, username`,
      [[payload.satker, ...ancestors], payload.satker],
    )).map((r: Record<string, unknown>) => ({
      id: r.id as string, fullName: r.full_name as string, email: r.email as string | null, role: r.role as string, satker: r.satker_code as string, active: r.active as boolean,
    }));
    const { recipients, delivery, told } = integrityAlertRecipients(payload.satker, ancestors, people);
    const notice = planIntegrityAlertNotice({
      id: Number(alert.id), satker: alert.satker_code, detectedAt: new Date(alert.detected_at).toISOString(), source: alert.source,
      kind: alert.kind, subject: alert.subject, brokenSequence: alert.broken_sequence === null ? null : Number(alert.broken_sequence),
      brokenEventId: alert.broken_event_id, detail: alert.detail,
    }, { name: alert.name, timeZone: alert.time_zone, above: ancestors }, told);
    if (recipients.length === 0) this.logger.warn({ satker: payload.satker, key: notice.key }, 'Integrity alert notice recorded with no recipient: nobody active');
    return this.recorder.record({ ...notice, details: { integrityAlert: notice.alert } }, recipients, delivery, now);
  }
}
