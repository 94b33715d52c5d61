import type { EntityManager } from 'typeorm';
import type { Projection, ProjectionContext } from './projection';

const SUFFIX = '__rebuild';

export function shadowName(table: string): string {
  return `${table}${SUFFIX}`;
}

/** Writes go to the shadow copy of each of the projection's tables. */
export function shadowContext(projection: Projection): ProjectionContext {
  return {
    rebuilding: true,
    table(name: string) {
      if (!projection.tables.includes(name)) throw new Error(`projection ${projection.name} does not own table ${name}`);
      return shadowName(name);
    },
  };
}

/** Fresh, empty copies of the live tables with the same columns, keys and indexes. */
export async function createShadowTables(manager: EntityManager, projection: Projection): Promise<void> {
  for (const table of projection.tables) {
    await manager.query(`DROP TABLE IF EXISTS ${shadowName(table)}`);
    await manager.query(`CREATE TABLE ${shadowName(table)} (LIKE ${table} INCLUDING ALL)`);
  }
}

export async function dropShadowTables(manager: EntityManager, projection: Projection): Promise<void> {
  for (const table of projection.tables) await manager.query(`DROP TABLE IF EXISTS ${shadowName(table)}`);
}

/**
 * Inside the switch-over transaction: the live table goes, the shadow takes its name, and the
 * shadow's indexes (named after the shadow by CREATE TABLE … LIKE) take the live names back.
 */
export async function swapInShadowTables(manager: EntityManager, projection: Projection): Promise<void> {
  for (const table of projection.tables) {
    const shadow = shadowName(table);
    await manager.query(`DROP TABLE ${table}`);
    await manager.query(`ALTER TABLE ${shadow} RENAME TO ${table}`);
    const indexes: Array<{ name: string }> = await manager.query(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
      [table],
    );
    for (const { name } of indexes) {
      if (!name.startsWith(shadow)) continue;
      await manager.query(`ALTER INDEX ${name} RENAME TO ${table}${name.slice(shadow.length)}`);
    }
  }
}
