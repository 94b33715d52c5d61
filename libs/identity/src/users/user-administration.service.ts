import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { AccountLockout } from '../auth/account-lockout';
import { identityErrors } from '../identity.errors';
import type { UserView } from '../identity.types';
import { USER_COLUMNS, UserRow, toUserView } from './user.rows';
import { SIGN_IN_COLUMNS, UserSignIn, UserSignInRow, userSignIn } from './user-sign-in';

/** A user as the ADMIN who manages the account sees it: the view, and how it stands with signing in. */
export type AdministeredUserView = UserView & UserSignIn;

/**
 * The users of an office for their ADMIN (the routes under satker/{satker}/users, ADMIN only):
 * read fresh from the users row, where the account lock lives, at every request.
 */
@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lockout: AccountLockout,
    private readonly clock: Clock,
  ) {}

  async list(satker: string): Promise<AdministeredUserView[]> {
    const rows: Array<UserRow & UserSignInRow> = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, ${SIGN_IN_COLUMNS} FROM users WHERE satker_code = $1 ORDER BY username`,
      [satker],
    );
    const now = this.clock.now();
    return rows.map((row) => this.view(row, now));
  }

  /** A user of the given office; another office's user is "not found". */
  async get(satker: string, id: string): Promise<AdministeredUserView> {
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS}, ${SIGN_IN_COLUMNS} FROM users WHERE satker_code = $1 AND id = $2`, [satker, id]);
    if (!row) throw identityErrors.userNotFound(id);
    return this.view(row, this.clock.now());
  }

  private view(row: UserRow & UserSignInRow, now: Date): AdministeredUserView {
    return { ...toUserView(row), ...userSignIn(row, now, this.lockout.accountPolicy) };
  }
}
