import { logRetriedFailure } from '@kinerja/platform';
import type { Logger } from 'pino';
import type { JobName } from '../queues';
import type { JobIntent } from './job-outbox';
import type { JobOutboxRelay, JobRecoveryOutcome } from './job-outbox-relay';
import { DEFAULT_JOB_RECOVERY, Every, type JobRecoveryOptions } from './job-recovery';
import { PollLoop } from './poll-loop';

/** What the polling logs when a poll, or the reconciliation at start, fails. */
export interface JobOutboxPollingMessages {
  pollFailed: string;
  reconcileFailed: string;
}

/**
 * The worker side of a process manager that writes a `JobOutbox` (the LKj, the dispensasi, catatan
 * reviu, PK/LKj and integrity alert notices): at start a reconciliation (catch up, then enqueue every
 * row whose job has not run), then a `PollLoop` that catches up and relays what it recorded and what
 * never reached the queue, and every `recovery.everyMs` recovers the jobs of the rows enqueued and
 * not done (`JobOutboxRelay.recover`: added again when Redis lost them, retried when they failed).
 */
export class JobOutboxPolling<I extends JobIntent> {
  private readonly loop: PollLoop;
  private readonly recovering: Every;

  constructor(
    private readonly processManager: { catchUp(): Promise<I[]> },
    private readonly relay: JobOutboxRelay<I, JobName>,
    private readonly logger: Logger,
    private readonly messages: JobOutboxPollingMessages,
    private readonly recovery: JobRecoveryOptions = DEFAULT_JOB_RECOVERY,
  ) {
    this.loop = new PollLoop(logger, messages.pollFailed, () => this.poll());
    this.recovering = new Every(recovery.everyMs);
  }

  /** One poll (and, when due, a recovery); how many intents the process manager recorded. */
  async poll(): Promise<number> {
    const intents = await this.processManager.catchUp();
    await this.relay.relay(intents);
    if (this.recovering.due()) await this.recover();
    return intents.length;
  }

  /** Recovers the jobs of the rows enqueued and not done now; what it did is logged. */
  async recover(now = Date.now()): Promise<JobRecoveryOutcome> {
    const outcome = await this.relay.recover(this.recovery.retryFailedAfterMs, now);
    if (outcome.readded.length > 0) this.logger.warn({ jobIds: outcome.readded }, 'Jobs Redis no longer had were enqueued again');
    if (outcome.retried.length > 0) this.logger.warn({ jobIds: outcome.retried }, 'Jobs that had failed their last attempt were retried');
    return outcome;
  }

  /** Catches the process manager up and (re-)enqueues every row whose job has not run; how many. */
  async reconcile(): Promise<number> {
    await this.processManager.catchUp();
    return this.relay.enqueuePending();
  }

  /** Reconciles in the background and polls every `pollMs`; null: never (tests poll when they ask). */
  start(pollMs: number | null): void {
    if (pollMs === null) return;
    void this.reconcile().catch((error) => logRetriedFailure(this.logger, error, this.messages.reconcileFailed));
    this.loop.start(pollMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
