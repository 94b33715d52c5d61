import { lkjRetrying } from './lkj-retrying';

describe('the LKj versions whose job the worker retries', () => {
  it('given no failure noted, then nothing is retrying', () => {
    expect(lkjRetrying(2024, [])).toBeNull();
  });

  it('given a version whose job failed its 3 attempts, then it says so in Indonesian, that it is retried by itself, and when', () => {
    const retrying = lkjRetrying(2024, [{ version: 7, failedAttempts: 3, lastFailedAt: new Date('2025-01-10T02:00:15Z'), retryAt: new Date('2025-01-10T02:01:15Z') }]);
    expect(retrying).toEqual({
      code: 'LKJ.PRODUCTION_RETRYING',
      message:
        'LKj 2024 versi 7 belum berhasil dibuat: 3 kali percobaan pembuatannya gagal karena gangguan di server. ' +
        'Kinerja mencobanya lagi secara otomatis; tidak perlu meminta ulang. Bila tetap belum dibuat, hubungi administrator sistem.',
      versions: [7], failedAttempts: 3, lastFailedAt: '2025-01-10T02:00:15.000Z', retryAt: '2025-01-10T02:01:15.000Z',
    });
  });

  it('given two versions, then their attempts together, the last failure and the earliest retry', () => {
    const retrying = lkjRetrying(2024, [
      { version: 6, failedAttempts: 4, lastFailedAt: new Date('2025-01-10T02:00:00Z'), retryAt: new Date('2025-01-10T02:02:00Z') },
      { version: 7, failedAttempts: 3, lastFailedAt: new Date('2025-01-10T02:00:30Z'), retryAt: null },
    ]);
    expect(retrying).toMatchObject({ versions: [6, 7], failedAttempts: 7, lastFailedAt: '2025-01-10T02:00:30.000Z', retryAt: '2025-01-10T02:02:00.000Z' });
    expect(retrying!.message).toMatch(/^LKj 2024 versi 6, 7 belum berhasil dibuat: 7 kali percobaan/);
  });
});
