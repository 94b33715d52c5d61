import type { Clock } from '@kinerja/platform';
import type { JobQueues } from '../queue-runtime/job-queues';
import type { LkjIntent, LkjOutbox } from './lkj-outbox';

/**
 * Puts recorded intents on the `lkj` queue under their deterministic ids: adding an id BullMQ
 * already holds adds nothing, and a job that exhausted its attempts is retried.
 */
export class LkjEnqueuer {
  constructor(
    private readonly queues: Pick<JobQueues, 'add'>,
    private readonly outbox: LkjOutbox,
    private readonly clock: Clock,
  ) {}

  async enqueue(intents: readonly LkjIntent[]): Promise<number> {
    for (const intent of intents) {
      const job = await this.queues.add('lkj.produce', { satker: intent.satker, year: intent.year, version: intent.version }, { jobId: intent.jobId });
      if ((await job.getState()) === 'failed') await job.retry('failed');
    }
    await this.outbox.markEnqueued(intents, this.clock.now());
    return intents.length;
  }
}
