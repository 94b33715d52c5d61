import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { OutboxDispatcher, type DispatchResult } from '../../notifications/outbox-dispatcher';
import { JobHandler } from '../../queue-runtime/job-handler.decorator';
import { JobOutboxPolling } from '../../queue-runtime/job-outbox-polling';
import { JobOutboxRelay } from '../../queue-runtime/job-outbox-relay';
import { JobQueues } from '../../queue-runtime/job-queues';
import type { JobPayloads } from '../../queues';
import { OfficeDirectory } from '../facts/office-directory';
import { ReminderRunner } from '../reminder-runner';
import { DispensasiOutbox, type DispensasiIntent } from './dispensasi-outbox';
import { DispensasiProcessManager } from './dispensasi-process-manager';

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
  private readonly polling: JobOutboxPolling<DispensasiIntent>;

  constructor(
    processManager: DispensasiProcessManager,
    private readonly outbox: DispensasiOutbox,
    queues: JobQueues,
    private readonly directory: OfficeDirectory,
    private readonly runner: ReminderRunner,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    @Inject(DISPENSASI_NOTICE_OPTIONS) private readonly options: DispensasiNoticeOptions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    const relay = new JobOutboxRelay(queues, outbox, clock, {
      name: 'reminders.dispensasi', payload: (i: DispensasiIntent) => ({ satker: i.satker, eventId: i.eventId }), delayMs: options.delayMs,
    });
    this.polling = new JobOutboxPolling(processManager, relay, logger, {
      pollFailed: 'Dispensasi process manager poll failed', reconcileFailed: 'Dispensasi notices: reconciliation at start failed',
    }, queues.recovery);
  }

  /** Plans and records what the office is due now (its dispensasi notices among it), then sends the e-mails. */
  @JobHandler('reminders.dispensasi')
  async announce(payload: JobPayloads['reminders.dispensasi']): Promise<{ recorded: string[]; mail: DispatchResult }> {
    const now = this.clock.now();
    const office = await this.directory.office(payload.satker);
    const recorded = office ? (await this.runner.runOffice(office, now)).recorded : [];
    const mail = await this.dispatcher.dispatchDue(now);
    await this.outbox.markDone({ satker: payload.satker, eventId: payload.eventId }, now);
    return { recorded, mail };
  }

  onApplicationBootstrap(): void {
    this.polling.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.polling.stop();
  }
}
