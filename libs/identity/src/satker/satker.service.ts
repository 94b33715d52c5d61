import { Injectable } from '@nestjs/common';
import { DomainError, normalizedText } from '@kinerja/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@kinerja/platform';
import type { SatkerChanges } from '../events/identity.events';
import { optionalReason, withReason } from '../events/identity-reason';
import { IdentityCommandOptions, IdentityOutcome, IdentityUnitOfWork, isUniqueViolation, outcome, RecordEvent } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import { DEFAULT_REPORT_DEADLINE_DAY, DEFAULT_TIME_ZONE, type AuthenticatedUser, type IdentityActor, type Satker, type TimeZone } from '../identity.types';
import { SatkerScopeService } from '../scope/satker-scope.service';
import { rowsOf } from '../sql';
import { recordDeadlineDay } from './deadline-day-history';
import { SATKER_COLUMNS, SatkerRow, toSatker } from './satker.rows';

export interface CreateSatkerInput {
  code: string;
  name: string;
  parentCode: string;
  timeZone?: TimeZone;
  reportDeadlineDay?: number;
  /** Each final LKj waits for the Ketua's signature; false when left out (not taken from the parent). */
  ketuaSignsLkj?: boolean;
  /** Why, for the audit trail (`optionalReason`); kept on SatkerCreated. */
  reason?: string | null;
}

/**
 * A partial update: a field left out is not changed, and neither is one equal to what is there. No
 * field of an office can be emptied, so null (which the HTTP layer refuses) is no change either.
 */
export interface UpdateSatkerInput extends SatkerChanges {
  active?: boolean;
  /** Moves the office under another parent in the actor's scope. */
  parentCode?: string;
  /** When given, the update is refused unless the office is still at this version. */
  expectedVersion?: number;
  /** Why (the audit trail shows it on every event the change records); optional, 3–2000 visible characters when given. */
  reason?: string | null;
}


