import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { CredentialsService, normalizedUsername, UserPasswordService, UserSessionsService } from '@kinerja/identity';
import type { AuthenticatedUser, IdentityCommandOptions, LoginOrigin } from '@kinerja/identity';
import { AccessTokenService } from './access-token.service';
import { AttemptsInFlight } from './attempts-in-flight';
import { countedAddress, loggedAddress, loggedUsername } from './client-address';
import { LoginResponseDto } from './auth.dto';
import { KnownAddressStore } from './known-addresses';
import { LoginRateLimiter } from './login-rate-limiter';
import { PairLockout } from './pair-lockout';
import { UnknownUsernameLockout } from './unknown-username-lockout';
import { VerificationSlots } from './verification-slots';

/** Refusals that say someone is guessing, for the operators' security log (warn); others are info. */
const ALARMING = new Set(['AUTH.LOCKED', 'AUTH.RATE_LIMITED', 'AUTH.ATTEMPT_IN_PROGRESS', 'AUTH.LOGIN_BUSY']);

/**
 * How long a signed-in owner's password change waits for another attempt at their name: the same
 * change sent twice at once then replays. Guesses with a stolen token are still checked one at a time.
 */
const PASSWORD_CHANGE_WAIT_MS = 5_000;

/**
 * How long a login waits for another attempt at its name: a double click signs in twice rather
 * than refusing the second (409 AUTH.ATTEMPT_IN_PROGRESS only past this). Guesses still run one
 * at a time, each counted before the next.
 */
const LOGIN_WAIT_MS = 2_000;

/**
 * Whatever proves a password: the address's rate limit, one attempt per name at a time, a bounded
 * number of verifications per process, then the credentials (and their locks: the account from this
 * address, the account from everywhere). Login, then a token; changing one's own
 * password, whose wrong current passwords count as failed logins for the address as for the account.
 */
@Injectable()
export class AuthService {
  /** The security log: who signed in or was refused, from where (never a password). */
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly credentials: CredentialsService,
    private readonly passwords: UserPasswordService,
    private readonly sessions: UserSessionsService,
    private readonly tokens: AccessTokenService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly pairs: PairLockout,
    private readonly knownAddresses: KnownAddressStore,
    private readonly unknownNames: UnknownUsernameLockout,
    private readonly inFlight: AttemptsInFlight,
    private readonly slots: VerificationSlots,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<LoginResponseDto> {
    const address = loggedAddress(clientAddress);
    try {
      const answer = await this.counted(username, clientAddress, LOGIN_WAIT_MS, 'AUTH.INVALID_CREDENTIALS', async () => {
        const { user, tokenVersion, passwordChangeRequired } = await this.credentials.verify(username, password, this.origin(clientAddress));
        return { ...(await this.tokens.issue(user, tokenVersion)), user, passwordChangeRequired };
      });
      this.logger.log({ msg: 'Signed in', event: 'auth.login', userId: answer.user.id, username: answer.user.username, satker: answer.user.satker, address });
      return answer;
    } catch (error) {
      this.refused('Sign-in refused', 'auth.login_refused', error, { username: loggedUsername(username), address });
      throw error;
    }
  }

  changeOwnPassword(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    clientAddress: string,
    options: IdentityCommandOptions,
  ): Promise<{ replayed: boolean }> {
    const address = loggedAddress(clientAddress);
    const origin = this.origin(clientAddress);
    return this.counted(user.username, clientAddress, PASSWORD_CHANGE_WAIT_MS, 'AUTH.CURRENT_PASSWORD_WRONG', async () => {
      await this.credentials.assertAddressNotLocked(user, origin);
      try {
        const answer = await this.passwords.changeOwn(user, currentPassword, newPassword, options);
        if (!answer.replayed) await this.credentials.addressSucceeded(user.username, origin);
        return answer;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'AUTH.CURRENT_PASSWORD_WRONG') await this.credentials.recordAddressFailure(user.username, origin);
        throw error;
      }
    }).then(
      (answer) => {
        if (!answer.replayed) this.logger.log({ msg: 'Own password changed', event: 'auth.password_changed', userId: user.id, username: user.username, address });
        return answer;
      },
      (error: unknown) => {
        this.refused('Own password change refused', 'auth.password_change_refused', error, { userId: user.id, username: user.username, address });
        throw error;
      },
    );
  }

  /** Ends every session of the caller: each token issued to them so far stops working. */
  async logout(user: AuthenticatedUser, address: string): Promise<void> {
    await this.sessions.endAll(user);
    this.logger.log({ msg: 'Signed out of every session', event: 'auth.logout', userId: user.id, username: user.username, satker: user.satker, address: loggedAddress(address) });
  }

  /** Where an attempt comes from, as the limits count it (`countedAddress`: IPv6 by its /64, nothing raw in a key). */
  private origin(clientAddress: string): LoginOrigin {
    return { address: countedAddress(clientAddress), pairs: this.pairs, knownAddresses: this.knownAddresses, unknownNames: this.unknownNames };
  }

  private refused(msg: string, event: string, error: unknown, fields: Record<string, unknown>): void {
    if (!(error instanceof DomainError)) return; // not a refusal: the exception filter logs it
    // Which lock refused: `pair` (the account from this address) or `account` (from every address not known).
    const lock = error.code === 'AUTH.LOCKED' ? { lock: (error.details as { lock?: string }).lock } : {};
    const line = { msg, event, code: error.code, ...lock, ...fields };
    if (ALARMING.has(error.code)) this.logger.warn(line);
    else this.logger.log(line);
  }

  /**
   * `attempt` admitted by the address's rate limit (counted as a failure if it fails with
   * `failure`), alone for its name (over every replica; waiting up to `waitMs` for its turn), in one
   * of this process's verification slots. Each check is made before the password is verified, so
   * requests sent at once cannot all pass it before any failure is counted.
   */
  private async counted<T>(username: string, clientAddress: string, waitMs: number, failure: string, attempt: () => Promise<T>): Promise<T> {
    const address = countedAddress(clientAddress);
    await this.rateLimiter.admit(address);
    let failed = false;
    try {
      return await this.inFlight.one(normalizedUsername(username), () => this.slots.run(attempt), waitMs);
    } catch (error) {
      failed = error instanceof DomainError && error.code === failure;
      throw error;
    } finally {
      await this.rateLimiter.settle(address, failed);
    }
  }
}
