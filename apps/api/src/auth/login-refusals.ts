import { DomainError } from '@kinerja/domain';

/** Refusals of a login (or own password change) before its password is even looked at, for load. */
export const loginRefusals = {
  /** Another attempt at the same name is being checked: one at a time, so that every failure is counted before the next. */
  attemptInProgress: () =>
    new DomainError(
      'AUTH.ATTEMPT_IN_PROGRESS',
      'Percobaan masuk lain ke akun ini sedang diperiksa. Tunggu sebentar, lalu coba lagi.',
      'conflict',
      { retryAfterSeconds: 1 },
    ),
  /** This API process already checks as many passwords as it may, and its queue is full. */
  busy: (retryAfterSeconds: number) =>
    new DomainError(
      'AUTH.LOGIN_BUSY',
      'Layanan masuk sedang sibuk. Coba lagi beberapa saat lagi. Sesi yang sudah masuk tetap berjalan.',
      'unavailable',
      { retryAfterSeconds },
    ),
};
