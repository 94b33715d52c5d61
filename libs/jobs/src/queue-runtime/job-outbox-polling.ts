import { logRetriedFailure } from '@kinerja/platform';
import type { Logger } from 'pino';
import type { JobName } from '../queues';
import type { JobIntent } from './job-outbox';
import type { JobOutboxRelay } from './job-outbox-relay';
import { PollLoop } from './poll-loop';

/** What the polling logs when a poll, or the reconciliation at start, fails. */
export interface JobOutboxPollingMessages {
  pollFailed: string;
  reconcileFailed: string;
}

/**
 * The worker side of a process manager that writes a `JobOutbox` (the dispensasi and catatan reviu
 * notices): at start a reconciliation (catch up, then enqueue every row whose job has not run), then
 * a `PollLoop` that catches up and relays what it recorded, what never reached the queue and, with
 * `staleMs`, what was enqueued that long ago and never ran.
 */
export class JobOutboxPolling<I extends JobIntent> {
  private readonly loop: PollLoop;

  constructor(
    private readonly processManager: { catchUp(): Promise<I[]> },
    private readonly relay: JobOutboxRelay<I, JobName>,
    private readonly logger: Logger,
    private readonly messages: JobOutboxPollingMessages,
    private readonly staleMs?: number,
  ) {
    this.loop = new PollLoop(logger, messages.pollFailed, () => this.poll());
  }

  /** One poll; how many intents the process manager recorded. */
  async poll(): Promise<number> {
    const intents = await this.processManager.catchUp();
    await this.relay.relay(intents, this.staleMs);
    return intents.length;
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
