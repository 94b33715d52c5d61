import Redis from 'ioredis';
import { AppConfig } from '@kinerja/platform';
import { EvidenceUploadLimiter, evidenceRateLimited } from './evidence-upload.limiter';

describe('the upload limits of an account', () => {
  it('given Redis does not answer, then uploads go through uncounted rather than stop a report', async () => {
    const absent = new Redis({ lazyConnect: true }); // never connected: status "wait"
    const config = Object.assign(new AppConfig(), { REDIS_PREFIX: 'spec' });
    const limiter = new EvidenceUploadLimiter(config, absent);
    await expect(limiter.assertNotExhausted('user-1')).resolves.toBeUndefined();
    await expect(limiter.count('user-1', 9 * 1024 * 1024)).resolves.toBe(false);
    absent.disconnect();
  });

  it('given a limit used up, then 429 material: its code, the limit, the wait, in Indonesian', () => {
    const files = evidenceRateLimited('EVIDENCE_UPLOADS_PER_HOUR', 200, 1234);
    expect(files).toMatchObject({ code: 'EVIDENCE.RATE_LIMITED', details: { limit: 'EVIDENCE_UPLOADS_PER_HOUR', max: 200, retryAfterSeconds: 1234 } });
    expect(files.message).toBe(
      'Batas unggahan bukti dukung untuk akun Anda tercapai (200 file per jam). Coba lagi dalam 21 menit; bila batas ini menghambat pekerjaan, hubungi administrator.',
    );
    expect(evidenceRateLimited('EVIDENCE_BYTES_PER_DAY', 1024 ** 3, 30).message).toContain('(1 GB per hari). Coba lagi dalam 1 menit');
    expect(evidenceRateLimited('EVIDENCE_BYTES_PER_DAY', 1.5 * 1024 ** 3, 30).message).toContain('1,5 GB per hari');
  });
});
