import type { Role } from '@kinerja/domain';
import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who acted, as a reader who cannot open `/users` needs it: the id kept in the event, the name, and
 * the role and office of the account today (an account belongs to one office for good; its role may
 * have changed since). Ids that name no account (the system, seed:demo) give nulls beside the id.
 */
export interface PersonRef {
  id: string;
  username: string | null;
  fullName: string | null;
  role: Role | null;
  satker: string | null;
}

/** The accounts `ids`, whatever their office, in one query (on a transaction's manager when given one). */
export async function personRefs(dataSource: Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>, ids: readonly (string | null)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids)].filter((id): id is string => id !== null && UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows: Array<{ id: string; username: string; full_name: string; role: Role; satker_code: string }> = await dataSource.query(
    `SELECT id::text AS id, username, full_name, role, satker_code FROM users WHERE id = ANY($1::uuid[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, username: r.username, fullName: r.full_name, role: r.role, satker: r.satker_code }]));
}

/** `id`'s entry of `people`, or the id alone with nulls. */
export function personRefOf(people: ReadonlyMap<string, PersonRef>, id: string): PersonRef {
  return people.get(id) ?? { id, username: null, fullName: null, role: null, satker: null };
}
