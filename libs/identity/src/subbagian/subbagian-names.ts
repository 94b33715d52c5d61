import type { DataSource, EntityManager } from 'typeorm';

/**
 * The names the office's subbagian have now, by code (inactive ones too: a report, a note or a
 * correction of an earlier month may be about one), in one query, on a transaction's manager when
 * given one. What a notice, a reminder or a stale LKj's reason names a subbagian by; a code missing
 * from the map has no row (the caller prints the code).
 */
export async function subbagianNames(db: Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>, satker: string): Promise<Map<string, string>> {
  const rows: Array<{ code: string; name: string }> = await db.query(`SELECT code, name FROM subbagian WHERE satker_code = $1`, [satker]);
  return new Map(rows.map((r) => [r.code, r.name]));
}
