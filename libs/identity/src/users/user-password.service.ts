import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountLockout, type AddressLocks } from '../auth/account-lockout';
import { normalizedUsername } from '../auth/credentials.service';
import { PasswordHasher } from '../auth/password-hasher';
import { Clock } from '@kinerja/platform';
import { optionalReason, withReason } from '../events/identity-reason';
import { IdentityCommandOptions, IdentityUnitOfWork } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser } from '../identity.types';
import { officeNamesOf } from '../satker/office-names';
import { toActor } from '../satker/satker.service';
import { assertMayManageAuditor } from './auditor-accounts';
import { assertAcceptablePassword } from './password.rule';
import { assertNotLikeCurrent } from './password-similarity';
import { USER_COLUMNS, UserRow } from './user.rows';

/**
 * Password changes. Each one bumps the user's token version, so every token issued before it stops
 * working at once, and clears the failed attempts as a successful login does; a reset by an
 * administrator also lifts a lockout. A wrong current password counts as a failed login of the
 * account (a stolen token must not let its holder guess the password), and a locked account
 * cannot change its own password until the lock ends. Nobody resets their own password as an
 * administrator: that would skip the current password. A reset marks the account: its owner must
 * choose their own password before doing anything else (the administrator knows this one); their
 * own change clears the mark.
 */
