import { Injectable } from '@nestjs/common';
import { normalizedText } from '@kinerja/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { optionalReason, withReason } from '../events/identity-reason';
import { IdentityCommandOptions, IdentityOutcome, IdentityUnitOfWork, isUniqueViolation, outcome } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser, Subbagian } from '../identity.types';
import { toActor } from '../satker/satker.service';
import { assertOfficeOpen } from '../satker/open-office';
import { rowsOf } from '../sql';

const COLUMNS = `satker_code, code, name, active, version, created_at, updated_at`;

interface SubbagianRow {
  satker_code: string;
  code: string;
  name: string;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toSubbagian(row: SubbagianRow): Subbagian {
  return {
    satkerCode: row.satker_code,
    code: row.code,
    name: row.name,
    active: row.active,
    version: Number(row.version),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface UpdateSubbagianInput {
  name?: string;
  active?: boolean;
  expectedVersion?: number;
  /** Why (the audit trail shows it on every event the change records); optional, 3–2000 visible characters when given. */
  reason?: string | null;
}

/**
 * The subbagian of one office. The caller has checked that the office is in the actor's scope (the
 * HTTP guard does so for every `:satker` route).
 */
@Injectable()
export class SubbagianService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(satker: string): Promise<Subbagian[]> {
    const rows: SubbagianRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM subbagian WHERE satker_code = $1 ORDER BY code`,
      [satker],
    );
    return rows.map(toSubbagian);
  }

  async get(satker: string, code: string, manager: EntityManager = this.dataSource.manager): Promise<Subbagian> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM subbagian WHERE satker_code = $1 AND code = $2`, [satker, code]);
    if (!row) throw identityErrors.subbagianNotFound(satker, code);
    return toSubbagian(row);
  }

  /**
   * The subbagian a Kepala Subbagian is given: it must exist (else 404, naming the office's active
   * subbagian to choose from) and be active.
   */
  async assignable(satker: string, code: string, manager: EntityManager): Promise<Subbagian> {
    const rows: SubbagianRow[] = await manager.query(`SELECT ${COLUMNS} FROM subbagian WHERE satker_code = $1 ORDER BY code`, [satker]);
    const found = rows.find((row) => row.code === code);
    if (!found) throw identityErrors.subbagianNotFound(satker, code, rows.filter((row) => row.active).map((row) => row.code));
    if (!found.active) throw identityErrors.subbagianInactive(code);
    return toSubbagian(found);
  }

  async create(
    actor: AuthenticatedUser,
    satker: string,
    input: { code: string; name: string; reason?: string | null },
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<Subbagian>> {
    const reason = optionalReason(input.reason);
    const operation = `subbagian.create:${satker}:${input.code}`;
    // Stored as people read it (NFKC, single spaces, trimmed), as the name check compares it.
    const name = normalizedText(input.name);
    const answer = await this.unitOfWork.command(toActor(actor), operation, options, async (manager, record) => {
      await assertOfficeOpen(manager, satker, 'subbagian');
      await this.assertNameFree(manager, satker, name, input.code);
      let rows: SubbagianRow[];
      try {
        rows = await manager.query(
          `INSERT INTO subbagian (satker_code, code, name, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $4) RETURNING ${COLUMNS}`,
          [satker, input.code, name, this.clock.now()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw identityErrors.subbagianExists(satker, input.code);
        throw error;
      }
      record(satker, { type: 'SubbagianCreated', data: withReason({ satker, code: input.code, name }, reason) });
      return toSubbagian(rows[0]);
    });
    return outcome(answer);
  }

  async update(
    actor: AuthenticatedUser,
    satker: string,
    code: string,
    input: UpdateSubbagianInput,
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<Subbagian>> {
    const operation = `subbagian.update:${satker}:${code}`;
    const reason = optionalReason(input.reason);
    const answer = await this.unitOfWork.command(toActor(actor), operation, options, async (manager, record) => {
      const [locked] = await manager.query(
        `SELECT ${COLUMNS} FROM subbagian WHERE satker_code = $1 AND code = $2 FOR UPDATE`,
        [satker, code],
      );
      if (!locked) throw identityErrors.subbagianNotFound(satker, code);
      const current = toSubbagian(locked);
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw identityErrors.versionConflict('subbagian', input.expectedVersion, current.version);
      }
      // null (refused over HTTP) is no change: neither can be emptied.
      const given = input.name != null ? normalizedText(input.name) : null;
      const name = given !== null && given !== current.name ? given : undefined;
      const active = input.active != null && input.active !== current.active ? input.active : undefined;
      if (name === undefined && active === undefined) return current;
      if (active === true) await assertOfficeOpen(manager, satker, 'subbagian', true);
      if (name !== undefined) await this.assertNameFree(manager, satker, name, code);
      const [row] = await rowsOf<SubbagianRow>(
        manager,
        `UPDATE subbagian SET name = $3, active = $4, version = version + 1, updated_at = $5
          WHERE satker_code = $1 AND code = $2 RETURNING ${COLUMNS}`,
        [satker, code, name ?? current.name, active ?? current.active, this.clock.now()],
      );
      if (name !== undefined) record(satker, { type: 'SubbagianUpdated', data: withReason({ satker, code, changes: { name } }, reason) });
      if (active === false) record(satker, { type: 'SubbagianDeactivated', data: withReason({ satker, code }, reason) });
      if (active === true) record(satker, { type: 'SubbagianReactivated', data: withReason({ satker, code }, reason) });
      return toSubbagian(row);
    });
    return outcome(answer);
  }

  /**
   * Two subbagian of one office never share a name (spaces and case aside): reports, reminders and
   * the LKj name a subbagian by it. Checked under a lock per office, so two at once cannot both pass.
   */
  private async assertNameFree(manager: EntityManager, satker: string, name: string, ownCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kinerja.subbagian-names:' || $1))`, [satker]);
    const [holder]: Array<{ code: string; active: boolean }> = await manager.query(
      `SELECT code, active FROM subbagian
        WHERE satker_code = $1 AND code <> $2
          AND lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = lower(regexp_replace(btrim($3), '\\s+', ' ', 'g'))
        ORDER BY active DESC, code LIMIT 1`,
      [satker, ownCode, name],
    );
    if (holder) throw identityErrors.subbagianNameTaken(satker, name.trim(), holder);
  }
}
