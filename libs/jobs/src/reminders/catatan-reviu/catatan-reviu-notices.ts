import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import { evolveCatatanReviu, initialCatatanReviuState, type CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import { EventStore } from '@kinerja/event-store';
import { Clock, logRetriedFailure, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OutboxDispatcher, type DispatchResult } from '../../notifications/outbox-dispatcher';
import type { RecordedReminder } from '../../notifications/reminder-recorder';
import { JobHandler } from '../../queue-runtime/job-handler.decorator';
import { JobQueues } from '../../queue-runtime/job-queues';
import type { JobPayloads } from '../../queues';
import { chooseDelivery } from '../facts/delivery';
import { catatanReviuAudience, planCatatanReviuNotice } from './catatan-reviu-notice';
import { CatatanReviuNoticeOutbox, type CatatanReviuNoticeIntent } from './catatan-reviu-notice-outbox';
import { CatatanReviuNoticeRecorder, type NoticeDelivery, type NoticeRecipient } from './catatan-reviu-notice-recorder';
import { CatatanReviuProcessManager } from './catatan-reviu-process-manager';
import { PollLoop } from '../../queue-runtime/poll-loop';

export const CATATAN_REVIU_NOTICE_OPTIONS = Symbol('CATATAN_REVIU_NOTICE_OPTIONS');

export interface CatatanReviuNoticeOptions {
  /** How often the process manager polls the log; null: only when asked (tests). */
  pollMs: number | null;
  /** A job enqueued this long ago and not run is enqueued again (Redis lost it; a job still there is not added twice). */
  staleMs: number;
}

/**
 * A note written, answered, closed or reopened is announced within seconds, by the mechanism of the
 * dispensasi notices: the process manager follows the log into an outbox, one
 * `reminders.catatan-reviu` job per event (id `catatan-reviu.<satker>.<event id>`) records the
 * notice under its key (once, whoever runs it and however often) and sends the e-mails. There is no
 * hourly run to fall back on, so a poll also enqueues again the jobs enqueued long ago that never ran.
 */
@Injectable()
export class CatatanReviuNotices implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollLoop;

  constructor(
    private readonly processManager: CatatanReviuProcessManager,
    private readonly outbox: CatatanReviuNoticeOutbox,
    private readonly recorder: CatatanReviuNoticeRecorder,
    private readonly queues: JobQueues,
    private readonly events: EventStore,
    private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    @Inject(CATATAN_REVIU_NOTICE_OPTIONS) private readonly options: CatatanReviuNoticeOptions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollLoop(logger, 'Catatan reviu process manager poll failed', () => this.poll());
  }

  @JobHandler('reminders.catatan-reviu')
  async announce(payload: JobPayloads['reminders.catatan-reviu']): Promise<{ recorded: RecordedReminder | null; mail: DispatchResult }> {
    const now = this.clock.now();
    const recorded = await this.record(payload, now);
    const mail = await this.dispatcher.dispatchDue(now);
    await this.outbox.markAnnounced(payload.satker, payload.eventId, now);
    return { recorded, mail };
  }

  /** Plans the notice of one event from its note's stream and records it (null: recorded before, or nothing to tell). */
  async record(payload: JobPayloads['reminders.catatan-reviu'], now: Date): Promise<RecordedReminder | null> {
    const stream = await this.events.readStream(payload.streamId, { tenantId: payload.satker });
    const position = stream.findIndex((e) => e.eventId === payload.eventId);
    if (position < 0) return null;
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
    const names = await this.officeNames([note.satker, authorSatker, ...(actor ? [actor.satker_code as string] : [])]);
    const noteEvent = event as unknown as CatatanReviuEvent;
    const audience = catatanReviuAudience(noteEvent, authorSatker);
    const { recipients, delivery } = await this.recipients(audience.role === 'INSPEKTORAT' ? audience.satker : note.satker, audience.role);
    const notice = planCatatanReviuNotice({
      event: noteEvent, position: position + 1, note,
      officeName: names.get(note.satker) ?? note.satker,
      author: { satker: authorSatker, officeName: names.get(authorSatker) ?? authorSatker },
      actorName: actor?.full_name ?? null,
      actorOfficeName: actor ? names.get(actor.satker_code) ?? actor.satker_code : null,
      standIn: audience.role === 'SEKRETARIS' && delivery.role === 'KETUA',
    });
    if (recipients.length === 0) this.logger.warn({ satker: note.satker, key: notice.key }, 'Catatan reviu notice recorded with no recipient: nobody active');
    return this.recorder.record(notice, recipients, delivery, now);
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

  private async officeNames(codes: string[]): Promise<Map<string, string>> {
    const rows: Array<{ code: string; name: string }> = await this.dataSource.query(`SELECT code, name FROM satker WHERE code = ANY($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * One poll: follow the log, enqueue what it found and what never reached the queue, and again what
   * was enqueued `staleMs` ago and never ran (its wait starts over: a job that keeps failing is not
   * retried every second).
   */
  async poll(): Promise<number> {
    const intents = await this.processManager.catchUp();
    const asked = new Set(intents.map((i) => i.jobId));
    const stranded = (await this.outbox.notEnqueued()).filter((i) => !asked.has(i.jobId));
    stranded.forEach((i) => asked.add(i.jobId));
    const stale = (await this.outbox.stale(new Date(this.clock.now().getTime() - this.options.staleMs))).filter((i) => !asked.has(i.jobId));
    await this.enqueue([...intents, ...stranded, ...stale]);
    await this.outbox.markEnqueuedAgain(stale, this.clock.now());
    return intents.length;
  }

  /** At start: catch the process manager up and (re-)enqueue every event whose job has not run. */
  async reconcile(): Promise<number> {
    await this.processManager.catchUp();
    const pending = await this.outbox.pending();
    await this.enqueue(pending);
    return pending.length;
  }

  async enqueue(intents: readonly CatatanReviuNoticeIntent[]): Promise<void> {
    for (const intent of intents) {
      const job = await this.queues.add('reminders.catatan-reviu', { satker: intent.satker, streamId: intent.streamId, eventId: intent.eventId }, { jobId: intent.jobId });
      if ((await job.getState()) === 'failed') await job.retry('failed');
    }
    await this.outbox.markEnqueued(intents, this.clock.now());
  }

  onApplicationBootstrap(): void {
    if (this.options.pollMs === null) return;
    void this.reconcile().catch((error) => logRetriedFailure(this.logger, error, 'Catatan reviu notices: reconciliation at start failed'));
    this.loop.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
