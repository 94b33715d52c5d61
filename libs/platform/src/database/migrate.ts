import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from './data-source';

// Any number, as long as it is the same in every process: replicas that start together must not
// run the same migration twice.
const migrationLockKey = 4_820_517_311;

/** Applies pending migrations under an advisory lock. Returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource: DataSource = createDataSource({ url, poolSize: 1, applicationName: 'kinerja-migrate' });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      return await runMigrations(dataSource);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    await dataSource.destroy();
  }
}
