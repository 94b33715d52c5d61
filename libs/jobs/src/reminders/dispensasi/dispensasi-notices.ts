import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, logRetriedFailure, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { OutboxDispatcher, type DispatchResult } from '../../notifications/outbox-dispatcher';
import { JobHandler } from '../../queue-runtime/job-handler.decorator';
import { JobQueues } from '../../queue-runtime/job-queues';
import type { JobPayloads } from '../../queues';
import { OfficeDirectory } from '../facts/office-directory';
import { ReminderRunner } from '../reminder-runner';
import { DispensasiOutbox, type DispensasiIntent } from './dispensasi-outbox';
import { DispensasiProcessManager } from './dispensasi-process-manager';
import { PollLoop } from '../../queue-runtime/poll-loop';

export const DISPENSASI_NOTICE_OPTIONS = Symbol('DISPENSASI_NOTICE_OPTIONS');

export interface DispensasiNoticeOptions {
  /** How often the process manager polls the log; null: only when asked (tests). */
  pollMs: number | null;
  /**
   * How long a grant's job waits before planning the office: the grants made meanwhile (a Sekretaris
   * extending several months one after the other) go out in the same notice.
   */
  delayMs: number;
}

/**
 * A dispensasi announced within seconds of its grant, not at the next hourly run: the process
 * manager's poll follows the log and enqueues one `reminders.dispensasi` job per grant (id
 * `dispensasi.<satker>.<event id>`), which plans the office as every run does and sends the e-mails.
 * Same planner, same keys, same recorder as the runs: whichever comes first records a notice, the
 * other finds its keys taken. The hourly run stays the safety net (a job lost with Redis's data).
 */
@Injectable()
export class DispensasiNotices implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollLoop;

  constructor(
    private readonly processManager: DispensasiProcessManager,
    private readonly outbox: DispensasiOutbox,
    private readonly queues: JobQueues,
    private readonly directory: OfficeDirectory,
    private readonly runner: ReminderRunner,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    @Inject(DISPENSASI_NOTICE_OPTIONS) private readonly options: DispensasiNoticeOptions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollLoop(logger, 'Dispensasi process manager poll failed', () => this.poll());
  }

  /** Plans and records what the office is due now (its dispensasi notices among it), then sends the e-mails. */
  @JobHandler('reminders.dispensasi')
  async announce(payload: JobPayloads['reminders.dispensasi']): Promise<{ recorded: string[]; mail: DispatchResult }> {
    const now = this.clock.now();
    const office = await this.directory.office(payload.satker);
    const recorded = office ? (await this.runner.runOffice(office, now)).recorded : [];
    const mail = await this.dispatcher.dispatchDue(now);
    await this.outbox.markAnnounced(payload.satker, payload.eventId, now);
    return { recorded, mail };
  }

  /**
   * One poll: follow the log, enqueue the grants it found, and those found earlier whose job never
   * reached the queue (the worker died after the commit, Redis was away). Job ids are deterministic:
   * enqueueing twice adds once.
   */
  async poll(): Promise<number> {
    const intents = await this.processManager.catchUp();
    const asked = new Set(intents.map((i) => i.jobId));
    const stranded = (await this.outbox.notEnqueued()).filter((i) => !asked.has(i.jobId));
    await this.enqueue([...intents, ...stranded]);
    return intents.length;
  }

  /** At start: catch the process manager up and (re-)enqueue every grant whose job has not run. */
  async reconcile(): Promise<number> {
    await this.processManager.catchUp();
    const pending = await this.outbox.pending();
    await this.enqueue(pending);
    return pending.length;
  }

  async enqueue(intents: readonly DispensasiIntent[]): Promise<void> {
    for (const intent of intents) {
      const job = await this.queues.add('reminders.dispensasi', { satker: intent.satker, eventId: intent.eventId }, {
        jobId: intent.jobId, delay: this.options.delayMs,
      });
      if ((await job.getState()) === 'failed') await job.retry('failed');
    }
    await this.outbox.markEnqueued(intents, this.clock.now());
  }

  onApplicationBootstrap(): void {
    if (this.options.pollMs === null) return;
    void this.reconcile().catch((error) => logRetriedFailure(this.logger, error, 'Dispensasi notices: reconciliation at start failed'));
    this.loop.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
