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
  if (!roles.includes('INSPEKTORAT')) return;
  const above = await auditorsManagedAbove(manager, actor, satker);
  if (above) throw identityErrors.auditorManagedAbove(satker, above);
}

/**
 * The office above whose ADMIN manages the INSPEKTORAT accounts of `satker`, when `actor` is the
 * office's own ADMIN and so may not manage them (nor watch their sign-ins); null when `actor` may
 * (an ADMIN above, or the root office's ADMIN) or is no ADMIN of the office.
 */
export async function auditorsManagedAbove(manager: EntityManager, actor: IdentityActor, satker: string): Promise<{ code: string; name: string } | null> {
  if (actor.role !== 'ADMIN' || actor.satker !== satker) return null;
  const [office] = await manager.query(
    `SELECT s.parent_code, p.name AS parent_name FROM satker s LEFT JOIN satker p ON p.code = s.parent_code WHERE s.code = $1`,
    [satker],
  );
  return office && office.parent_code !== null ? { code: office.parent_code, name: office.parent_name } : null;
}
