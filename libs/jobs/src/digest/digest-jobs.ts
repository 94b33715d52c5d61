import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { JobHandler } from '../queue-runtime/job-handler.decorator';
import { JobQueues } from '../queue-runtime/job-queues';
import { jobId, type JobPayloads } from '../queues';
import { ChainDigestService, type DigestRecordOutcome } from './chain-digest.service';

export const DIGEST_SCHEDULER = 'audit-digest-daily';
/** 00:05 UTC every day (07:05 WIB): the digest of each office's chain head for that UTC day. */
export const DIGEST_PATTERN = '0 5 0 * * *';

/**
 * The daily signed digests. A BullMQ Job Scheduler (upserted by any replica, never a repeatable
 * job; kept: registered again if Redis loses it) fires `audit.digest-all`, which fans out one `audit.digest-office` per office with the
 * deterministic id `digest.<satker>.<day>`; the table's (office, day) key makes a rerun harmless.
 */
@Injectable()
export class DigestJobs implements OnApplicationBootstrap {
  constructor(
    private readonly digests: ChainDigestService,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler('audit.digest-all')
  async all(_payload?: JobPayloads['audit.digest-all']): Promise<{ day: string; offices: number }> {
    const day = this.clock.now().toISOString().slice(0, 10);
    const offices = await this.digests.offices();
    const queue = this.queues.queueOf('audit.digest-office');
    await queue.addBulk(offices.map((satker) => ({
      name: 'audit.digest-office',
      data: { satker, day },
      opts: { jobId: jobId('digest', satker, day), attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 1000, removeOnFail: 5000 },
    })));
    return { day, offices: offices.length };
  }

  @JobHandler('audit.digest-office')
  async office(payload: JobPayloads['audit.digest-office']): Promise<DigestRecordOutcome> {
    const outcome = await this.digests.record(payload.satker, this.clock.now(), payload.day);
    if (outcome === 'chain-damaged') this.logger.error({ satker: payload.satker, day: payload.day }, 'No digest signed: the office\'s chain is damaged');
    return outcome;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.keepScheduler({
      id: DIGEST_SCHEDULER,
      repeat: { pattern: DIGEST_PATTERN },
      name: 'audit.digest-all',
      data: { reason: 'schedule' },
      opts: { removeOnComplete: 100, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    });
  }
}
