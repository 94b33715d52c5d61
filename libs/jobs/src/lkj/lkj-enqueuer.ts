import type { Clock } from '@kinerja/platform';
import { JobOutboxRelay } from '../queue-runtime/job-outbox-relay';
import type { JobQueues } from '../queue-runtime/job-queues';
import type { LkjIntent, LkjOutbox } from './lkj-outbox';

/** Puts recorded intents on the `lkj` queue under their deterministic ids (`JobOutboxRelay`). */
export class LkjEnqueuer extends JobOutboxRelay<LkjIntent, 'lkj.produce'> {
  constructor(queues: Pick<JobQueues, 'add' | 'inspect'>, outbox: LkjOutbox, clock: Clock) {
    super(queues, outbox, clock, { name: 'lkj.produce', payload: (i) => ({ satker: i.satker, year: i.year, version: i.version }) });
  }
}
