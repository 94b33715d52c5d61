import { readFile, rm, writeFile } from 'node:fs/promises';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { forgetWorker, JobWorkers, recordWorkerBeat } from '@kinerja/jobs';
import { AppConfig, Clock, REDIS, redisAnswer, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { HEARTBEAT_INTERVAL_MS, heartbeatFile } from './heartbeat-file';

/**
 * The worker's liveness signal: every HEARTBEAT_INTERVAL_MS, from its event loop, while every queue
 * worker is up, it rewrites heartbeatFile(). A stuck event loop or stopped queue workers let the
 * file age, and `healthcheck.js` then fails. Redis or PostgreSQL being away does not: the worker
 * waits for them by itself, and restarting it would not bring them back. The same beat goes to Redis
 * (`worker-presence.ts`), where every API replica's `/health` counts the workers alive.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private readonly file = heartbeatFile();
  private failedBefore = false;
  private presenceFailedBefore = false;

  constructor(
    private readonly jobs: JobWorkers,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async beat(): Promise<void> {
    if (!this.jobs.isRunning()) return;
    await Promise.all([this.beatFile(), this.beatPresence()]);
  }

  private async beatPresence(): Promise<void> {
    try {
      await redisAnswer(this.redis, () => recordWorkerBeat(this.redis, this.config.REDIS_PREFIX, this.clock.now()));
      this.presenceFailedBefore = false;
    } catch (error) {
      if (!this.presenceFailedBefore) this.logger.warn({ error: (error as Error).message }, 'Worker presence not written to Redis');
      this.presenceFailedBefore = true;
    }
  }

  private async beatFile(): Promise<void> {
    try {
      await writeFile(this.file, `${process.pid} ${new Date().toISOString()}\n`);
      this.failedBefore = false;
    } catch (error) {
      // Once per run of failures: the health check will report the worker as not alive.
      if (!this.failedBefore) this.logger.warn({ file: this.file, error: (error as Error).message }, 'Worker heartbeat not written');
      this.failedBefore = true;
    }
  }

  /** A stopping worker is no longer alive: it takes no new job. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // Only our own: outside a container another worker may beat in the same file.
    const beating = await readFile(this.file, 'utf8').catch(() => '');
    if (beating.startsWith(`${process.pid} `)) await rm(this.file, { force: true });
    // Bounded: while Redis is away its client queues commands, and a stop must not wait for it.
    await redisAnswer(this.redis, () => forgetWorker(this.redis, this.config.REDIS_PREFIX)).catch(() => undefined);
  }
}
