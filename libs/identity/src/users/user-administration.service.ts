import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { AccountLockout, type AddressLocks } from '../auth/account-lockout';
import { normalizedUsername } from '../auth/credentials.service';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser, UserView } from '../identity.types';
import { toActor } from '../satker/satker.service';
import { auditorsManagedAbove } from './auditor-accounts';
import { EmailDeliveryFailure, lastEmailFailures } from './email-delivery-failure';
import { USER_COLUMNS, UserRow, toUserView } from './user.rows';
import { addressLockedUntil, SIGN_IN_COLUMNS, UserSignIn, UserSignInRow, userSignIn } from './user-sign-in';

/**
 * A user as an ADMIN of the office sees it: the view, and how it stands with signing in and with
 * e-mail (the last one given up: `lastEmailFailure`, null when none) — the latter only for an ADMIN
 * who may manage the account. An INSPEKTORAT account of an office below the root is managed from the
 * office above (auditor-accounts.ts); its own office's ADMIN gets the view without those fields, not
 * watching its auditor's sign-ins.
 */
export type AdministeredUserView = UserView & Partial<UserSignIn> & { lastEmailFailure?: EmailDeliveryFailure | null };

/**
 * The users of an office for their ADMIN (the routes under satker/{satker}/users, ADMIN only):
 * read fresh from the users row, where the account lock lives, at every request; and, given the
 * API's `addressLocks`, the latest pair lock of each account.
 */
@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lockout: AccountLockout,
    private readonly clock: Clock,
  ) {}

  async list(caller: AuthenticatedUser, satker: string, addressLocks?: AddressLocks): Promise<AdministeredUserView[]> {
    const rows: Array<UserRow & UserSignInRow> = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, ${SIGN_IN_COLUMNS} FROM users WHERE satker_code = $1 ORDER BY username`,
      [satker],
    );
    const now = this.clock.now();
    const auditorsHidden = await this.auditorsHidden(caller, satker);
    const failures = await lastEmailFailures(this.dataSource.manager, satker, rows.map((r) => r.id));
    return Promise.all(rows.map((row) => this.view(row, now, auditorsHidden, failures, addressLocks)));
  }

  /** A user of the given office; another office's user is "not found". */
  async get(caller: AuthenticatedUser, satker: string, id: string, addressLocks?: AddressLocks): Promise<AdministeredUserView> {
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS}, ${SIGN_IN_COLUMNS} FROM users WHERE satker_code = $1 AND id = $2`, [satker, id]);
    if (!row) throw identityErrors.userNotFound(id);
    const failures = await lastEmailFailures(this.dataSource.manager, satker, [row.id]);
    return this.view(row, this.clock.now(), row.role === 'INSPEKTORAT' && (await this.auditorsHidden(caller, satker)), failures, addressLocks);
  }

  /** Whether the caller may not see the sign-ins of the office's INSPEKTORAT accounts (the rule that refuses it managing them). */
  private async auditorsHidden(caller: AuthenticatedUser, satker: string): Promise<boolean> {
    return (await auditorsManagedAbove(this.dataSource.manager, toActor(caller), satker)) !== null;
  }

  private async view(
    row: UserRow & UserSignInRow, now: Date, auditorsHidden: boolean, failures: Map<string, EmailDeliveryFailure>, addressLocks?: AddressLocks,
  ): Promise<AdministeredUserView> {
    const user = toUserView(row);
    if (auditorsHidden && user.role === 'INSPEKTORAT') return user;
    const view: AdministeredUserView = { ...user, ...userSignIn(row, now, this.lockout.accountPolicy), lastEmailFailure: failures.get(user.id) ?? null };
    if (!addressLocks) return view;
    const until = addressLockedUntil(await addressLocks.locksOf(normalizedUsername(user.username), now), row.password_changed_at ?? null, now);
    return until === undefined ? view : { ...view, addressLockedUntil: until };
  }
}