/** Offices (satker): created under a parent in the admin's scope, updated, (de)activated, never deleted. */
@Injectable()
export class SatkerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly scope: SatkerScopeService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async get(code: string, manager: EntityManager = this.dataSource.manager): Promise<Satker> {
    const [row] = await manager.query(`SELECT ${SATKER_COLUMNS} FROM satker WHERE code = $1`, [code]);
    if (!row) throw identityErrors.satkerNotFound(code);
    return toSatker(row);
  }

  /** The offices the user may see, ordered by code. */
  async listInScope(user: AuthenticatedUser): Promise<Satker[]> {
    const codes = await this.scope.codesInScope(user);
    const rows: SatkerRow[] = await this.dataSource.query(
      `SELECT ${SATKER_COLUMNS} FROM satker WHERE code = ANY($1::text[]) ORDER BY code`,
      [codes],
    );
    return rows.map(toSatker);
  }

  async create(actor: AuthenticatedUser, input: CreateSatkerInput, options: IdentityCommandOptions = {}): Promise<IdentityOutcome<Satker>> {
    await this.scope.assertInScope(actor, input.parentCode);
    optionalReason(input.reason); // refused before anything is written (422 IDENTITY.REASON_INVALID)
    return outcome(
      await this.namingOnlyOfficesInScope(actor, () =>
        this.unitOfWork.command(toActor(actor), `satker.create:${input.code}`, options, (manager, record) => this.insert(manager, record, input)),
      ),
    );
  }

  /**
   * SATKER.NAME_TAKEN names the office holding the name only where the caller may see it: an office
   * outside their scope answers 404 to every read, so its code is not told here either. Checked
   * after the transaction, through the pool (see `update`).
   */
  private async namingOnlyOfficesInScope<T>(actor: AuthenticatedUser, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'SATKER.NAME_TAKEN') throw error;
      const holder = String(error.details.satker);
      if (await this.scope.isInScope(actor, holder)) throw error;
      throw identityErrors.satkerNameTakenOutOfScope(String(error.details.name));
    }
  }

  /** The root office, at first start only: the one office without a parent. */
  createRoot(actor: IdentityActor, input: Omit<CreateSatkerInput, 'parentCode'>): Promise<Satker> {
    return this.unitOfWork.run(actor, (manager, record) => this.insert(manager, record, { ...input, parentCode: null }));
  }

  async update(
    actor: AuthenticatedUser,
    code: string,
    input: UpdateSatkerInput,
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<Satker>> {
    const operation = `satker.update:${code}`;
    const reason = optionalReason(input.reason);
    // Checked before the transaction: the scope is read through the pool, which on the embedded
    // PGlite (one shared session) would wait for the transaction forever.
    if (input.parentCode != null) await this.scope.assertInScope(actor, input.parentCode);
    const answer = await this.namingOnlyOfficesInScope(actor, () => this.unitOfWork.command(toActor(actor), operation, options, async (manager, record) => {
      // Moves are serialised on one lock, taken before any row lock (the new parent's foreign-key
      // check takes a row lock too), so that two moves at once cannot close a loop together.
      if (input.parentCode != null) await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kinerja.satker-tree'))`);
      const current = await this.lock(manager, code);
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw identityErrors.versionConflict('satker', input.expectedVersion, current.version);
      }
      const changes = changedFields(current, input);
      if (changes.name !== undefined) await assertSatkerNameFree(manager, changes.name, code);
      const activeChange = input.active != null && input.active !== current.active ? input.active : undefined;
      const parentChange = input.parentCode != null && input.parentCode !== current.parentCode ? input.parentCode : undefined;
      if (activeChange === false && current.parentCode === null) throw identityErrors.satkerIsRoot();
      if (activeChange === false && code === actor.satker) throw identityErrors.satkerOwnCannotBeDeactivated();
      if (parentChange !== undefined) await this.assertCanMove(manager, current, parentChange);
      if (activeChange === false) await this.assertNoActiveChildren(manager, code);
      if (activeChange === true && parentChange === undefined && current.parentCode !== null) {
        const parent = await this.lockParent(manager, current.parentCode);
        if (!parent.active) throw identityErrors.satkerParentInactive(parent.code);
      }
      if (Object.keys(changes).length === 0 && activeChange === undefined && parentChange === undefined) return current;
      const now = this.clock.now();
      const [row] = await rowsOf<SatkerRow>(
        manager,
        `UPDATE satker SET name = $2, time_zone = $3, report_deadline_day = $4, active = $5, parent_code = $7,
                ketua_signs_lkj = $8, version = version + 1, updated_at = $6
          WHERE code = $1 RETURNING ${SATKER_COLUMNS}`,
        [
          code,
          changes.name ?? current.name,
          changes.timeZone ?? current.timeZone,
          changes.reportDeadlineDay ?? current.reportDeadlineDay,
          activeChange ?? current.active,
          now,
          parentChange ?? current.parentCode,
          changes.ketuaSignsLkj ?? current.ketuaSignsLkj,
        ],
      );
      if (changes.reportDeadlineDay !== undefined) {
        // The deadline day has a history: the months whose deadline already passed keep theirs.
        await recordDeadlineDay(manager, code, { deadlineDay: changes.reportDeadlineDay, at: now, timeZone: changes.timeZone ?? current.timeZone });
      }
      if (Object.keys(changes).length > 0) record(code, { type: 'SatkerUpdated', data: withReason({ code, changes }, reason) });
      if (parentChange !== undefined) {
        const moved = { code, fromParentCode: current.parentCode as string, toParentCode: parentChange };
        record(code, { type: 'SatkerMoved', data: withReason(moved, reason) });
      }
      if (activeChange === false) {
        // Every token of its users ends for good, not only while the office is off: reactivating it
        // must not bring back sessions (a lost laptop's token) that were open when it was closed.
        await manager.query(`UPDATE users SET token_version = token_version + 1 WHERE satker_code = $1`, [code]);
        record(code, { type: 'SatkerDeactivated', data: withReason({ code }, reason) });
      }
      if (activeChange === true) record(code, { type: 'SatkerReactivated', data: withReason({ code }, reason) });
      return toSatker(row);
    }));
    return outcome(answer);
  }

  private async insert(
    manager: EntityManager,
    record: RecordEvent,
    input: Omit<CreateSatkerInput, 'parentCode'> & { parentCode: string | null },
  ): Promise<Satker> {
    let parent: Satker | null = null;
    if (input.parentCode !== null) {
      parent = await this.lockParent(manager, input.parentCode);
      if (!parent.active) throw identityErrors.satkerParentInactive(parent.code);
      this.assertFits(input.code, parent.code, (await this.standingOf(manager, parent.code, null)).level, 0);
    }
    const now = this.clock.now();
    // Not given: the parent's (a kabupaten in Papua keeps WIT time and its province's deadline day).
    const name = normalizedText(input.name);
    await assertSatkerNameFree(manager, name, input.code);
    const data = {
      code: input.code,
      name,
      parentCode: input.parentCode,
      timeZone: input.timeZone ?? parent?.timeZone ?? DEFAULT_TIME_ZONE,
      reportDeadlineDay: input.reportDeadlineDay ?? parent?.reportDeadlineDay ?? DEFAULT_REPORT_DEADLINE_DAY,
      ketuaSignsLkj: input.ketuaSignsLkj === true,
    };
    let rows: SatkerRow[];
    try {
      rows = await manager.query(
        `INSERT INTO satker (code, name, parent_code, time_zone, report_deadline_day, ketua_signs_lkj, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $7, $6, $6) RETURNING ${SATKER_COLUMNS}`,
        [data.code, data.name, data.parentCode, data.timeZone, data.reportDeadlineDay, now, data.ketuaSignsLkj],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw identityErrors.satkerExists(input.code);
      throw error;
    }
    await recordDeadlineDay(manager, data.code, { deadlineDay: data.reportDeadlineDay, at: now, timeZone: data.timeZone });
    record(data.code, { type: 'SatkerCreated', data: withReason(data, optionalReason(input.reason)) });
    return toSatker(rows[0]);
  }

  /** The root stays the root; the new parent is active and is neither the office nor below it. */
  private async assertCanMove(manager: EntityManager, office: Satker, parentCode: string): Promise<void> {
    if (office.parentCode === null) throw identityErrors.satkerRootCannotMove();
    const parent = await this.lockParent(manager, parentCode);
    if (!parent.active) throw identityErrors.satkerParentInactive(parent.code);
    const standing = await this.standingOf(manager, parentCode, office.code);
    if (standing.loops) throw identityErrors.satkerParentCycle(office.code, parentCode);
    const [below] = await manager.query(
      `WITH RECURSIVE down (code, depth) AS (
         SELECT code, 0 FROM satker WHERE code = $1
         UNION ALL
         SELECT s.code, down.depth + 1 FROM satker s JOIN down ON s.parent_code = down.code WHERE down.depth < 64
       )
       SELECT max(depth) AS height FROM down`,
      [office.code],
    );
    this.assertFits(office.code, parentCode, standing.level, Number(below?.height ?? 0));
  }

  /**
   * Where `parentCode` stands, from one walk up its ancestors: its level (1 for the root), and
   * whether `office` is among them or is it (putting the office under it would close a loop).
   */
  private async standingOf(manager: EntityManager, parentCode: string, office: string | null): Promise<{ level: number; loops: boolean }> {
    const [up] = await manager.query(
      `WITH RECURSIVE up (code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM satker WHERE code = $1
         UNION ALL
         SELECT s.code, s.parent_code, up.depth + 1 FROM satker s JOIN up ON s.code = up.parent_code WHERE up.depth < 64
       )
       SELECT coalesce(bool_or(code = $2), false) AS loops, max(depth) AS depth FROM up`,
      [parentCode, office],
    );
    return { level: Number(up?.depth ?? 0) + 1, loops: up?.loops === true };
  }

  /**
   * The tree has at most OFFICE_LEVELS levels: an office put under a parent at `parentLevel`, with
   * `height` levels of offices below it, must not reach past the last one.
   */
  private assertFits(code: string, parentCode: string, parentLevel: number, height: number): void {
    const levels = this.config.OFFICE_LEVELS;
    if (parentLevel + 1 + height > levels) throw identityErrors.satkerTooDeep(code, parentCode, levels, parentLevel);
  }

  /**
   * An office is closed from the bottom up: an active office under an inactive one would keep users
   * who can sign in under a parent that no longer exists for anyone. Its children are locked, so a
   * child reactivated at the same moment waits and then sees this office inactive.
   */
  private async assertNoActiveChildren(manager: EntityManager, code: string): Promise<void> {
    const rows: Array<{ code: string }> = await manager.query(
      `SELECT code FROM satker WHERE parent_code = $1 AND active ORDER BY code FOR UPDATE`,
      [code],
    );
    if (rows.length > 0) throw identityErrors.satkerHasActiveChildren(code, rows.map((r) => r.code));
  }

  /**
   * The parent an office is put or brought back under, read with a share lock: an office being
   * deactivated at the same moment holds its row, so this waits and then sees it inactive (and its
   * deactivation, coming second, sees this child active).
   */
  private async lockParent(manager: EntityManager, code: string): Promise<Satker> {
    const [row] = await manager.query(`SELECT ${SATKER_COLUMNS} FROM satker WHERE code = $1 FOR SHARE`, [code]);
    if (!row) throw identityErrors.satkerNotFound(code);
    return toSatker(row);
  }

  private async lock(manager: EntityManager, code: string): Promise<Satker> {
    const [row] = await manager.query(`SELECT ${SATKER_COLUMNS} FROM satker WHERE code = $1 FOR UPDATE`, [code]);
    if (!row) throw identityErrors.satkerNotFound(code);
    return toSatker(row);
  }
}

