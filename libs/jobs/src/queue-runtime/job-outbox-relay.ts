import type { Clock } from '@kinerja/platform';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '../queues';
import type { JobFailure, JobIntent, JobOutbox } from './job-outbox';
import type { JobQueues } from './job-queues';
import { retryDueAt } from './job-recovery';

/** The job an outbox's rows become: its name, its payload, and how long it waits in the queue. */
export interface OutboxJob<I, N extends JobName> {
  name: N;
  payload(intent: I): JobPayloads[N];
  delayMs?: number;
}

/** What one recovery pass did (job ids). */
export interface JobRecoveryOutcome {
  /** Jobs Redis no longer had (lost with its data, or removed): added again. */
  readded: string[];
  /** Jobs that had failed their last attempt and were due: retried. */
  retried: string[];
  /** Jobs failed and not due yet. */
  waiting: string[];
}

/**
 * Carries a `JobOutbox`'s rows to the queue, under their deterministic ids: adding an id BullMQ
 * already holds adds nothing, and a job that exhausted its attempts is retried. Rows are marked
 * enqueued only after every add succeeded; on a failure they stay as they were and the next poll
 * (or the reconciliation at start) adds them again. `recover` looks after the rows enqueued whose
 * job has not run.
 */
export class JobOutboxRelay<I extends JobIntent, N extends JobName> {
  constructor(
    private readonly queues: Pick<JobQueues, 'add' | 'inspect'>,
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
   * A poll's enqueue: the intents its process manager just recorded, and those recorded earlier whose
   * job never reached the queue (Redis was away then).
   */
  async relay(recorded: readonly I[]): Promise<void> {
    const asked = new Set(recorded.map((i) => i.jobId));
    const stranded = (await this.outbox.notEnqueued()).filter((i) => !asked.has(i.jobId));
    await this.enqueue([...recorded, ...stranded]);
  }

  /**
   * Looks up in Redis the job of every row enqueued and not done (but those the outbox holds): one
   * Redis no longer has (restarted without its data, a failover to an empty replica) is added again;
   * one that failed its last attempt (an outage, a full disk, longer than its backoff) is retried once
   * due (`retryDueAt`: `retryFailedAfterMs` after its failure, doubling with each retry already made),
   * and what was found is noted on its row (`recordFailures`). A job waiting, delayed or running is
   * left alone. Times are Redis's (BullMQ's `finishedOn`), compared with `now`. Enqueueing and
   * retrying twice (two workers) changes nothing: the job's own guard (LkjProduced, the notice's key)
   * keeps its work to once.
   */
  async recover(retryFailedAfterMs: number, now = Date.now()): Promise<JobRecoveryOutcome> {
    const outcome: JobRecoveryOutcome = { readded: [], retried: [], waiting: [] };
    const lost: I[] = [];
    const failures: Array<JobFailure<I>> = [];
    const due: Job[] = [];
    const awaiting = await this.outbox.awaitingJob();
    // Looked up all at once: the client writes the commands without waiting for each answer, so a
    // tick costs about two round trips to Redis, not two per row (up to 1000 rows per outbox).
    const lookups = await Promise.all(awaiting.map((intent) => this.queues.inspect(this.job.name, async (queue) => {
      const job = await queue.getJob(intent.jobId);
      return job ? { job, state: await job.getState() } : null;
    })));
    for (const [i, intent] of awaiting.entries()) {
      const found = lookups[i];
      if (found === null) {
        lost.push(intent);
        continue;
      }
      if (found.state !== 'failed') continue;
      const { job } = found;
      const failedAt = job.finishedOn ?? now;
      // BullMQ keeps counting attempts across retries: those beyond the job's own are the retries made.
      const retryAt = retryDueAt(failedAt, job.attemptsMade - (job.opts.attempts ?? 1), retryFailedAfterMs);
      failures.push({ intent, attempts: job.attemptsMade, failedAt: new Date(failedAt), error: job.failedReason ?? null, retryAt: new Date(retryAt) });
      if (retryAt <= now) due.push(job);
      else outcome.waiting.push(intent.jobId);
    }
    if (lost.length > 0) {
      await this.enqueue(lost);
      outcome.readded.push(...lost.map((i) => i.jobId));
    }
    await this.outbox.recordFailures(failures);
    for (const job of due) {
      // Another worker may have retried it a moment ago: then it is no longer failed, and that is the retry.
      const retried = await this.queues.inspect(this.job.name, () => job.retry('failed').then(() => true, () => false));
      if (retried) outcome.retried.push(job.id!);
    }
    return outcome;
  }

  /** (Re-)enqueues every row whose job has not run: the reconciliation at start. How many. */
  async enqueuePending(): Promise<number> {
    return this.enqueue(await this.outbox.pending());
  }
}
