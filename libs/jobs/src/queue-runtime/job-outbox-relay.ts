import type { Clock } from '@kinerja/platform';
import type { JobName, JobPayloads } from '../queues';
import type { JobIntent, JobOutbox } from './job-outbox';
import type { JobQueues } from './job-queues';

/** The job an outbox's rows become: its name, its payload, and how long it waits in the queue. */
export interface OutboxJob<I, N extends JobName> {
  name: N;
  payload(intent: I): JobPayloads[N];
  delayMs?: number;
}

/**
 * Carries a `JobOutbox`'s rows to the queue, under their deterministic ids: adding an id BullMQ
 * already holds adds nothing, and a job that exhausted its attempts is retried. Rows are marked
 * enqueued only after every add succeeded; on a failure they stay as they were and the next poll
 * (or the reconciliation at start) adds them again.
 */
export class JobOutboxRelay<I extends JobIntent, N extends JobName> {
  constructor(
    private readonly queues: Pick<JobQueues, 'add'>,
    private readonly outbox: JobOutbox<I, keyof I & string>,
    private readonly clock: Clock,
    private readonly job: OutboxJob<I, N>,
  ) {}

  async enqueue(intents: readonly I[]): Promise<number> {
    for (const intent of intents) {
      const options = this.job.delayMs === undefined ? { jobId: intent.jobId } : { jobId: intent.jobId, delay: this.job.delayMs };
      const job = await this.queues.add(this.job.name, this.job.payload(intent), options);
      if ((await job.getState()) === 'failed') await job.retry('failed');
    }
    await this.outbox.markEnqueued(intents, this.clock.now());
    return intents.length;
  }

  /**
   * A poll's enqueue: the intents its process manager just recorded, those recorded earlier whose job
   * never reached the queue and, with `staleMs`, those enqueued that long ago whose job never ran
   * (Redis lost it); their wait starts over, so a job that keeps failing is not retried every poll.
   */
  async relay(recorded: readonly I[], staleMs?: number): Promise<void> {
    const asked = new Set(recorded.map((i) => i.jobId));
    const stranded = (await this.outbox.notEnqueued()).filter((i) => !asked.has(i.jobId));
    if (staleMs === undefined) {
      await this.enqueue([...recorded, ...stranded]);
      return;
    }
    stranded.forEach((i) => asked.add(i.jobId));
    const stale = (await this.outbox.stale(new Date(this.clock.now().getTime() - staleMs))).filter((i) => !asked.has(i.jobId));
    await this.enqueue([...recorded, ...stranded, ...stale]);
    await this.outbox.markEnqueuedAgain(stale, this.clock.now());
  }

  /** (Re-)enqueues every row whose job has not run: the reconciliation at start. How many. */
  async enqueuePending(): Promise<number> {
    return this.enqueue(await this.outbox.pending());
  }
}
