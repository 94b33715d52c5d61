import type { Logger } from 'pino';
import { logRetriedFailure } from './logger';

/**
 * The failures of one background loop that retries by itself (a poll, a leader tick, a projection),
 * told to the operators without flooding the log during an outage: the first failure of a run as
 * `logRetriedFailure` does (a database outage a warning without stack, anything else an error with
 * its stack), then at most one line per `repeatEveryMs` with the count since the last line, and one
 * info line when the loop works again, saying for how long and how often it failed.
 */
export class FailureRun {
  private startedAt: number | null = null;
  private lastLineAt = 0;
  private failures = 0;
  private unreported = 0;

  constructor(
    private readonly logger: Logger,
    private readonly msg: string,
    private readonly fields: Record<string, unknown> = {},
    private readonly repeatEveryMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  failed(error: unknown): void {
    const at = this.now();
    this.failures += 1;
    if (this.startedAt === null) {
      this.startedAt = at;
      this.lastLineAt = at;
      logRetriedFailure(this.logger, error, this.msg, this.fields);
      return;
    }
    this.unreported += 1;
    if (at - this.lastLineAt < this.repeatEveryMs) return;
    logRetriedFailure(this.logger, error, `${this.msg} (still failing)`, {
      ...this.fields, failures: this.failures, failuresSinceLastLine: this.unreported, failingForSeconds: Math.round((at - this.startedAt) / 1000),
    });
    this.lastLineAt = at;
    this.unreported = 0;
  }

  succeeded(): void {
    if (this.startedAt === null) return;
    this.logger.info(
      { ...this.fields, failures: this.failures, failingForSeconds: Math.round((this.now() - this.startedAt) / 1000) },
      `${this.msg}: working again`,
    );
    this.startedAt = null;
    this.failures = 0;
    this.unreported = 0;
  }
}
