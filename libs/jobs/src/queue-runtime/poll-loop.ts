import { FailureRun } from '@kinerja/platform';
import type { Logger } from 'pino';

/**
 * A process manager's polling loop, as the LKj, the dispensasi notices and the catatan reviu notices
 * run theirs: one poll every interval, never two at once (a tick that finds a poll still running is
 * skipped), an outage's failures told by a `FailureRun` (a few lines, and one when it works again),
 * the timer never keeping the process alive; `stop` waits for the poll in flight.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<unknown> | null = null;
  private readonly failures: FailureRun;

  constructor(logger: Logger, failureMessage: string, private readonly poll: () => Promise<unknown>) {
    this.failures = new FailureRun(logger, failureMessage);
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.polling) return;
      this.polling = this.poll()
        .then(() => this.failures.succeeded(), (error) => this.failures.failed(error))
        .finally(() => (this.polling = null));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling;
  }
}
