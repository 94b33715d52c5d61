import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@kinerja/domain';
import { PasswordHasher } from '../auth/password-hasher';
import { Clock } from '@kinerja/platform';
import type { UserChanges } from '../events/identity.events';
import { optionalReason, withReason } from '../events/identity-reason';
import { IdentityCommandOptions, IdentityOutcome, IdentityUnitOfWork, isUniqueViolation, outcome } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser, IdentityActor, UserView } from '../identity.types';
import { officeNamesOf } from '../satker/office-names';
import { assertOfficeOpen, officeIsOpen } from '../satker/open-office';
import { toActor } from '../satker/satker.service';
import { SubbagianService } from '../subbagian/subbagian.service';
import { rowsOf } from '../sql';
import { assertMayManageAuditor } from './auditor-accounts';
import { storedEmail } from './email-address';
import { storedFullName } from './full-name';
import { assertAcceptablePassword } from './password.rule';
import { USER_COLUMNS, UserRow, toUserView } from './user.rows';

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  role: Role;
  subbagian?: string | null;
  password: string;
  /**
   * Who chose the password. `admin` (the default, every HTTP request): it must meet the password
   * rule, and its owner must change it at first sign-in, since somebody else knows it.
   * `configured`: the first administrator's, from ADMIN_PASSWORD (FirstAdminService checks it in
   * production); the operator chose it, so it is not marked. `demo`: seed:demo's published demo
   * password, neither checked nor marked (a demo, refused in production without a flag).
   */
  passwordOrigin?: 'admin' | 'configured' | 'demo';
  /** Why the account is created (the audit trail shows it); optional, 3–2000 visible characters when given. */
  reason?: string | null;
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  role?: Role;
  subbagian?: string | null;
  active?: boolean;
  expectedVersion?: number;
  /** Why (the audit trail shows it on every event the change records); optional, 3–2000 visible characters when given. */
  reason?: string | null;
}

