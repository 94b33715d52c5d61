import type { EntityManager } from 'typeorm';

/** A column as `jsonb_to_recordset` declares it: name and SQL type. */
export interface Column {
  name: string;
  type: string;
}

const CHUNK = 5000;

function recordType(columns: readonly Column[]): string {
  return columns.map((c) => `${c.name} ${c.type}`).join(', ');
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Multi-row upsert in one statement per 5,000 rows: the rows travel as one JSON parameter and
 * `jsonb_to_recordset` turns them back into typed columns (no per-row round trip, no COPY).
 */
export async function upsertRows(
  manager: EntityManager,
  table: string,
  columns: readonly Column[],
  key: readonly string[],
  rows: readonly object[],
): Promise<void> {
  const names = columns.map((c) => c.name);
  const updates = names.filter((n) => !key.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  const onConflict = updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  for (const part of chunks(rows)) {
    await manager.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(columns)})
       ON CONFLICT (${key.join(', ')}) ${onConflict}`,
      [JSON.stringify(part)],
    );
  }
}

/** Plain multi-row insert (rows known to be new, e.g. after `deleteByKeys`). */
export async function insertRows(manager: EntityManager, table: string, columns: readonly Column[], rows: readonly object[]): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  for (const part of chunks(rows)) {
    await manager.query(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(columns)})`,
      [JSON.stringify(part)],
    );
  }
}

function joinOn(table: string, keyColumns: readonly Column[]): string {
  return keyColumns.map((c) => `${table}.${c.name} = k.${c.name}`).join(' AND ');
}

/** Deletes the rows whose key columns (a prefix of the table's key, or all of it) match. */
export async function deleteByKeys(manager: EntityManager, table: string, keyColumns: readonly Column[], keys: readonly object[]): Promise<void> {
  for (const part of chunks(keys)) {
    await manager.query(
      `DELETE FROM ${table} USING jsonb_to_recordset($1::jsonb) AS k(${recordType(keyColumns)})
        WHERE ${joinOn(table, keyColumns)}`,
      [JSON.stringify(part)],
    );
  }
}

/** The rows matching the given keys, all columns. */
export async function selectByKeys<Row>(manager: EntityManager, table: string, keyColumns: readonly Column[], keys: readonly object[]): Promise<Row[]> {
  const out: Row[] = [];
  for (const part of chunks(keys)) {
    const rows: Row[] = await manager.query(
      `SELECT ${table}.* FROM ${table} JOIN jsonb_to_recordset($1::jsonb) AS k(${recordType(keyColumns)})
          ON ${joinOn(table, keyColumns)}`,
      [JSON.stringify(part)],
    );
    out.push(...rows);
  }
  return out;
}
