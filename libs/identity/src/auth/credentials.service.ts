import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { IdentityUnitOfWork } from '../events/identity-unit-of-work';
import { authErrors } from '../identity.errors';
import { SYSTEM_ACTOR } from '../identity.types';
import type { AuthenticatedUser } from '../identity.types';
import { CREDENTIAL_COLUMNS, UserCredentialRow } from '../users/user.rows';
import { afterFailedLogin, lockedUntil, LockoutPolicy } from './lockout.policy';
import { PasswordHasher } from './password-hasher';

export abstract class LockoutSettings implements LockoutPolicy {
  abstract maxFailures: number;
  abstract lockMinutes: number;
}

export interface VerifiedCredentials {
  user: AuthenticatedUser;
  tokenVersion: number;
}

/** A user as the token guard needs them: current access, and the version that older tokens lack. */
export interface SessionUser extends AuthenticatedUser {
  tokenVersion: number;
}

/**
 * Checks a username and password, counting failures and locking the account after too many.
 * Unknown, inactive and wrong-password answers are the same error after the same work.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly policy: LockoutSettings,
  ) {}

  async verify(username: string, password: string): Promise<VerifiedCredentials> {
    const row = await this.findByUsername(username.trim().toLowerCase());
    if (!row) {
      await this.hasher.verifyDummy(password);
      throw authErrors.invalidCredentials();
    }
    const now = this.clock.now();
    const until = lockedUntil({ failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until }, now);
    if (until) throw authErrors.locked(until, now);
    const matches = await this.hasher.verify(row.password_hash, password);
    if (!matches) {
      await this.recordFailure(row.id);
      throw authErrors.invalidCredentials();
    }
    if (!row.active || !row.satker_active) throw authErrors.invalidCredentials();
    if (row.failed_login_count > 0 || row.locked_until) {
      await this.dataSource.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [row.id]);
    }
    return { user: toAuthenticated(row), tokenVersion: Number(row.token_version) };
  }

  /** The current state of a token's subject, or null when it no longer exists. */
  async sessionUser(id: string): Promise<(SessionUser & { active: boolean }) | null> {
    const [row]: UserCredentialRow[] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users u JOIN satker s ON s.code = u.satker_code WHERE u.id = $1`,
      [id],
    );
    if (!row) return null;
    return { ...toAuthenticated(row), tokenVersion: Number(row.token_version), active: row.active && row.satker_active };
  }

  private async findByUsername(username: string): Promise<UserCredentialRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users u JOIN satker s ON s.code = u.satker_code WHERE u.username = $1`,
      [username],
    );
    return row ?? null;
  }

  private async recordFailure(id: string): Promise<void> {
    // Row lock: concurrent failures must each count, and exactly one of them locks.
    await this.unitOfWork.run(SYSTEM_ACTOR, async (manager, record) => {
      const [row]: UserCredentialRow[] = await manager.query(
        `SELECT satker_code, id, failed_login_count, locked_until FROM users WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const now = this.clock.now();
      const next = afterFailedLogin({ failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until }, now, this.policy);
      await manager.query(`UPDATE users SET failed_login_count = $2, locked_until = $3 WHERE id = $1`, [
        id,
        next.failedLoginCount,
        next.lockedUntil,
      ]);
      if (next.lockedNow && next.lockedUntil) {
        record(row.satker_code, {
          type: 'UserLockedOut',
          data: {
            userId: id,
            satker: row.satker_code,
            failedAttempts: this.policy.maxFailures,
            lockedUntil: next.lockedUntil.toISOString(),
          },
        });
      }
    });
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
