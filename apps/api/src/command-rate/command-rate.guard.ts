import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { actorScopedKey } from '@kinerja/event-store';
import type { AuthenticatedUser } from '@kinerja/identity';
import { AppConfig, REDIS, redisAnswer } from '@kinerja/platform';
import { SATKER_PARAM } from '../auth/access.guard';
import type { AuthenticatedRequest } from '../http/current-user.decorator';
import { commandRateLimited, commandRatePolicy, type CommandRatePolicy } from './command-rate.policy';
import { TAKE_COMMAND, TAKE_COMMAND_SHA } from './command-rate.script';
import { HONOURS_IDEMPOTENCY_KEY } from '../workflow-http/command-headers.decorator';
import { commandFingerprint } from '../workflow-http/command-options';
import { OWN_RATE_LIMIT_KEY } from './own-rate-limit.decorator';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** While Redis does not answer, one warning per this many milliseconds, not one per command. */
const WARNING_EVERY_MS = 10_000;

/**
 * Commands per signed-in account (COMMAND_RATE_BURST at once, then COMMAND_RATE_PER_WINDOW per
 * COMMAND_RATE_WINDOW_SECONDS), counted in Redis so every replica shares the count: one EVALSHA per
 * command (command-rate.script.ts). Over the limit: 429 RATE_LIMIT.COMMANDS with Retry-After,
 * before any handler runs, so nothing is written and no Idempotency-Key is used. A guard, not an
 * interceptor (BENCHMARKS.md, "checks as guards"); bound after AccessGuard, whose user it counts.
 *
 * Not counted: reads; routes without a user (login, with its own limits per address and account);
 * routes marked `@OwnRateLimit` (evidence uploads: EVIDENCE_UPLOADS_PER_HOUR). A retry of a command
 * already answered counts like any command while the account is under its limit (telling it apart
 * would cost a database read per command), and over the limit it is still let through, uncounted,
 * to get its first answer, which writes nothing: only on a route that honours Idempotency-Key
 * (`@CommandHeaders()`), and only when its key is recorded with this very request's fingerprint
 * (the same command, route and payload). A new body with an old key, or a key on a route that
 * ignores keys (logout, read-all), would otherwise run a new command past the limit.
 *
 * When Redis does not answer, commands go through uncounted (logged at warn), as evidence uploads
 * do: the facts live in PostgreSQL, and an outage of Redis must not stop a Kasubbag at the deadline
 * (test/e2e/redis-outage.e2e-spec.ts). Logins, which guard passwords, are refused instead.
 */
@Injectable()
export class CommandRateGuard implements CanActivate {
  private readonly logger = new Logger('CommandRate');
  private readonly policy: CommandRatePolicy;
  private readonly prefix: string;
  private lastWarning = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.policy = commandRatePolicy(config);
    this.prefix = `${config.REDIS_PREFIX}:command-rate:`;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = request.user;
    if (!user || !COMMAND_METHODS.has(request.method)) return true;
    if (this.reflector.getAllAndOverride<string | undefined>(OWN_RATE_LIMIT_KEY, [context.getHandler(), context.getClass()])) return true;
    const waitMs = await this.take(user.id);
    if (waitMs === 0) return true;
    const replayable = this.reflector.getAllAndOverride<boolean | undefined>(HONOURS_IDEMPOTENCY_KEY, [context.getHandler(), context.getClass()]) === true;
    if (replayable && (await this.answeredBefore(request, user))) return true;
    throw commandRateLimited(this.policy, waitMs);
  }

  /** 0 when the account may send this command (now counted), else the milliseconds it must wait. */
  private async take(userId: string): Promise<number> {
    const key = this.prefix + userId;
    const args = [String(this.policy.intervalMs), String(this.policy.burst)];
    const answer = await redisAnswer(this.redis, () =>
      this.redis.evalsha(TAKE_COMMAND_SHA, 1, key, ...args).catch((error: Error) =>
        error.message.startsWith('NOSCRIPT') ? this.redis.eval(TAKE_COMMAND, 1, key, ...args) : Promise.reject(error),
      ),
    ).catch((error: unknown) => {
      this.warnUncounted(userId, error as Error);
      return 0;
    });
    return Number(answer);
  }

  /**
   * Is this a retry of a command already carried out: its Idempotency-Key recorded by the event store
   * or the identity commands with the fingerprint of this same request (as `commandOptions` computes it)?
   */
  private async answeredBefore(request: AuthenticatedRequest, user: AuthenticatedUser): Promise<boolean> {
    let key: string | null;
    try {
      key = actorScopedKey(user.id, request.header('idempotency-key'));
    } catch {
      return false; // a key no command would take: refused by the limit, as the command would be
    }
    if (key === null) return false;
    const satker = request.params?.[SATKER_PARAM];
    const rows: Array<{ answered: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM event_idempotency_keys WHERE tenant_id = $1 AND idempotency_key = $3 AND request_fingerprint = $4)
           OR EXISTS (SELECT 1 FROM identity_command_results WHERE satker_code = $2 AND idempotency_key = $3 AND request_fingerprint = $4) AS answered`,
      [typeof satker === 'string' ? satker : user.satker, user.satker, key, commandFingerprint(request)],
    );
    return rows[0]?.answered === true;
  }

  private warnUncounted(userId: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastWarning < WARNING_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn({ msg: 'commands not counted against their limit: Redis did not answer the count', userId, error: error.message });
  }
}
