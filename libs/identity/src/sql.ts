import type { EntityManager } from 'typeorm';

/**
 * Rows of a statement, whatever its kind: TypeORM answers UPDATE/DELETE … RETURNING with
 * `[rows, rowCount]` and everything else with `rows`.
 */
export async function rowsOf<Row>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  const result = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Row[];
  }
  return result as Row[];
}
