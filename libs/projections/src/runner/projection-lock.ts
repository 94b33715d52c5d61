import type { EntityManager } from 'typeorm';

// Two-key advisory locks: the first key names Kinerja's projections, the second the projection.
const LOCK_SQL = `SELECT pg_try_advisory_xact_lock(hashtext('kinerja:projection'), hashtext($1)) AS locked`;
const WAIT_SQL = `SELECT pg_advisory_xact_lock(hashtext('kinerja:projection'), hashtext($1))`;

/**
 * Held until the transaction ends, so a replica that crashes mid-batch releases it with its
 * connection. Returns false when another replica is running this projection right now.
 */
export async function tryLockProjection(manager: EntityManager, name: string): Promise<boolean> {
  const rows: Array<{ locked: boolean }> = await manager.query(LOCK_SQL, [name]);
  return rows[0].locked === true;
}

/** Waits for the replica running the projection to finish its batch (the rebuild's switch-over). */
export async function lockProjection(manager: EntityManager, name: string): Promise<void> {
  await manager.query(WAIT_SQL, [name]);
}
