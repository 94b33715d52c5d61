import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainError } from '@kinerja/domain';
import { AppConfig, REDIS, redisAnswer } from '@kinerja/platform';

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 86400;

type Limit = 'EVIDENCE_UPLOADS_PER_HOUR' | 'EVIDENCE_BYTES_PER_DAY';

function amount(bytes: number): string {
  const [unit, size] = bytes >= 1024 ** 3 ? ['GB', 1024 ** 3] : ['MB', 1024 ** 2];
  return `${(Math.floor(bytes / size * 10) / 10).toLocaleString('id-ID')} ${unit}`;
}

export function evidenceRateLimited(limit: Limit, max: number, retryAfterSeconds: number): DomainError {
  const what = limit === 'EVIDENCE_UPLOADS_PER_HOUR' ? `${max} file per jam` : `${amount(max)} per hari`;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'EVIDENCE.RATE_LIMITED',
    `Batas unggahan bukti dukung untuk akun Anda tercapai (${what}). Coba lagi dalam ${minutes} menit; ` +
      'bila batas ini menghambat pekerjaan, hubungi administrator.',
    'validation',
    { limit, max, retryAfterSeconds },
  );
}

/**
 * Uploads per account: files per hour and bytes per day, counted in Redis so that every API
 * replica shares the count. Fixed windows that start with the account's first upload in them.
 * Only files that passed every check count (type, size), whether or not the office already held
 * their bytes; a refused upload is taken back out of the count, as is one the disk would not store.
 *
 * When Redis does not answer, uploads go through uncounted (logged at warn): a Kasubbag at the
 * month-end deadline is not stopped by an outage, while each file stays within EVIDENCE_MAX_BYTES.
 */
@Injectable()
export class EvidenceUploadLimiter {
  private readonly logger = new Logger('EvidenceUploadLimiter');

  constructor(
    private readonly config: AppConfig,
    // Absent where nothing is uploaded over HTTP (the demo seed's context, which has no Redis).
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {}

  private keys(userId: string): { files: string; bytes: string } {
    return { files: `${this.config.REDIS_PREFIX}:evidence-uploads:${userId}`, bytes: `${this.config.REDIS_PREFIX}:evidence-bytes:${userId}` };
  }

  /** Refuses before the body is read when the account has already used up one of its limits. */
  async assertNotExhausted(userId: string): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    const { files, bytes } = this.keys(userId);
    const answer = await redisAnswer(redis, () => redis.multi().get(files).ttl(files).get(bytes).ttl(bytes).exec()).catch((error: unknown) => {
      this.logger.warn({ msg: 'upload not checked against its limits: Redis does not answer', userId, error: (error as Error).message });
      return null;
    });
    if (!answer) return;
    const [count, countTtl, total, totalTtl] = answer.map(([, value]) => value) as [string | null, number, string | null, number];
    // Even the smallest next file (1 byte) would break a limit that is used up.
    this.refuseOver(userId, { after: Number(count ?? 0) + 1, ttl: countTtl }, { after: Number(total ?? 0) + 1, ttl: totalTtl });
  }

  /**
   * Counts one file of `size` bytes, or refuses it (EVIDENCE.RATE_LIMITED, 429 with Retry-After).
   * Whether it was counted (not while Redis does not answer): only a counted file is taken back.
   */
  async count(userId: string, size: number): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return false;
    const { files, bytes } = this.keys(userId);
    // Counts and EXPIRE NX in one transaction: a key never outlives its window without a TTL.
    const answer = await redisAnswer(redis, () =>
      redis.multi().incr(files).expire(files, HOUR_SECONDS, 'NX').ttl(files).incrby(bytes, size).expire(bytes, DAY_SECONDS, 'NX').ttl(bytes).exec(),
    ).catch((error: unknown) => {
      this.logger.warn({ msg: 'upload not counted: Redis does not answer', userId, size, error: (error as Error).message });
      return null;
    });
    if (!answer) return false;
    const [count, , countTtl, total, , totalTtl] = answer.map(([, value]) => value) as number[];
    try {
      this.refuseOver(userId, { after: count, ttl: countTtl }, { after: total, ttl: totalTtl });
    } catch (refusal) {
      await this.takeBack(userId, size);
      throw refusal;
    }
    return true;
  }

  /** Takes a counted file back out of the count: it was refused after all (a limit, a disk that would not store it). */
  async takeBack(userId: string, size: number): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    const { files, bytes } = this.keys(userId);
    await redisAnswer(redis, () => redis.multi().decr(files).decrby(bytes, size).exec()).catch(() => undefined);
  }

  /** Refuses when the files or bytes counted with this upload (`after`) are over their limit. */
  private refuseOver(userId: string, files: { after: number; ttl: number }, bytes: { after: number; ttl: number }): void {
    const maxFiles = this.config.EVIDENCE_UPLOADS_PER_HOUR;
    const maxBytes = this.config.EVIDENCE_BYTES_PER_DAY;
    const refusal = bytes.after > maxBytes
      ? evidenceRateLimited('EVIDENCE_BYTES_PER_DAY', maxBytes, bytes.ttl > 0 ? bytes.ttl : DAY_SECONDS)
      : files.after > maxFiles ? evidenceRateLimited('EVIDENCE_UPLOADS_PER_HOUR', maxFiles, files.ttl > 0 ? files.ttl : HOUR_SECONDS) : null;
    if (!refusal) return;
    this.logger.warn({ msg: 'evidence upload refused: limit reached', userId, ...refusal.details });
    throw refusal;
  }
}
