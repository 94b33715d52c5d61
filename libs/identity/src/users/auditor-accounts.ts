import type { EntityManager } from 'typeorm';
import type { Role } from '@kinerja/domain';
import { identityErrors } from '../identity.errors';
import type { IdentityActor } from '../identity.types';

/**
 * The overseer is not appointed by the overseen: an office's INSPEKTORAT accounts — who close review
 * notes and integrity alerts about it — are created, changed, reset and (de)activated by an ADMIN of
 * an office above it, never by the office's own ADMIN, who could otherwise make an auditor of their
 * own or sign in as one. The root office has no office above it: its ADMIN manages its auditors.
 * `roles`: the account's role before and after the change.
 */
export async function assertMayManageAuditor(manager: EntityManager, actor: IdentityActor, satker: string, roles: readonly Role[]): Promise<void> {
  if (actor.role !== 'ADMIN' || actor.satker !== satker || !roles.includes('INSPEKTORAT')) return;
  const [office] = await manager.query(
    `SELECT s.parent_code, p.name AS parent_name FROM satker s LEFT JOIN satker p ON p.code = s.parent_code WHERE s.code = $1`,
    [satker],
  );
  if (office && office.parent_code !== null) throw identityErrors.auditorManagedAbove(satker, { code: office.parent_code, name: office.parent_name });
}
