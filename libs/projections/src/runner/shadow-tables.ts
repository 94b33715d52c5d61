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

/** A secondary index (or a primary key) left off a shadow table while it fills, built once before the switch. */
export interface DeferredIndex {
  table: string;
  /** The live index's name, which the shadow index takes at the switch. */
  name: string;
  shadowIndex: string;
  create: string;
  /** A primary key: built before the secondary indexes (it locks the table against them). */
  primaryKey: boolean;
}

const INDEX_DEF = /^CREATE INDEX (\S+) ON (\S+) (USING .*)$/;

/**
 * Fresh, empty copies of the live tables with the same columns, keys and indexes. Non-unique
 * indexes are dropped from the copy and returned: building them once over the filled table is
 * far cheaper than maintaining them row by row during the replay. Unique ones (the keys upserts
 * rely on) stay, except the primary keys of the tables the projection only appends to during a
 * rebuild (`rebuildAppendOnly`): those are built after the replay too, and a duplicate row still
 * fails the rebuild there.
 */
export async function createShadowTables(manager: EntityManager, projection: Projection): Promise<DeferredIndex[]> {
  const deferred: DeferredIndex[] = [];
  for (const table of projection.tables) {
    const shadow = shadowName(table);
    await manager.query(`DROP TABLE IF EXISTS ${shadow}`);
    await manager.query(`CREATE TABLE ${shadow} (LIKE ${table} INCLUDING ALL)`);
    if (projection.rebuildAppendOnly?.includes(table)) deferred.push(await deferPrimaryKey(manager, table));
    for (const { name } of await secondaryIndexes(manager, shadow)) await manager.query(`DROP INDEX ${name}`);
    const live = await secondaryIndexes(manager, table);
    live.forEach(({ name, definition }, i) => {
      const match = INDEX_DEF.exec(definition);
      if (!match) throw new Error(`cannot copy index ${name}: ${definition}`);
      const shadowIndex = `${shadow}_d${i}`;
      deferred.push({ table, name, shadowIndex, create: `CREATE INDEX ${shadowIndex} ON ${shadow} ${match[3]}`, primaryKey: false });
    });
  }
  return deferred;
}

/** Drops the shadow's primary key; it comes back, under the live key's name, before the switch. */
async function deferPrimaryKey(manager: EntityManager, table: string): Promise<DeferredIndex> {
  const shadow = shadowName(table);
  const keyOf = (t: string): Promise<Array<{ name: string; definition: string }>> => manager.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'p'`,
    [t],
  );
  const [live] = await keyOf(table);
  const [copy] = await keyOf(shadow);
  if (!live || !copy) throw new Error(`table ${table} has no primary key to defer`);
  await manager.query(`ALTER TABLE ${shadow} DROP CONSTRAINT ${copy.name}`);
  const shadowIndex = `${shadow}_pk`;
  return { table, name: live.name, shadowIndex, create: `ALTER TABLE ${shadow} ADD CONSTRAINT ${shadowIndex} ${live.definition}`, primaryKey: true };
}

async function secondaryIndexes(manager: EntityManager, table: string): Promise<Array<{ name: string; definition: string }>> {
  return manager.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1) AND NOT i.indisunique
      ORDER BY c.relname`,
    [table],
  );
}

export async function dropShadowTables(manager: EntityManager, projection: Projection): Promise<void> {
  for (const table of projection.tables) await manager.query(`DROP TABLE IF EXISTS ${shadowName(table)}`);
}

/**
 * Inside the switch-over transaction: the live table goes, the shadow takes its name, the deferred
 * indexes take the live names back, and so do the keys (named after the shadow by CREATE TABLE … LIKE).
 */
export async function swapInShadowTables(manager: EntityManager, projection: Projection, deferred: readonly DeferredIndex[]): Promise<void> {
  for (const table of projection.tables) {
    const shadow = shadowName(table);
    await manager.query(`DROP TABLE ${table}`);
    await manager.query(`ALTER TABLE ${shadow} RENAME TO ${table}`);
    for (const index of deferred.filter((d) => d.table === table)) {
      await manager.query(`ALTER INDEX ${index.shadowIndex} RENAME TO ${index.name}`);
    }
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
