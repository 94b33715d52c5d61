import { DataSource } from 'typeorm';
import { ProjectionRegistry } from './projection-registry';

/**
 * Compares each projection's code version with the one its tables were built with. A projection
 * seen for the first time is recorded as current (it starts from the first event anyway); one whose
 * version changed is returned: its rows must be rebuilt (`projections:rebuild <name>`).
 */
export async function staleProjections(dataSource: DataSource, registry: ProjectionRegistry): Promise<string[]> {
  const rows: Array<{ name: string; version: number }> = await dataSource.query('SELECT name, version FROM projection_state');
  const stored = new Map(rows.map((r) => [r.name, Number(r.version)]));
  const stale: string[] = [];
  for (const projection of registry.all()) {
    const version = stored.get(projection.name);
    if (version === undefined) {
      await dataSource.query(
        'INSERT INTO projection_state (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
        [projection.name, projection.version],
      );
    } else if (version !== projection.version) {
      stale.push(projection.name);
    }
  }
  return stale;
}
