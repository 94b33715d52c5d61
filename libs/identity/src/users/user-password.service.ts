import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { Clock } from '@kinerja/platform';
import { IdentityCommandOptions, IdentityUnitOfWork } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser } from '../identity.types';
import { toActor } from '../satker/satker.service';
import { assertAcceptablePassword } from './password.rule';
import { USER_COLUMNS, UserRow } from './user.rows';

/**
 * Password changes. Each one bumps the user's token version, so every token issued before it stops
 * working at once; a reset by an administrator also lifts a lockout.
 */
@Injectable()
export class UserPasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async reset(
    actor: AuthenticatedUser,
    satker: string,
    userId: string,
    newPassword: string,
    options: IdentityCommandOptions = {},
  ): Promise<{ replayed: boolean }> {
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE satker_code = $1 AND id = $2`, [
      satker,
      userId,
    ]);
    if (!row) throw identityErrors.userNotFound(userId);
    return this.store(actor, row, newPassword, 'admin', options);
  }

  async changeOwn(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    options: IdentityCommandOptions = {},
  ): Promise<{ replayed: boolean }> {
    // A retry after success must replay, not fail on the current password that has just changed.
    if (await this.unitOfWork.replay(toActor(user), passwordOperation(user.satker, user.id), options.idempotencyKey)) {
      return { replayed: true };
    }
    const [row] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE satker_code = $1 AND id = $2`,
      [user.satker, user.id],
    );
    if (!row) throw identityErrors.userNotFound(user.id);
    if (!(await this.hasher.verify(row.password_hash, currentPassword))) throw identityErrors.currentPasswordWrong();
    return this.store(user, row, newPassword, 'self', options);
  }

  private async store(
    actor: AuthenticatedUser,
    row: UserRow,
    newPassword: string,
    by: 'self' | 'admin',
    options: IdentityCommandOptions,
  ): Promise<{ replayed: boolean }> {
    assertAcceptablePassword(newPassword, row.username);
    const passwordHash = await this.hasher.hash(newPassword);
    const operation = passwordOperation(row.satker_code, row.id);
    const { replayed } = await this.unitOfWork.command(toActor(actor), operation, options.idempotencyKey, async (manager, record) => {
      const now = this.clock.now();
      await manager.query(
        `UPDATE users SET password_hash = $3, password_changed_at = $4, token_version = token_version + 1,
                failed_login_count = 0, locked_until = CASE WHEN $5 THEN NULL ELSE locked_until END, updated_at = $4
          WHERE satker_code = $1 AND id = $2`,
        [row.satker_code, row.id, passwordHash, now, by === 'admin'],
      );
      record(row.satker_code, { type: 'UserPasswordChanged', data: { userId: row.id, satker: row.satker_code, by } });
    });
    return { replayed };
  }
}

function passwordOperation(satker: string, userId: string): string {
  return `user.password:${satker}:${userId}`;
}
