import type { EntityManager } from 'typeorm';
import { identityErrors } from '../identity.errors';

/**
 * A deactivated office is closed: its users cannot sign in, and it takes no new users or
 * subbagian, nor reopens a closed one of them (409 SATKER.INACTIVE), until an administrator
 * reactivates the office. What it has may still be edited or closed. The row is read FOR SHARE:
 * a deactivation of the office at the same moment waits for this change, or this one sees it.
 */
export async function assertOfficeOpen(manager: EntityManager, satker: string, what: 'pengguna' | 'subbagian', reopening = false): Promise<void> {
  if (!(await officeIsOpen(manager, satker))) throw identityErrors.satkerInactive(satker, what, reopening);
}

/**
 * Whether the office is active, its row held FOR SHARE until the transaction ends. A change that
 * also locks user rows takes it first: a deactivation locks the office, then its users.
 */
export async function officeIsOpen(manager: EntityManager, satker: string): Promise<boolean> {
  const [row]: Array<{ active: boolean }> = await manager.query(`SELECT active FROM satker WHERE code = $1 FOR SHARE`, [satker]);
  if (!row) throw identityErrors.satkerNotFound(satker);
  return row.active;
}
