import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { authErrors } from '../identity.errors';
import type { AuthenticatedUser } from '../identity.types';
import { CREDENTIAL_COLUMNS, UserCredentialRow } from '../users/user.rows';
import { AccountLockout, UnknownUsernameFailures } from './account-lockout';
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
 * Checks a username and password, counting failures and locking the account after too many.
 * Unknown and wrong-password answers are the same error after the same work; with a store for the
 * failures of unknown names, an unknown name also locks like an account does. A deactivated account
 * (or one of a closed office) is told so, but only after its correct password.
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
   * `unknownNames` counts the failures of names that match no account (the API passes its Redis
   * store); without it they are refused without being counted.
   */
  async verify(username: string, password: string, unknownNames?: UnknownUsernameFailures): Promise<VerifiedCredentials> {
    const name = username.trim().toLowerCase();
    const row = await this.findByUsername(name);
    if (!row) {
      const now = this.clock.now();
      const until = await unknownNames?.lockedUntil(name, now);
      if (until) throw authErrors.locked(until, now);
      // The work of a wrong password at an account: a hash verified, a failure written.
      await this.hasher.verifyDummy(password);
      await this.lockout.spendFailureWork();
      await unknownNames?.recordFailure(name, this.clock.now(), this.lockout.policy);
      throw authErrors.invalidCredentials();
    }
    this.lockout.assertNotLocked(row);
    const matches = await this.hasher.verify(row.password_hash, password);
    if (!matches) {
      await this.lockout.recordFailure(row.id);
      throw authErrors.invalidCredentials();
    }
    // Only whoever knows the password learns that the account or its office is closed, and what to do.
    if (!row.active || !row.satker_active) throw authErrors.accountInactive(!row.satker_active);
    if (row.failed_login_count > 0 || row.locked_until) {
      await this.dataSource.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [row.id]);
    }
    return { user: toAuthenticated(row), tokenVersion: Number(row.token_version), passwordChangeRequired: row.must_change_password };
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

  private async findByUsername(username: string): Promise<UserCredentialRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users u JOIN satker s ON s.code = u.satker_code WHERE u.username = $1`,
      [username],
    );
    return row ?? null;
  }
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