@Injectable()
export class UserPasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly lockout: AccountLockout,
  ) {}

  async reset(
    actor: AuthenticatedUser,
    satker: string,
    userId: string,
    input: { newPassword: string; reason?: string | null },
    options: IdentityCommandOptions = {},
  ): Promise<{ replayed: boolean }> {
    const reason = optionalReason(input.reason);
    // Without the current password, one's own reset would let a stolen token take the account for good
    // (and sign its owner out): one's own password is changed with the old one (changeOwn).
    if (userId === actor.id) throw identityErrors.cannotResetOwnPassword();
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE satker_code = $1 AND id = $2`, [
      satker,
      userId,
    ]);
    if (!row) throw identityErrors.userNotFound(userId);
    await assertMayManageAuditor(this.dataSource.manager, toActor(actor), satker, [row.role]);
    return this.store(actor, row, input.newPassword, 'admin', options, reason);
  }

  /**
   * Lifts the account lock and forgets the failed logins, without a new password (its owner remembers
   * it): an administrator's answer to a Kasubbag locked out by their own typos. Refused for one's own
   * account like a reset, and for an INSPEKTORAT by the office's own ADMIN. Answers what was there.
   * Given the API's `addressLocks`, the account's pair locks (one address each) are lifted too, once
   * the unlock is recorded; the answer says how many (`addressLocksLifted`: 0 on a replay, whose first
   * request lifted them; null when they could not be lifted now), the event does not. The
   * administrator's optional reason travels with the event (`UserUnlocked`); nothing to unlock
   * records nothing, its reason included.
   */
  async unlock(
    actor: AuthenticatedUser,
    satker: string,
    userId: string,
    input: { reason?: string | null } = {},
    options: IdentityCommandOptions = {},
    addressLocks?: AddressLocks,
  ): Promise<{ failedAttempts: number; lockedUntil: string | null; addressLocksLifted: number | null; replayed: boolean }> {
    const reason = optionalReason(input.reason);
    if (userId === actor.id) throw identityErrors.cannotResetOwnPassword();
    let username: string | null = null;
    const { result, replayed } = await this.unitOfWork.command(toActor(actor), `user.unlock:${satker}:${userId}`, options, async (manager, record) => {
      const [row] = await manager.query(
        `SELECT role, username, failed_login_count, locked_until FROM users WHERE satker_code = $1 AND id = $2 FOR UPDATE`,
        [satker, userId],
      );
      if (!row) throw identityErrors.userNotFound(userId);
      await assertMayManageAuditor(manager, toActor(actor), satker, [row.role]);
      username = row.username as string;
      const failedAttempts = Number(row.failed_login_count);
      const lockedUntil = this.lockout.lockedUntil(row, this.clock.now())?.toISOString() ?? null;
      if (failedAttempts === 0 && lockedUntil === null) return { failedAttempts, lockedUntil };
      await manager.query(
        `UPDATE users SET failed_login_count = 0, locked_until = NULL, last_failed_login_at = NULL WHERE satker_code = $1 AND id = $2`,
        [satker, userId],
      );
      record(satker, { type: 'UserUnlocked', data: withReason({ userId, satker, failedAttempts, lockedUntil }, reason) });
      return { failedAttempts, lockedUntil };
    });
    const addressLocksLifted = username !== null && addressLocks ? await addressLocks.liftAll(normalizedUsername(username), this.clock.now()) : 0;
    return { ...result, addressLocksLifted, replayed };
  }

  async changeOwn(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    options: IdentityCommandOptions = {},
  ): Promise<{ replayed: boolean }> {
    // A retry after success must replay, not fail on the current password that has just changed.
    if (await this.unitOfWork.replay(toActor(user), passwordOperation(user.satker, user.id), options)) {
      return { replayed: true };
    }
    const [row] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, password_hash, password_changed_at, failed_login_count, locked_until FROM users WHERE satker_code = $1 AND id = $2`,
      [user.satker, user.id],
    );
    if (!row) throw identityErrors.userNotFound(user.id);
    this.lockout.assertNotLocked(row);
    if (!(await this.hasher.verify(row.password_hash, currentPassword))) {
      // The same change sent twice at once: the first may have stored the new password since the
      // replay check above, so the "current" one no longer matches. That is its retry, not a guess —
      // told by its key, or without one (a double click) by the new password being the one just stored.
      if (await this.unitOfWork.replay(toActor(user), passwordOperation(user.satker, user.id), options)) return { replayed: true };
      if (await this.justChangedTo(row, newPassword)) return { replayed: true };
      await this.lockout.recordFailure(row.id);
      throw identityErrors.currentPasswordWrong();
    }
    // A "change" to the same password would end every session and protect nothing.
    if (newPassword === currentPassword) throw identityErrors.passwordUnchanged();
    // Nor to the same one with a space or a letter more: after a reset, the administrator knows it.
    assertNotLikeCurrent(newPassword, currentPassword);
    return this.store(user, row, newPassword, 'self', options);
  }

  /** The password was changed to `newPassword` within the last minute (the first of two identical requests). */
  private async justChangedTo(row: { password_hash: string; password_changed_at: Date }, newPassword: string): Promise<boolean> {
    const changedMsAgo = this.clock.now().getTime() - new Date(row.password_changed_at).getTime();
    return changedMsAgo >= 0 && changedMsAgo < 60_000 && (await this.hasher.verify(row.password_hash, newPassword));
  }

  private async store(
    actor: AuthenticatedUser,
    row: UserRow,
    newPassword: string,
    by: 'self' | 'admin',
    options: IdentityCommandOptions,
    reason?: string,
  ): Promise<{ replayed: boolean }> {
    const officeNames = await officeNamesOf(this.dataSource.manager, row.satker_code);
    assertAcceptablePassword(newPassword, { username: row.username, satker: row.satker_code, fullName: row.full_name, email: row.email, officeNames });
    const passwordHash = await this.hasher.hash(newPassword);
    const operation = passwordOperation(row.satker_code, row.id);
    const { replayed } = await this.unitOfWork.command(toActor(actor), operation, options, async (manager, record) => {
      const now = this.clock.now();
      // Both lift any lock: an administrator's reset on purpose; one's own change only gets here
      // unlocked, and clears the failures as a successful login does.
      await manager.query(
        `UPDATE users SET password_hash = $3, password_changed_at = $4, token_version = token_version + 1,
                failed_login_count = 0, locked_until = NULL, must_change_password = $5, updated_at = $4
          WHERE satker_code = $1 AND id = $2`,
        [row.satker_code, row.id, passwordHash, now, by === 'admin'],
      );
      record(row.satker_code, { type: 'UserPasswordChanged', data: withReason({ userId: row.id, satker: row.satker_code, by }, reason) });
    });
    return { replayed };
  }
}

function passwordOperation(satker: string, userId: string): string {
  return `user.password:${satker}:${userId}`;
}
