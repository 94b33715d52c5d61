import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { authErrors } from '../identity.errors';
import type { AuthenticatedUser } from '../identity.types';
import { CREDENTIAL_COLUMNS, UserCredentialRow } from '../users/user.rows';
import { AccountLockout, LoginOrigin } from './account-lockout';
import { pairLockedUntil, refusingLock } from './lockout.policy';
import { PasswordHasher } from './password-hasher';

export interface VerifiedCredentials {
  user: AuthenticatedUser;
  tokenVersion: number;
  /** An administrator set the password: the owner may only change it (and read who they are) until they do. */
  passwordChangeRequired: boolean;
}

/** A user as the token guard needs them: current access, and the version that older tokens lack. */
export interface SessionUser extends AuthenticatedUser {
  tokenVersion: number;
  passwordChangeRequired: boolean;
}

/**
 * Checks a username and password, counting failures and locking after too many: per account and
 * client address (the pair lock), and per account from every address (the account lock, which
 * still lets in the addresses the account signed in from before). Unknown and wrong-password
 * answers are the same error after the same work; an unknown name is counted and locked like an
 * account. A deactivated account (or one of a closed office) is told so, but only after its
 * correct password.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly lockout: AccountLockout,
  ) {}

  /**
   * `origin` says where the attempt comes from and counts per address (the API passes its Redis
   * stores); without it only the account lock applies, and the failures of names that match no
   * account are not counted.
   */
  async verify(username: string, password: string, origin?: LoginOrigin): Promise<VerifiedCredentials> {
    const name = normalizedUsername(username);
    const row = await this.findByUsername(name);
    const now = this.clock.now();
    const accountUntil = row ? this.lockout.lockedUntil(row, now) : ((await origin?.unknownNames.lockedUntil(name, now)) ?? null);
    const atHardLimit = row !== null && accountUntil !== null && row.failed_login_count >= this.lockout.accountPolicy.hardLimit;
    const pairWaived = await this.assertNoLock(name, row?.password_changed_at ?? null, accountUntil, origin, now, { atHardLimit });
    if (!row) {
      // The work of a wrong password at an account: a hash verified, a failure written and counted.
      await this.hasher.verifyDummy(password);
      await this.lockout.spendFailureWork();
      await origin?.unknownNames.recordFailure(name, this.clock.now(), this.lockout.accountPolicy);
      await this.recordAddressFailure(name, origin);
      throw authErrors.invalidCredentials();
    }
    const matches = await this.hasher.verify(row.password_hash, password);
    if (!matches) {
      await this.lockout.recordFailure(row.id);
      await this.recordAddressFailure(name, origin);
      // A known address let past its pair lock is still locked for a wrong password.
      if (pairWaived) throw authErrors.locked(pairWaived, now, 'pair');
      throw authErrors.invalidCredentials();
    }
    // Only whoever knows the password learns that the account or its office is closed, and what to do.
    if (!row.active || !row.satker_active) throw authErrors.accountInactive(!row.satker_active);
    // A known address let in while the account lock is on leaves it on: other addresses stay refused.
    if (!accountUntil && (row.failed_login_count > 0 || row.locked_until)) {
      await this.dataSource.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL, last_failed_login_at = NULL WHERE id = $1`, [row.id]);
    }
    await this.addressSucceeded(name, origin);
    return { user: toAuthenticated(row), tokenVersion: Number(row.token_version), passwordChangeRequired: row.must_change_password };
  }

  /**
   * Before a signed-in user proves their password outside login (changing it): AUTH.LOCKED while
   * the account is locked from this address. The account lock is the change's own business.
   */
  async assertAddressNotLocked(user: AuthenticatedUser, origin: LoginOrigin): Promise<void> {
    const [row]: Array<{ password_changed_at: Date }> = await this.dataSource.query(
      `SELECT password_changed_at FROM users WHERE id = $1`,
      [user.id],
    );
    // No waiver for a known address here: whoever holds a token must not guess past the pair lock.
    await this.assertNoLock(normalizedUsername(user.username), row?.password_changed_at ?? null, null, origin, this.clock.now(), { waivable: false });
  }

  /** A failure to prove the password from the origin's address, counted towards the pair lock. */
  async recordAddressFailure(username: string, origin: LoginOrigin | undefined): Promise<void> {
    await origin?.pairs.recordFailure(normalizedUsername(username), origin.address, this.clock.now(), this.lockout.pairPolicy);
  }

  /** The password was proven from the origin's address: its failures go, and it becomes a known address. */
  async addressSucceeded(username: string, origin: LoginOrigin | undefined): Promise<void> {
    if (!origin) return;
    const name = normalizedUsername(username);
    await origin.pairs.clear(name, origin.address);
    await origin.knownAddresses.remember(name, origin.address, this.clock.now());
  }

  /**
   * AUTH.LOCKED from the pair lock, else from the account lock unless the address is known (see
   * `refusingLock`); returns the end of a pair lock a known address was let past, or null.
   */
  private async assertNoLock(
    name: string,
    passwordChangedAt: Date | null,
    accountUntil: Date | null,
    origin: LoginOrigin | undefined,
    now: Date,
    { atHardLimit = false, waivable = true }: { atHardLimit?: boolean; waivable?: boolean } = {},
  ): Promise<Date | null> {
    const pairUntil = origin ? pairLockedUntil(await origin.pairs.lockOf(name, origin.address), passwordChangedAt, now) : null;
    const asked = (pairUntil !== null && waivable && !atHardLimit) || (pairUntil === null && accountUntil !== null);
    const knownAddress = asked && origin ? await origin.knownAddresses.isKnown(name, origin.address, now) : false;
    const lock = refusingLock({ pairUntil, accountUntil, knownAddress: knownAddress, atHardLimit: atHardLimit || !waivable });
    if (lock.kind !== null) throw authErrors.locked(lock.until, now, lock.kind);
    return lock.pairWaived;
  }

  /** The current state of a token's subject, or null when it no longer exists. */
  async sessionUser(id: string): Promise<(SessionUser & { active: boolean }) | null> {
    const [row]: UserCredentialRow[] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users u JOIN satker s ON s.code = u.satker_code WHERE u.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      ...toAuthenticated(row),
      tokenVersion: Number(row.token_version),
      passwordChangeRequired: row.must_change_password,
      active: row.active && row.satker_active,
    };
  }

  private async findByUsername(username: string): Promise<(UserCredentialRow & { password_changed_at: Date }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS}, u.password_changed_at FROM users u JOIN satker s ON s.code = u.satker_code WHERE u.username = $1`,
      [username],
    );
    return row ?? null;
  }
}

/** A name as logins compare it: trimmed, lower case. */
export function normalizedUsername(username: string): string {
  return username.trim().toLowerCase();
}

function toAuthenticated(row: UserCredentialRow): AuthenticatedUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    satker: row.satker_code,
    subbagian: row.subbagian_code,
  };
}
