import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Clock, FailureRun, REDIS, ROOT_LOGGER } from '@kinerja/platform';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { JobQueues } from '../../queue-runtime/job-queues';
import { jobId } from '../../queues';
import { OfficeDirectory } from '../facts/office-directory';
import { LeaderLock } from './leader-lock';
import { desiredSchedules, reconcileSchedules } from './reminder-schedules';

export const REMINDER_OPTIONS = Symbol('REMINDER_OPTIONS');

export interface ReminderOptions {
  /** How often each worker tries to lead and checks the schedulers; null: only when `tick()` is called (tests). */
  leaderIntervalMs: number | null;
}

export interface LeaderTick {
  leader: boolean;
  /** Schedulers created or changed by this tick (all of them after Redis lost its data). */
  changed: string[];
  /** The catch-up run enqueued on becoming leader or after schedulers had to be re-created. */
  catchUpJobId: string | null;
}

/**
 * Every worker runs this loop; only the holder of the lease registers the Job Schedulers. On
 * becoming leader, and whenever schedulers had to be re-created (offices in a new time zone, or
 * Redis lost its data), it enqueues a catch-up run: PostgreSQL decides what is still owed.
 */
@Injectable()
export class ReminderScheduleLeader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly lock: LeaderLock;
  private timer: NodeJS.Timeout | null = null;
  private leading = false;

  constructor(
    private readonly queues: JobQueues,
    private readonly directory: OfficeDirectory,
    private readonly clock: Clock,
    @Inject(REDIS) redis: Redis,
    config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(REMINDER_OPTIONS) private readonly options: ReminderOptions,
  ) {
    const ttl = Math.max(30_000, (options.leaderIntervalMs ?? 15_000) * 3);
    this.lock = new LeaderLock(redis, `${this.queues.connection.prefix ?? config.REDIS_PREFIX}:leases:reminder-schedules`, ttl);
  }

  onApplicationBootstrap(): void {
    const every = this.options.leaderIntervalMs;
    if (every === null) return;
    const failures = new FailureRun(this.logger, 'Reminder schedule leader tick failed');
    const loop = () => void this.tick().then(() => failures.succeeded(), (error) => failures.failed(error));
    loop();
    this.timer = setInterval(loop, every);
    this.timer.unref();
  }

  async tick(): Promise<LeaderTick> {
    if (!(await this.lock.acquireOrRenew())) {
      this.leading = false;
      return { leader: false, changed: [], catchUpJobId: null };
    }
    const zones = (await this.directory.activeOffices()).map((o) => o.timeZone);
    const changed = await reconcileSchedules(this.queues.queue('reminders'), desiredSchedules(zones));
    let catchUpJobId: string | null = null;
    if (!this.leading || changed.length > 0) {
      catchUpJobId = jobId('reminders-run', 'leader', this.clock.now().toISOString().slice(0, 16));
      await this.queues.add('reminders.run', { timeZone: null, reason: 'leader-start' }, { jobId: catchUpJobId });
      this.logger.info({ changed, catchUpJobId }, 'Reminder schedules registered by this worker');
    }
    this.leading = true;
    return { leader: true, changed, catchUpJobId };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.leading) await this.lock.release().catch(() => undefined);
  }
}
