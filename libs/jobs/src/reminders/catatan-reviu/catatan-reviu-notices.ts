import { Inject, Injectable } from '@nestjs/common';
import type { CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import { evolveCatatanReviu, initialCatatanReviuState, type CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import { EventStore, type RecordedEvent } from '@kinerja/event-store';
import { Clock, ROOT_LOGGER } from '@kinerja/platform';
import { subbagianNames } from '@kinerja/identity/subbagian/subbagian-names';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OutboxDispatcher, type DispatchResult } from '../../notifications/outbox-dispatcher';
import type { RecordedReminder } from '../../notifications/reminder-recorder';
import { JobHandler } from '../../queue-runtime/job-handler.decorator';
import { JobQueues } from '../../queue-runtime/job-queues';
import type { JobPayloads } from '../../queues';
import { EventOutboxNotices, type OutboxNoticeOptions } from '../outbox-notices';
import { chooseDelivery } from '../facts/delivery';
import { headProfileColumns, headProfileOf, officeHead, type HeadProfile } from '../messages/office-head';
import { NoticeRecorder, type NoticeDelivery, type NoticeRecipient } from '../notice-recorder';
import { catatanReviuAudience, planCatatanReviuNotice } from './catatan-reviu-notice';
import { CatatanReviuNoticeOutbox, type CatatanReviuNoticeIntent } from './catatan-reviu-notice-outbox';
import { CatatanReviuProcessManager } from './catatan-reviu-process-manager';

export const CATATAN_REVIU_NOTICE_OPTIONS = Symbol('CATATAN_REVIU_NOTICE_OPTIONS');

export type CatatanReviuNoticeOptions = OutboxNoticeOptions;

/**
 * A note written, answered, closed or reopened is announced within seconds, by the mechanism of the
 * dispensasi notices: the process manager follows the log into an outbox, one
 * `reminders.catatan-reviu` job per event (id `catatan-reviu.<satker>.<event id>`) records the
 * notice under its key (once, whoever runs it and however often) and sends the e-mails. There is no
 * hourly run to fall back on, so the poll also recovers the jobs Redis lost or that failed (JobOutboxPolling).
 */
@Injectable()
export class CatatanReviuNotices extends EventOutboxNotices<CatatanReviuNoticeIntent, 'reminders.catatan-reviu'> {
  constructor(
    processManager: CatatanReviuProcessManager,
    outbox: CatatanReviuNoticeOutbox,
    private readonly recorder: NoticeRecorder,
    queues: JobQueues,
    events: EventStore,
    private readonly dataSource: DataSource,
    dispatcher: OutboxDispatcher,
    clock: Clock,
    @Inject(CATATAN_REVIU_NOTICE_OPTIONS) options: CatatanReviuNoticeOptions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    super(processManager, outbox, queues, events, dispatcher, clock, logger, {
      name: 'reminders.catatan-reviu',
      messages: { pollFailed: 'Catatan reviu process manager poll failed', reconcileFailed: 'Catatan reviu notices: reconciliation at start failed' },
      pollMs: options.pollMs,
    });
  }

  @JobHandler('reminders.catatan-reviu')
  announce(payload: JobPayloads['reminders.catatan-reviu']): Promise<{ recorded: RecordedReminder | null; mail: DispatchResult }> {
    return this.announceOnce(payload);
  }

  /** Plans the notice of the note's event at `position` from the note's stream and records it. */
  protected async recordEvent(_payload: JobPayloads['reminders.catatan-reviu'], stream: RecordedEvent[], position: number, now: Date): Promise<RecordedReminder | null> {
    let note: CatatanReviuState = initialCatatanReviuState();
    for (const e of stream.slice(0, position + 1)) note = evolveCatatanReviu(note, e as unknown as CatatanReviuEvent);
    if (note.status === 'EMPTY') return null;
    const event = stream[position];
    // The note's author and the event's actor (often the same person) in one read.
    const people: Array<{ id: string; full_name: string; satker_code: string }> = await this.dataSource.query(
      `SELECT id::text AS id, full_name, satker_code FROM users WHERE id::text = ANY($1::text[])`,
      [[note.writtenBy, event.metadata.actorId]],
    );
    const author = people.find((p) => p.id === note.writtenBy);
    const authorSatker: string = author?.satker_code ?? note.satker;
    const actor = people.find((p) => p.id === event.metadata.actorId);
    const offices = await this.offices([note.satker, authorSatker, ...(actor ? [actor.satker_code as string] : [])]);
    const name = (code: string) => offices.get(code)?.name ?? code;
    const noteEvent = event as unknown as CatatanReviuEvent;
    const audience = catatanReviuAudience(noteEvent, authorSatker);
    const subbagianName = note.target.kind === 'REPORT' ? ((await subbagianNames(this.dataSource, note.satker)).get(note.target.subbagian) ?? null) : null;
    const { recipients, delivery } = await this.recipients(audience.role === 'INSPEKTORAT' ? audience.satker : note.satker, audience.role);
    const notice = planCatatanReviuNotice({
      event: noteEvent, position: position + 1, note,
      officeName: name(note.satker),
      head: officeHead(offices.get(note.satker)),
      author: { satker: authorSatker, officeName: name(authorSatker), institutionKind: offices.get(authorSatker)?.institutionKind ?? null },
      actorName: actor?.full_name ?? null,
      actorOfficeName: actor ? name(actor.satker_code) : null,
      actorOfficeKind: actor ? offices.get(actor.satker_code)?.institutionKind ?? null : null,
      standIn: audience.role === 'SEKRETARIS' && delivery.role === 'KETUA',
      subbagianName,
    });
    if (recipients.length === 0) this.logger.warn({ satker: note.satker, key: notice.key }, 'Catatan reviu notice recorded with no recipient: nobody active');
    return this.recorder.record({ ...notice, details: { catatanReviu: notice.note } }, recipients, delivery, now);
  }

  /** The active people of the audience; a Sekretaris's notice goes to the Ketua when the office has no active Sekretaris. */
  private async recipients(satker: string, role: 'SEKRETARIS' | 'INSPEKTORAT'): Promise<{ recipients: NoticeRecipient[]; delivery: NoticeDelivery }> {
    const rows: Array<{ id: string; full_name: string; email: string | null; role: string }> = await this.dataSource.query(
      `SELECT id::text AS id, full_name, email, role FROM users WHERE satker_code = $1 AND active AND role = ANY($2::text[]) ORDER BY username`,
      [satker, role === 'SEKRETARIS' ? ['SEKRETARIS', 'KETUA'] : ['INSPEKTORAT']],
    );
    const of = (r: string) => rows.filter((row) => row.role === r).map((row) => ({ userId: row.id, fullName: row.full_name, email: row.email, satker }));
    if (role === 'INSPEKTORAT') {
      const people = of('INSPEKTORAT');
      return { recipients: people, delivery: people.length > 0 ? { role, vacantRoles: [] } : { role: null, vacantRoles: [role] } };
    }
    const chosen = chooseDelivery({ role: 'SEKRETARIS' }, of);
    return { recipients: chosen.recipients, delivery: chosen.delivery as NoticeDelivery };
  }

  /** The offices' names with what their profiles say of their head and kind (`officeHead`, `inspektoratOf`), in one read. */
  private async offices(codes: string[]): Promise<Map<string, HeadProfile & { name: string }>> {
    const rows: Array<{ code: string; name: string; institution_kind: string | null; head_title: string | null }> = await this.dataSource.query(
      `SELECT s.code, s.name, ${headProfileColumns('s')} FROM satker s WHERE s.code = ANY($1::text[])`, [codes],
    );
    return new Map(rows.map((r) => [r.code, { name: r.name, ...headProfileOf(r) }]));
  }
}
