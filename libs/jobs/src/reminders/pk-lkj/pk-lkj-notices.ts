import { Inject, Injectable } from '@nestjs/common';
import type { LkjEvent } from '@kinerja/domain/lkj/lkj.events';
import type { PkEvent } from '@kinerja/domain/perjanjian-kinerja/pk.events';
import { approvedVersionsOf } from '@kinerja/domain/perjanjian-kinerja/pk-queries';
import { evolvePk, initialPkState, type PkState } from '@kinerja/domain/perjanjian-kinerja/pk.state';
import { EventStore, type RecordedEvent } from '@kinerja/event-store';
import { Clock, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OutboxDispatcher, type DispatchResult } from '../../notifications/outbox-dispatcher';
import type { RecordedReminder } from '../../notifications/reminder-recorder';
import { JobHandler } from '../../queue-runtime/job-handler.decorator';
import { JobQueues } from '../../queue-runtime/job-queues';
import type { JobPayloads } from '../../queues';
import { NoticeRecorder, type NoticeDelivery, type NoticeRecipient } from '../notice-recorder';
import { EventOutboxNotices, type OutboxNoticeOptions } from '../outbox-notices';
import type { OfficeTimeZone } from '../plan/office-time';
import { headProfileColumns, headProfileOf, officeHead } from '../messages/office-head';
import { planLkjNotice, planPkNotice, unsignedReplaced, type PkLkjAudience, type PkLkjNotice, type PkLkjOffice } from './pk-lkj-notice';
import { PkLkjNoticeOutbox, type PkLkjNoticeIntent } from './pk-lkj-notice-outbox';
import { PkLkjProcessManager } from './pk-lkj-process-manager';

export const PK_LKJ_NOTICE_OPTIONS = Symbol('PK_LKJ_NOTICE_OPTIONS');

export type PkLkjNoticeOptions = OutboxNoticeOptions;

interface Person { id: string; full_name: string; email: string | null; role: string; active: boolean }

/**
 * A PK submitted, returned or approved and a final LKj produced, signed or gone stale are announced within
 * seconds, by the catatan reviu notices' mechanism: the process manager follows the log into an
 * outbox, one `reminders.pk-lkj` job per event (id `pk-lkj.<satker>.<event id>`) records the notice
 * under its key (once) with `NoticeRecorder` and sends the e-mails.
 */
@Injectable()
export class PkLkjNotices extends EventOutboxNotices<PkLkjNoticeIntent, 'reminders.pk-lkj'> {
  constructor(
    processManager: PkLkjProcessManager,
    outbox: PkLkjNoticeOutbox,
    private readonly recorder: NoticeRecorder,
    queues: JobQueues,
    events: EventStore,
    private readonly dataSource: DataSource,
    dispatcher: OutboxDispatcher,
    clock: Clock,
    @Inject(PK_LKJ_NOTICE_OPTIONS) options: PkLkjNoticeOptions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(processManager, outbox, queues, events, dispatcher, clock, logger, {
      name: 'reminders.pk-lkj',
      messages: { pollFailed: 'PK/LKj notices process manager poll failed', reconcileFailed: 'PK/LKj notices: reconciliation at start failed' },
      pollMs: options.pollMs,
    });
  }

  @JobHandler('reminders.pk-lkj')
  announce(payload: JobPayloads['reminders.pk-lkj']): Promise<{ recorded: RecordedReminder | null; mail: DispatchResult }> {
    return this.announceOnce(payload);
  }

  /** Plans the notice of the PK's or LKj's event at `position` from its stream and records it. */
  protected async recordEvent(payload: JobPayloads['reminders.pk-lkj'], stream: RecordedEvent[], position: number, now: Date): Promise<RecordedReminder | null> {
    const year = Number(payload.streamId.slice(payload.streamId.lastIndexOf(':') + 1));
    // The office with what its texts call its head (`officeHead`), in one read.
    const [office] = await this.dataSource.query(`SELECT s.code, s.name, s.time_zone, ${headProfileColumns('s')} FROM satker s WHERE s.code = $1`, [payload.satker]);
    if (!office) return null;
    const people: Person[] = await this.dataSource.query(
      `SELECT id::text AS id, full_name, email, role, active FROM users WHERE satker_code = $1 AND role = ANY($2::text[]) ORDER BY username`,
      [payload.satker, ['KETUA', 'SEKRETARIS']],
    );
    const place: PkLkjOffice = { satker: payload.satker, name: office.name as string, timeZone: office.time_zone as OfficeTimeZone, head: officeHead(headProfileOf(office)) };
    const event = stream[position];
    const active = people.filter((p) => p.active);
    const planned = payload.streamId.startsWith('pk:')
      ? await this.planPk(stream, position, year, place, active)
      : planLkjNotice({
        event: event as unknown as LkjEvent, position: position + 1, year, office: place, told: active.map((p) => p.role),
        signer: event.type === 'LkjSigned' ? people.find((p) => p.id === event.metadata.actorId)?.full_name ?? null : null,
        replacesUnsigned: unsignedReplaced(stream.slice(0, position) as unknown as LkjEvent[], event as unknown as LkjEvent),
      });
    if (!planned) return null;
    const { notice, submittedBy } = 'notice' in planned ? planned : { notice: planned, submittedBy: null };
    const { recipients, delivery } = recipientsOf(notice.audience, people, submittedBy, payload.satker);
    if (recipients.length === 0) this.logger.warn({ satker: payload.satker, key: notice.key }, 'PK/LKj notice recorded with no recipient: nobody active');
    const details = notice.subject.kind === 'PK' ? { pk: notice.subject } : { lkj: notice.subject };
    return this.recorder.record({ ...notice, details }, recipients, delivery, now);
  }

