import { readFile, rm, writeFile } from 'node:fs/promises';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JobWorkers } from '@kinerja/jobs';
import { ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { HEARTBEAT_INTERVAL_MS, heartbeatFile } from './heartbeat-file';

/**
 * The worker's liveness signal: every HEARTBEAT_INTERVAL_MS, from its event loop, while every queue
 * worker is up, it rewrites heartbeatFile(). A stuck event loop or stopped queue workers let the
 * file age, and `healthcheck.js` then fails. Redis or PostgreSQL being away does not: the worker
 * waits for them by itself, and restarting it would not bring them back.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private readonly file = heartbeatFile();
  private failedBefore = false;

  constructor(
    private readonly jobs: JobWorkers,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async beat(): Promise<void> {
    if (!this.jobs.isRunning()) return;
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
  }
}
