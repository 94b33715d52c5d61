import type { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { redisAnswer } from '@kinerja/platform';

/** Retry-After of AUTH.LOGIN_UNAVAILABLE, while Redis does not answer. */
export const REDIS_RETRY_AFTER_SECONDS = 5;

/**
 * What a login must read or claim in Redis before a password is verified (a lock, a count, the
 * name's turn): while Redis does not answer, the login is refused at once (503
 * AUTH.LOGIN_UNAVAILABLE) rather than let through uncounted; people already signed in are not
 * affected.
 */
export function loginNeeds<T>(redis: Redis, logger: Logger, command: () => Promise<T>): Promise<T> {
  return redisAnswer(redis, command).catch((error: unknown) => {
    logger.warn({ msg: 'login refused: Redis does not answer', error: (error as Error).message });
    throw authErrors.loginUnavailable(REDIS_RETRY_AFTER_SECONDS);
  });
}

/**
 * What a login writes after its password was looked at (a failure counted, a claim released, an
 * address remembered): while Redis does not answer it is only logged, `lost` saying what was lost;
 * the answer to the person stands.
 */
export async function loginRecords(redis: Redis, logger: Logger, lost: string, command: () => Promise<unknown>): Promise<void> {
  await redisAnswer(redis, command).then(
    () => undefined,
    (error: unknown) => logger.warn({ msg: `${lost}: Redis does not answer`, error: (error as Error).message }),
  );
}