function changedFields(current: Satker, input: SatkerChanges): SatkerChanges {
  const changes: SatkerChanges = {};
  // Stored as people read it (NFKC, single spaces, trimmed): "  Sekretariat   KPU …" is "Sekretariat KPU …".
  const name = input.name != null ? normalizedText(input.name) : null;
  if (name !== null && name !== current.name) changes.name = name;
  if (input.timeZone != null && input.timeZone !== current.timeZone) changes.timeZone = input.timeZone;
  if (input.reportDeadlineDay != null && input.reportDeadlineDay !== current.reportDeadlineDay) {
    changes.reportDeadlineDay = input.reportDeadlineDay;
  }
  if (input.ketuaSignsLkj != null && input.ketuaSignsLkj !== current.ketuaSignsLkj) changes.ketuaSignsLkj = input.ketuaSignsLkj;
  return changes;
}

export function toActor(user: AuthenticatedUser | IdentityActor): IdentityActor {
  return { id: user.id, role: user.role, satker: user.satker };
}

/**
 * No two offices of the installation share a name (case and spacing aside): the status summary, the
 * cross-office audit trail and every office list name an office by it, and the LKj reads the
 * office's level from it. Checked under one installation-wide lock, so two at once cannot both pass.
 */
async function assertSatkerNameFree(manager: EntityManager, name: string, ownCode: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kinerja.satker-names'))`);
  const [holder] = await manager.query(
    `SELECT code, active FROM satker
      WHERE code <> $1
        AND lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = lower(regexp_replace(btrim($2), '\\s+', ' ', 'g'))
      LIMIT 1`,
    [ownCode, name],
  );
  if (holder) throw identityErrors.satkerNameTaken(name, { code: holder.code, active: holder.active });
}
