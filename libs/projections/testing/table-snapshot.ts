import type { DataSource } from 'typeorm';
import type { ProjectionRegistry } from '../src/runner/projection-registry';

/** Every row of every table the projections own, as canonical JSON text, sorted: comparable row for row. */
export async function snapshotReadModels(dataSource: DataSource, registry: ProjectionRegistry): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const projection of registry.all()) {
    for (const table of projection.tables) {
      const rows: Array<{ row: string }> = await dataSource.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
      out[table] = rows.map((r) => r.row);
    }
  }
  return out;
}
