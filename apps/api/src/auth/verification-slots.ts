import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kinerja/platform';
import { loginRefusals } from './login-refusals';

/** Retry-After of AUTH.LOGIN_BUSY. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * A bound on the password verifications (Argon2id: ~19 MiB and tens of milliseconds of CPU each)
 * this process runs at once: LOGIN_VERIFICATIONS_IN_FLIGHT run, LOGIN_VERIFICATION_QUEUE wait, and
 * any more is refused at once (503 AUTH.LOGIN_BUSY). A flood of logins then costs a bounded share
 * of the CPU, and everyone already signed in keeps being served. Per process, not shared: each
 * replica protects its own CPU. Unknown names take a slot like real ones.
 */
@Injectable()
export class VerificationSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly config: AppConfig) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.config.LOGIN_VERIFICATIONS_IN_FLIGHT) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.config.LOGIN_VERIFICATION_QUEUE) {
      return Promise.reject(loginRefusals.busy(BUSY_RETRY_AFTER_SECONDS));
    }
    // The slot passes straight to the next in line: `running` stays as it is.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
