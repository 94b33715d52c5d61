import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { KnownAddresses } from '@kinerja/identity';
import { AppConfig, REDIS } from '@kinerja/platform';
import { loginNeeds, loginRecords } from './login-redis';
import { hashedName } from './pair-lockout';

/** How long a sign-in makes its address known. */
export const KNOWN_ADDRESS_DAYS = 90;
/** Addresses kept per account, the most recent: an office's NAT, home, a phone. */
export const KNOWN_ADDRESSES_KEPT = 10;
const KNOWN_MS = KNOWN_ADDRESS_DAYS * 24 * 60 * 60_000;

/**
 * The client addresses each account signed in from in the last KNOWN_ADDRESS_DAYS (a sorted set
 * per name, scored by the last sign-in, at most KNOWN_ADDRESSES_KEPT, expiring with its newest
 * entry): while the account lock is on, these still get in. Keyed by a hash of the name, as the
 * other login keys are; a name that matches no account never has one.
 */
@Injectable()
export class KnownAddressStore implements KnownAddresses {
  private readonly logger = new Logger('KnownAddresses');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private key(username: string): string {
    return `${this.config.REDIS_PREFIX}:login-known-addresses:${hashedName(username)}`;
  }

  async isKnown(username: string, address: string, now: Date): Promise<boolean> {
    const score = await loginNeeds(this.redis, this.logger, () => this.redis.zscore(this.key(username), address));
    return score !== null && Number(score) > now.getTime() - KNOWN_MS;
  }

  async remember(username: string, address: string, now: Date): Promise<void> {
    const key = this.key(username);
    const at = now.getTime();
    await loginRecords(this.redis, this.logger, 'address of a sign-in not remembered', () =>
      this.redis
        .multi()
        .zadd(key, at, address)
        .zremrangebyscore(key, '-inf', at - KNOWN_MS)
        .zremrangebyrank(key, 0, -(KNOWN_ADDRESSES_KEPT + 1))
        .pexpire(key, KNOWN_MS)
        .exec(),
    );
  }
}