/** Users of one office: created, updated, (de)activated; never deleted. */
@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly subbagian: SubbagianService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async list(satker: string): Promise<UserView[]> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE satker_code = $1 ORDER BY username`,
      [satker],
    );
    return rows.map(toUserView);
  }

  /** A user of the given office; another office's user is "not found". */
  async get(satker: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<UserView> {
    const [row] = await manager.query(`SELECT ${USER_COLUMNS} FROM users WHERE satker_code = $1 AND id = $2`, [satker, id]);
    if (!row) throw identityErrors.userNotFound(id);
    return toUserView(row);
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    return row.n;
  }

  /** Also used at first start, with the system as the actor. */
  async create(
    actor: AuthenticatedUser | IdentityActor,
    satker: string,
    input: CreateUserInput,
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<UserView>> {
    const username = input.username.toLowerCase();
    const origin = input.passwordOrigin ?? 'admin';
    const email = storedEmail(input.email);
    const fullName = storedFullName(input.fullName);
    const reason = optionalReason(input.reason);
    if (origin === 'admin') {
      const officeNames = await officeNamesOf(this.dataSource.manager, satker);
      assertAcceptablePassword(input.password, { username, satker, fullName, email, officeNames });
    }
    const mustChangePassword = origin === 'admin';
    const passwordHash = await this.hasher.hash(input.password); // outside the transaction: it takes a while
    const operation = `user.create:${satker}:${username}`;
    const answer = await this.unitOfWork.command(toActor(actor), operation, options, async (manager, record) => {
      await assertMayManageAuditor(manager, toActor(actor), satker, [input.role]);
      await assertOfficeOpen(manager, satker, 'pengguna');
      const subbagian = await this.checkedSubbagian(manager, satker, input.role, input.subbagian ?? null);
      const id = randomUUID();
      const now = this.clock.now();
      let rows: UserRow[];
      try {
        rows = await manager.query(
          `INSERT INTO users (satker_code, id, username, full_name, email, role, subbagian_code, password_hash,
                              password_changed_at, must_change_password, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $9) RETURNING ${USER_COLUMNS}`,
          [satker, id, username, fullName, email, input.role, subbagian, passwordHash, now, mustChangePassword],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'users_username_key')) throw identityErrors.usernameTaken(username);
        if (isUniqueViolation(error, 'users_active_email_key')) throw identityErrors.emailTaken(email!);
        throw error;
      }
      const user = toUserView(rows[0]);
      await rememberEmail(manager, id, email, now);
      record(satker, {
        type: 'UserCreated',
        data: withReason({
          userId: id,
          username,
          fullName: user.fullName,
          email: user.email,
          role: user.role,
          satker,
          subbagian: user.subbagian,
          mustChangePassword,
        }, reason),
      });
      return user;
    });
    return outcome(answer);
  }

  async update(
    actor: AuthenticatedUser,
    satker: string,
    id: string,
    input: UpdateUserInput,
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<UserView>> {
    const operation = `user.update:${satker}:${id}`;
    const reason = optionalReason(input.reason);
    const answer = await this.unitOfWork.command(toActor(actor), operation, options, async (manager, record) => {
      // Before the user's row: a deactivation of the office locks the office, then its users.
      const officeOpen = input.active === true ? await officeIsOpen(manager, satker) : true;
      const [locked] = await manager.query(
        `SELECT ${USER_COLUMNS} FROM users WHERE satker_code = $1 AND id = $2 FOR UPDATE`,
        [satker, id],
      );
      if (!locked) throw identityErrors.userNotFound(id);
      const current = toUserView(locked);
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw identityErrors.versionConflict('pengguna', input.expectedVersion, current.version);
      }
      const role = input.role ?? current.role;
      await assertMayManageAuditor(manager, toActor(actor), satker, [current.role, role]);
      // Leaving KASUBBAG drops the subbagian unless the caller says otherwise (and is then refused).
      const wanted = input.subbagian !== undefined ? input.subbagian : role === 'KASUBBAG' ? current.subbagian : null;
      const email = input.email === undefined ? undefined : storedEmail(input.email);
      // A name stored before the rule of storedFullName may come back unchanged; a new one must follow it.
      const fullName = input.fullName == null || input.fullName === current.fullName ? undefined : storedFullName(input.fullName);
      const changes = changedFields(current, { ...input, fullName, email, role, subbagian: wanted });
      // null (refused over HTTP) is no change for a field that cannot be emptied; e-mail and subbagian can.
      const active = input.active != null && input.active !== current.active ? input.active : undefined;
      if (id === actor.id && (changes.role !== undefined || active === false)) throw identityErrors.cannotChangeSelf();
      if (Object.keys(changes).length === 0 && active === undefined) return current;
      if (active === true && !officeOpen) throw identityErrors.satkerInactive(satker, 'pengguna', true);
      if (changes.role !== undefined || changes.subbagian !== undefined) {
        await this.checkedSubbagian(manager, satker, role, wanted);
      }
      const accessChanged = changes.role !== undefined || changes.subbagian !== undefined || active !== undefined;
      const now = this.clock.now();
      const [row] = await emailChecked(changes.email ?? current.email, () => rowsOf<UserRow>(
        manager,
        `UPDATE users SET full_name = $3, email = $4, role = $5, subbagian_code = $6, active = $7,
                token_version = token_version + $8, version = version + 1, updated_at = $9
          WHERE satker_code = $1 AND id = $2 RETURNING ${USER_COLUMNS}`,
        [
          satker,
          id,
          changes.fullName ?? current.fullName,
          changes.email !== undefined ? changes.email : current.email,
          role,
          wanted,
          active ?? current.active,
          accessChanged ? 1 : 0,
          now,
        ],
      ));
      if (changes.email) await rememberEmail(manager, id, changes.email, now);
      if (Object.keys(changes).length > 0) record(satker, { type: 'UserUpdated', data: withReason({ userId: id, satker, changes }, reason) });
      if (active === false) record(satker, { type: 'UserDeactivated', data: withReason({ userId: id, satker }, reason) });
      if (active === true) record(satker, { type: 'UserReactivated', data: withReason({ userId: id, satker }, reason) });
      return toUserView(row);
    });
    return outcome(answer);
  }

  private async checkedSubbagian(manager: EntityManager, satker: string, role: Role, subbagian: string | null) {
    if (role !== 'KASUBBAG') {
      if (subbagian !== null) throw identityErrors.subbagianNotAllowed();
      return null;
    }
    if (subbagian === null) throw identityErrors.subbagianRequired();
    await this.subbagian.assignable(satker, subbagian, manager);
    return subbagian;
  }
}

function changedFields(current: UserView, wanted: UpdateUserInput & { role: Role; subbagian: string | null }): UserChanges {
  const changes: UserChanges = {};
  if (wanted.fullName != null && wanted.fullName !== current.fullName) changes.fullName = wanted.fullName;
  if (wanted.email !== undefined && wanted.email !== current.email) changes.email = wanted.email;
  if (wanted.role !== current.role) changes.role = wanted.role;
  if (wanted.subbagian !== current.subbagian) changes.subbagian = wanted.subbagian;
  return changes;
}

/**
 * Every address an account has had stays known (user_email_history): the maker-checker rules count
 * an account that ever had the reviewer's address as the reviewer, so changing the submitter's
 * address after a submission does not hide whose it was.
 */
async function rememberEmail(manager: EntityManager, userId: string, email: string | null, now: Date): Promise<void> {
  if (email === null) return;
  await manager.query(
    `INSERT INTO user_email_history (user_id, email, first_recorded_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [userId, email, now],
  );
}

/** A write that may give an active account an address another active account has: 409, naming no office. */
async function emailChecked<T>(email: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'users_active_email_key')) throw identityErrors.emailTaken(email ?? '');
    throw error;
  }
}
