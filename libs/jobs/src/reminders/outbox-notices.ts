import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import type { Logger } from 'pino';
import type { DispatchResult, OutboxDispatcher } from '../notifications/outbox-dispatcher';
import type { RecordedReminder } from '../notifications/reminder-recorder';
import type { JobName, JobPayloads } from '../queues';
import type { JobIntent, JobOutbox } from '../queue-runtime/job-outbox';
import { JobOutboxPolling, type JobOutboxPollingMessages } from '../queue-runtime/job-outbox-polling';
import { JobOutboxRelay } from '../queue-runtime/job-outbox-relay';
import type { JobQueues } from '../queue-runtime/job-queues';

/** How one kind of notice travels: its job, the outbox row a job is for, and the polling's settings. */
export interface OutboxNoticeJob<I extends JobIntent, K extends keyof I & string, N extends JobName> {
  name: N;
  payload(intent: I): JobPayloads[N];
  /** The outbox row a job's payload carries out: marked done once the job has run. */
  rowOf(payload: JobPayloads[N]): Pick<I, K>;
  messages: JobOutboxPollingMessages;
  /**
   * How often the outbox is polled; null: only when asked (tests). Its jobs lost by Redis or failed
   * are recovered as JobQueues' `recovery` says (JobOutboxPolling).
   */
  pollMs: number | null;
}

/** A notice kind's polling settings, as its module is given them. */
export type OutboxNoticeOptions = Pick<OutboxNoticeJob<JobIntent, never, JobName>, 'pollMs'>;

/**
 * Notices announced within seconds through an outbox (catatan reviu, PK and LKj, integrity alerts):
 * rows written with what they announce (by a process manager following the log, or with the fact
 * itself) are relayed as one job each under a deterministic id; the job records the notice under
 * its key (once, whoever runs it and however often), hands the due e-mails to SMTP and marks its
 * row done. A subclass says how a job's notice is planned (`record`) and names its handler
 * (`@JobHandler(name)` on a method calling `announceOnce`).
 */
export abstract class OutboxNotices<I extends JobIntent, K extends keyof I & string, N extends JobName>
implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly polling: JobOutboxPolling<I>;

  protected constructor(
    source: { catchUp(): Promise<I[]> },
    private readonly outbox: JobOutbox<I, K>,
    queues: JobQueues,
    private readonly dispatcher: OutboxDispatcher,
    protected readonly clock: Clock,
    protected readonly logger: Logger,
    private readonly job: OutboxNoticeJob<I, K, N>,
  ) {
    const relay = new JobOutboxRelay(queues, outbox, clock, { name: job.name, payload: (intent: I) => job.payload(intent) });
    this.polling = new JobOutboxPolling(source, relay, logger, job.messages, queues.recovery);
  }

  /** Plans the notice of one job and records it (null: recorded before, or nothing to tell). */
  abstract record(payload: JobPayloads[N], now: Date): Promise<RecordedReminder | null>;

  protected async announceOnce(payload: JobPayloads[N]): Promise<{ recorded: RecordedReminder | null; mail: DispatchResult }> {
    const now = this.clock.now();
    const recorded = await this.record(payload, now);
    const mail = await this.dispatcher.dispatchDue(now);
    await this.outbox.markDone(this.job.rowOf(payload), now);
    return { recorded, mail };
  }

  onApplicationBootstrap(): void {
    this.polling.start(this.job.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.polling.stop();
  }
}

/** The jobs of notices prompted by one event of the log each; their payload names the office, the stream and the event. */
type EventNoticeJobName = 'reminders.catatan-reviu' | 'reminders.pk-lkj';

/**
 * Outbox notices prompted by one event of the log each (catatan reviu, PK and LKj): a process manager
 * follows the log into the outbox (row key: office and event), the job carries the office, the stream
 * and the event, and reads the stream to plan the notice. A subclass plans and records it from the
 * stream (`recordEvent`); an event no longer in its stream is not announced.
 */
export abstract class EventOutboxNotices<I extends JobIntent & { streamId: string; eventId: string }, N extends EventNoticeJobName>
  extends OutboxNotices<I, 'satker' | 'eventId', N> {
  protected constructor(
    processManager: { catchUp(): Promise<I[]> },
    outbox: JobOutbox<I, 'satker' | 'eventId'>,
    queues: JobQueues,
    private readonly events: EventStore,
    dispatcher: OutboxDispatcher,
    clock: Clock,
    logger: Logger,
    job: Pick<OutboxNoticeJob<I, 'satker' | 'eventId', N>, 'name' | 'messages' | 'pollMs'>,
  ) {
    super(processManager, outbox, queues, dispatcher, clock, logger, {
      ...job,
      payload: (i: I) => ({ satker: i.satker, streamId: i.streamId, eventId: i.eventId }),
      rowOf: (p) => ({ satker: p.satker, eventId: p.eventId }),
    });
  }

  /** Plans the notice of one event from its stream and records it (null: recorded before, or nothing to tell). */
  async record(payload: JobPayloads[N], now: Date): Promise<RecordedReminder | null> {
    const stream = await this.events.readStream(payload.streamId, { tenantId: payload.satker });
    const position = stream.findIndex((e) => e.eventId === payload.eventId);
    return position < 0 ? null : this.recordEvent(payload, stream, position, now);
  }

  /** Plans the notice of `stream[position]`, the stream as it is now, and records it (null: recorded before, or nothing to tell). */
  protected abstract recordEvent(payload: JobPayloads[N], stream: RecordedEvent[], position: number, now: Date): Promise<RecordedReminder | null>;
}
