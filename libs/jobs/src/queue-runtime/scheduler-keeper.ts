import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FailureRun, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { JobQueues } from './job-queues';

/**
 * Every worker checks, every JOB_RECOVERY_INTERVAL_SECONDS, that Redis still has the Job Schedulers
 * its modules registered (`JobQueues.keepScheduler`: the daily digests, the LKj's reconciliation, the
 * file sweep) and registers again those it lost. The reminders' schedulers have their own leader
 * (`ReminderScheduleLeader`), which does the same for them.
 */
@Injectable()
export class SchedulerKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<unknown> | null = null;
  private readonly failures: FailureRun;

  constructor(private readonly queues: JobQueues, @Inject(ROOT_LOGGER) private readonly logger: Logger) {
    this.failures = new FailureRun(logger, 'Job Scheduler check failed');
  }

  onApplicationBootstrap(): void {
    const every = this.queues.recovery.everyMs;
    if (every === null) return;
    this.timer = setInterval(() => {
      if (this.checking) return;
      this.checking = this.restore()
        .then(() => this.failures.succeeded(), (error) => this.failures.failed(error))
        .finally(() => (this.checking = null));
    }, every);
    this.timer.unref();
  }

  /** Registers again the schedulers Redis lost; their ids. */
  async restore(): Promise<string[]> {
    const restored = await this.queues.restoreSchedulers();
    if (restored.length > 0) this.logger.warn({ schedulers: restored }, 'Job Schedulers missing from Redis (its data was lost) registered again');
    return restored;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
  }
}
