import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, validateHariLiburList, type HariLibur } from '@kinerja/domain';
import { Clock } from '@kinerja/platform';
import { optionalReason } from '../events/identity-reason';
import { IdentityCommandOptions, IdentityOutcome, IdentityUnitOfWork, outcome } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser } from '../identity.types';
import { toActor } from '../satker/satker.service';
import { decideHariLiburChange } from './hari-libur-change';
import type { HariLiburEntryView, HariLiburHistoryView, HariLiburYearView, RecordedBy } from './hari-libur.view';

const who = (userId: string, fullName: string | null): RecordedBy => ({ userId, fullName });

/**
 * The national holidays and cuti bersama of each year, one calendar for the whole installation: read
 * by anyone signed in, replaced a year at a time by the root office's ADMIN (the installation's
 * administrator, who also creates the offices under the root). Every list a year is given is kept
 * (`hari_libur_changes`); the reminders read the dates in force (`hari_libur`). Each change is also
 * an event (`HariLiburChanged`, with the administrator's optional reason) on the root office's
 * identity stream, so the audit trail tells it; changes made before that event existed are in
 * `hari_libur_changes` only (not backfilled: who changed what and when is there, a reason never was).
 */
@Injectable()
export class HariLiburService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async year(year: number, manager: EntityManager = this.dataSource.manager): Promise<HariLiburYearView> {
    const [head] = await manager.query(
      `SELECT y.version, y.changed_by, y.changed_at, u.full_name FROM hari_libur_years y LEFT JOIN users u ON u.id = y.changed_by WHERE y.year = $1`,
      [year],
    );
    const rows: Array<{ date: string; name: string; kind: HariLibur['kind']; recorded_by: string; recorded_at: Date; full_name: string | null }> =
      await manager.query(
        `SELECT to_char(h.date, 'YYYY-MM-DD') AS date, h.name, h.kind, h.recorded_by, h.recorded_at, u.full_name
           FROM hari_libur h LEFT JOIN users u ON u.id = h.recorded_by WHERE h.year = $1 ORDER BY h.date`,
        [year],
      );
    const holidays = rows.map((r): HariLiburEntryView => ({
      date: r.date, name: r.name, kind: r.kind, recordedBy: who(r.recorded_by, r.full_name), recordedAt: new Date(r.recorded_at).toISOString(),
    }));
    if (!head) return { year, version: 0, holidays, changedBy: null, changedAt: null };
    return {
      year, version: Number(head.version), holidays, changedBy: who(head.changed_by, head.full_name), changedAt: new Date(head.changed_at).toISOString(),
    };
  }

  async history(year: number): Promise<HariLiburHistoryView> {
    const rows: Array<{ version: number; holidays: HariLibur[]; changed_by: string; changed_at: Date; full_name: string | null }> = await this.dataSource.query(
      `SELECT c.version, c.holidays, c.changed_by, c.changed_at, u.full_name
         FROM hari_libur_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.year = $1 ORDER BY c.version`,
      [year],
    );
    return {
      year,
      versions: rows.map((r) => ({
        version: Number(r.version), holidays: r.holidays, changedBy: who(r.changed_by, r.full_name), changedAt: new Date(r.changed_at).toISOString(),
      })),
    };
  }

  /**
   * Replaces the year's list (an empty one clears it). The same list again changes nothing and records
   * nothing; a date kept with the same name and kind keeps who recorded it and when. `reason` is the
   * administrator's why for the audit trail, as on offices and users (IDENTITY.REASON_INVALID).
   */
  async set(
    actor: AuthenticatedUser,
    year: number,
    input: { holidays: readonly HariLibur[]; reason?: string | null },
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<HariLiburYearView>> {
    // Read through the pool before the transaction (the embedded PGlite has one session: see SatkerService.update).
    await this.assertInstallationAdmin(actor);
    const reason = optionalReason(input.reason);
    const answer = await this.unitOfWork.command(toActor(actor), `hari-libur.set:${year}`, options, async (manager, record) => {
      const list = validateHariLiburList(year, input.holidays);
      // One change of a year at a time: the version and the history row are decided under it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kinerja.hari-libur'), $1)`, [year]);
      const current = await this.year(year, manager);
      if (options.expectedVersion != null && options.expectedVersion !== current.version) {
        throw identityErrors.versionConflict(`hari libur tahun ${year}`, options.expectedVersion, current.version);
      }
      const change = decideHariLiburChange(year, current, list, reason);
      if (!change) return current;
      await this.write(manager, actor.id, year, change.data.version, list);
      // The root office (the actor's, as assertInstallationAdmin found): its trail is where the calendar's changes are read.
      record(actor.satker, change);
      return this.year(year, manager);
    });
    return outcome(answer);
  }

  private async write(manager: EntityManager, actorId: string, year: number, version: number, list: HariLibur[]): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO hari_libur_years (year, version, changed_by, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET version = EXCLUDED.version, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`,
      [year, version, actorId, now],
    );
    await manager.query(`DELETE FROM hari_libur WHERE year = $1 AND NOT (date = ANY($2::date[]))`, [year, list.map((h) => h.date)]);
    await manager.query(
      `INSERT INTO hari_libur (date, year, name, kind, recorded_by, recorded_at)
       SELECT t.date::date, $1, t.name, t.kind, $5, $6 FROM unnest($2::text[], $3::text[], $4::text[]) AS t(date, name, kind)
       ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
        WHERE hari_libur.name <> EXCLUDED.name OR hari_libur.kind <> EXCLUDED.kind`,
      [year, list.map((h) => h.date), list.map((h) => h.name), list.map((h) => h.kind), actorId, now],
    );
    await manager.query(
      `INSERT INTO hari_libur_changes (year, version, holidays, changed_by, changed_at) VALUES ($1, $2, $3::jsonb, $4, $5)`,
      [year, version, JSON.stringify(list), actorId, now],
    );
  }

  /** The calendar is the whole installation's: only an ADMIN of the root office (the office without a parent) changes it. */
  async assertInstallationAdmin(actor: AuthenticatedUser): Promise<void> {
    const [own] = await this.dataSource.query(`SELECT parent_code FROM satker WHERE code = $1`, [actor.satker]);
    if (actor.role === 'ADMIN' && own && own.parent_code === null) return;
    const [root] = await this.dataSource.query(`SELECT code, name FROM satker WHERE parent_code IS NULL ORDER BY created_at, code LIMIT 1`);
    throw new DomainError(
      'HARI_LIBUR.ROOT_ADMIN_ONLY',
      'Hari libur nasional dan cuti bersama berlaku untuk semua satker, sehingga hanya dapat diubah oleh Admin ' +
        `${root ? `${root.name} (${root.code})` : 'satker tertinggi'}. Sampaikan daftar SKB 3 Menteri tahun ini kepada Admin tersebut.`,
      'forbidden',
      { rootSatker: root?.code ?? null },
    );
  }
}
