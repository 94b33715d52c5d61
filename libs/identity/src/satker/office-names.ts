import type { EntityManager } from 'typeorm';

/**
 * The names of the office and of the office above it (`Sekretariat KPU Kabupaten Sukamaju`, `KPU
 * Provinsi Jawa Timur`): a password must not hang on them (password.rule.ts). None for an unknown
 * office: the command refuses it on its own.
 */
export async function officeNamesOf(manager: EntityManager, satker: string): Promise<string[]> {
  const [row]: Array<{ name: string; parent_name: string | null }> = await manager.query(
    `SELECT s.name, p.name AS parent_name FROM satker s LEFT JOIN satker p ON p.code = s.parent_code WHERE s.code = $1`,
    [satker],
  );
  return row ? [row.name, ...(row.parent_name === null ? [] : [row.parent_name])] : [];
}
