import { DomainError } from '@kinerja/domain';

/** What one account may send: `burst` commands at once, then one per `intervalMs` (GCRA). */
export interface CommandRatePolicy {
  burst: number;
  perWindow: number;
  windowSeconds: number;
  /** Milliseconds between two commands once the burst is used: the window over its commands. */
  intervalMs: number;
}

export function commandRatePolicy(config: { COMMAND_RATE_BURST: number; COMMAND_RATE_PER_WINDOW: number; COMMAND_RATE_WINDOW_SECONDS: number }): CommandRatePolicy {
  return {
    burst: config.COMMAND_RATE_BURST,
    perWindow: config.COMMAND_RATE_PER_WINDOW,
    windowSeconds: config.COMMAND_RATE_WINDOW_SECONDS,
    intervalMs: (config.COMMAND_RATE_WINDOW_SECONDS * 1000) / config.COMMAND_RATE_PER_WINDOW,
  };
}

/** Whole seconds of Retry-After for a wait in milliseconds: never 0, so a client that obeys it is let through. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** A duration as a person reads it: "45 detik", "2 menit", "1 jam 5 menit". */
export function durationText(seconds: number): string {
  if (seconds < 60) return `${seconds} detik`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} menit`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} jam${rest === 0 ? '' : ` ${rest} menit`}`;
}

/** 429 RATE_LIMIT.COMMANDS: the account must wait `waitMs` before its next command is taken. */
export function commandRateLimited(policy: CommandRatePolicy, waitMs: number): DomainError {
  const retryAfter = retryAfterSeconds(waitMs);
  return new DomainError(
    'RATE_LIMIT.COMMANDS',
    `Akun Anda mengirim terlalu banyak perintah dalam waktu singkat (batas: ${policy.burst} sekaligus, lalu ` +
      `${policy.perWindow} per ${durationText(policy.windowSeconds)}). Perintah ini tidak dijalankan dan tidak ada yang dicatat. ` +
      `Tunggu ${durationText(retryAfter)}, lalu kirim ulang; bila batas ini menghambat pekerjaan, hubungi administrator.`,
    'validation',
    { burst: policy.burst, perWindow: policy.perWindow, windowSeconds: policy.windowSeconds, retryAfterSeconds: retryAfter },
  );
}