  private async planPk(
    stream: RecordedEvent[], index: number, year: number, office: PkLkjOffice, active: readonly Person[],
  ): Promise<{ notice: PkLkjNotice; submittedBy: string | null } | null> {
    const events = stream as unknown as PkEvent[];
    let state: PkState = initialPkState();
    for (const e of events.slice(0, index + 1)) state = evolvePk(state, e);
    const pkEvent = events[index];
    if (state.status !== 'EXISTS' || !('version' in pkEvent.data)) return null;
    const versionNo = pkEvent.data.version;
    const version = state.versions.find((v) => v.version === versionNo);
    if (!version) return null;
    // What asks someone to act is not told once it has been acted on (a PK seeded or approved while
    // the worker was away): a submission decided since, a return resubmitted since.
    if (settledSince(pkEvent, events.slice(index + 1))) return null;
    const resubmission = pkEvent.type === 'PkSubmitted' && events.slice(0, index).some((e) => e.type === 'PkReturned' && e.data.version === versionNo);
    const [actor] = await this.dataSource.query(`SELECT full_name, role FROM users WHERE id::text = $1`, [stream[index].metadata.actorId]);
    const notice = planPkNotice({
      event: pkEvent, position: index + 1, year, version, office, actor: actor ? { fullName: actor.full_name, role: actor.role } : null, resubmission,
      approvedVersions: approvedVersionsOf(state),
      // A submission is told to its reviewers (`recipientsOf`): never its submitter.
      told: active.filter((p) => p.id !== version.submittedBy).map((p) => p.role),
    });
    return notice ? { notice, submittedBy: version.submittedBy } : null;
  }
}

/** Whether the later events of the PK's stream answered what `event` asks: a submission approved, returned or withdrawn, a return submitted again. */
export function settledSince(event: PkEvent, later: readonly PkEvent[]): boolean {
  if (!('version' in event.data)) return false;
  const version = event.data.version;
  const of = (types: ReadonlyArray<PkEvent['type']>) => later.some((e) => types.includes(e.type) && 'version' in e.data && e.data.version === version);
  if (event.type === 'PkSubmitted') return of(['PkApproved', 'PkReturned', 'PkRevisionWithdrawn']);
  if (event.type === 'PkReturned') return of(['PkSubmitted', 'PkRevisionWithdrawn']);
  return false;
}

/**
 * The active people a notice reaches. Reviewers: the Ketua and every Sekretaris but the submitter (who
 * may not approve their own PK). The submitter: themselves while active, else the office's active
 * Sekretaris in their stead. Pimpinan: the Ketua and the Sekretaris. Sekretaris: every active one.
 */
export function recipientsOf(
  audience: PkLkjAudience, people: Person[], submittedBy: string | null, satker: string,
): { recipients: NoticeRecipient[]; delivery: NoticeDelivery } {
  const active = people.filter((p) => p.active);
  const as = (rows: Person[]) => rows.map((p) => ({ userId: p.id, fullName: p.full_name, email: p.email, satker }));
  const own = (rows: Person[]): { recipients: NoticeRecipient[]; delivery: NoticeDelivery } => rows.length > 0
    ? { recipients: as(rows), delivery: { role: audience.role, vacantRoles: [] } }
    : { recipients: [], delivery: { role: null, vacantRoles: [audience.role] } };
  switch (audience.role) {
    case 'PK_REVIEWERS': return own(active.filter((p) => p.id !== submittedBy));
    case 'PIMPINAN': return own(active);
    case 'SEKRETARIS': return own(active.filter((p) => p.role === 'SEKRETARIS'));
    case 'PK_SUBMITTER': {
      const submitter = active.filter((p) => p.id === submittedBy);
      if (submitter.length > 0) return own(submitter);
      const sekretaris = active.filter((p) => p.role === 'SEKRETARIS');
      return sekretaris.length > 0
        ? { recipients: as(sekretaris), delivery: { role: 'SEKRETARIS', vacantRoles: ['PK_SUBMITTER'] } }
        : { recipients: [], delivery: { role: null, vacantRoles: ['PK_SUBMITTER', 'SEKRETARIS'] } };
    }
    default: {
      const _exhaustive: never = audience;
      return _exhaustive;
    }
  }
}
