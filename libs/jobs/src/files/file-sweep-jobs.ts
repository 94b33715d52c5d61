import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { JobHandler } from '../queue-runtime/job-handler.decorator';
import { JobQueues } from '../queue-runtime/job-queues';
import type { JobPayloads } from '../queues';
import { FileSweep, type FileSweepReport } from './file-sweep';

export const FILE_SWEEP_SCHEDULER = 'files-sweep-daily';
/** 03:30 UTC every day (10:30 WIB), away from the digests at 00:05 and the reminders at 08:00 local. */
export const FILE_SWEEP_PATTERN = '0 30 3 * * *';

/**
 * The daily file sweep: a BullMQ Job Scheduler (upserted by every worker start, never a repeatable
 * job; kept: registered again if Redis loses it) fires `files.sweep`. FILE_SWEEP_ENABLED=false removes the scheduler at the next start; the
 * CLI (`files:sweep`) still runs it by hand.
 */
@Injectable()
export class FileSweepJobs implements OnApplicationBootstrap {
  constructor(
    private readonly fileSweep: FileSweep,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler('files.sweep')
  sweep(_payload?: JobPayloads['files.sweep']): Promise<FileSweepReport> {
    return this.fileSweep.run();
  }

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.queueOf('files.sweep');
    if (!this.config.FILE_SWEEP_ENABLED) {
      await queue.removeJobScheduler(FILE_SWEEP_SCHEDULER);
      this.logger.info({ scheduler: FILE_SWEEP_SCHEDULER }, 'Scheduled file sweep off (FILE_SWEEP_ENABLED=false)');
      return;
    }
    await this.queues.keepScheduler({
      id: FILE_SWEEP_SCHEDULER,
      repeat: { pattern: FILE_SWEEP_PATTERN },
      name: 'files.sweep',
      data: { reason: 'schedule' },
      opts: { removeOnComplete: 100, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 60000 } },
    });
  }
}
