import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { optionalReason, withReason } from '../events/identity-reason';
import { IdentityCommandOptions, IdentityOutcome, IdentityUnitOfWork, outcome } from '../events/identity-unit-of-work';
import { identityErrors } from '../identity.errors';
import type { AuthenticatedUser } from '../identity.types';
import { profileChanges, profileOf, storedProfile, type SatkerProfile, type SatkerProfileInput } from './satker-profile';
import { toActor } from './satker.service';

export interface SatkerProfileView extends SatkerProfile {
  code: string;
  /** Times the profile was set (0: never); the ETag, for If-Match. */
  version: number;
  /** When it was last set; null: never. */
  updatedAt: string | null;
}

/**
 * An office's profile for its LKj (`satker-profile.ts`): read by the office's people, set as a whole by
 * an ADMIN in scope (`PUT satker/{code}/profile`). Kept in `satker_profiles`, each change recorded as
 * `SatkerProfileChanged` on the office's identity stream in the same transaction.
 */
@Injectable()
export class SatkerProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async get(satker: string, manager: EntityManager = this.dataSource.manager): Promise<SatkerProfileView> {
    const [row]: Array<{ code: string; profile: Partial<SatkerProfile> | null; version: number | null; updated_at: Date | null }> = await manager.query(
      `SELECT s.code, p.profile, p.version, p.updated_at FROM satker s LEFT JOIN satker_profiles p ON p.satker_code = s.code WHERE s.code = $1`,
      [satker],
    );
    if (!row) throw identityErrors.satkerNotFound(satker);
    return {
      code: row.code,
      ...storedProfile(row.profile),
      version: Number(row.version ?? 0),
      updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
    };
  }

  /**
   * Replaces the profile: a field left out is no longer recorded (the LKj derives it again). The same
   * profile again records nothing. `expectedVersion` (If-Match) refuses a stale change (409).
   */
  async set(
    actor: AuthenticatedUser,
    satker: string,
    input: SatkerProfileInput & { reason?: string | null; expectedVersion?: number | null },
    options: IdentityCommandOptions = {},
  ): Promise<IdentityOutcome<SatkerProfileView>> {
    const reason = optionalReason(input.reason);
    const expected = options.expectedVersion ?? input.expectedVersion ?? null;
    const answer = await this.unitOfWork.command(toActor(actor), `satker.profile:${satker}`, options, async (manager, record) => {
      // One change of an office's profile at a time: the first one creates its row.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kinerja.satker-profile:' || $1))`, [satker]);
      const current = await this.get(satker, manager);
      if (expected !== null && expected !== current.version) throw identityErrors.versionConflict('profil satker', expected, current.version);
      const codes: Array<{ code: string }> = await manager.query(`SELECT code FROM subbagian WHERE satker_code = $1 ORDER BY code`, [satker]);
      const profile = profileOf(input, satker, codes.map((c) => c.code));
      const changes = profileChanges(current, profile);
      if (Object.keys(changes).length === 0) return current;
      const version = current.version + 1;
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO satker_profiles (satker_code, profile, version, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, $4, $5)
         ON CONFLICT (satker_code) DO UPDATE SET profile = EXCLUDED.profile, version = EXCLUDED.version,
                updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [satker, JSON.stringify(profile), version, actor.id, now],
      );
      record(satker, { type: 'SatkerProfileChanged', data: withReason({ code: satker, version, changes }, reason) });
      return { code: satker, ...profile, version, updatedAt: now.toISOString() };
    });
    return outcome(answer);
  }
}
