import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { pkFromFixture, type PkDraftPayload, type PkFixture } from '../../libs/domain/src';

/** Every KPU office: KPU RI, 38 provinsi, 514 kabupaten/kota (553). */
export function nationalOffices(): string[] {
  const offices = ['kpu-ri'];
  for (let i = 1; i <= 38; i++) offices.push(`kpu-prov-${String(i).padStart(2, '0')}`);
  for (let i = 1; i <= 514; i++) offices.push(`kpu-kab-${String(i).padStart(3, '0')}`);
  return offices;
}

/** The Jember 2024 PK (data/), the shape every office's PK takes in the data set. */
export function jemberPk(projectRoot: string): PkDraftPayload {
  const fixture = JSON.parse(readFileSync(resolve(projectRoot, 'data/pk-kpu-jember-2024.json'), 'utf8')) as PkFixture;
  return pkFromFixture(fixture);
}

/** The four subbagian every office of the data set has (those of the Jember PK). */
export const NATIONAL_SUBBAGIAN = ['PDI', 'KUL', 'HSDM', 'TPH'] as const;

/**
 * The office above `office` in the real tree: KPU RI above the 38 provinsi, each provinsi above its
 * share of the 514 kabupaten/kota (13 or 14, in order of code); null for KPU RI.
 */
export function nationalParent(office: string): string | null {
  if (office === 'kpu-ri') return null;
  if (office.startsWith('kpu-prov-')) return 'kpu-ri';
  const kabupaten = Number(office.slice('kpu-kab-'.length));
  return `kpu-prov-${String(Math.floor(((kabupaten - 1) * 38) / 514) + 1).padStart(2, '0')}`;
}

/**
 * One office of the data set and its subbagian, written straight into the tables (WIB), under
 * `parent` when given (it must already be written), without one otherwise.
 */
export async function insertOffice(dataSource: DataSource, office: string, at: Date, parent: string | null = null): Promise<void> {
  await dataSource.query(
    `INSERT INTO satker (code, name, parent_code, time_zone, created_at, updated_at) VALUES ($1, $2, $3, 'Asia/Jakarta', $4, $4)`,
    [office, `Sekretariat ${office.toUpperCase().replace(/-/g, ' ')}`, parent, at],
  );
  for (const s of NATIONAL_SUBBAGIAN) {
    await dataSource.query(`INSERT INTO subbagian (satker_code, code, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [office, s, `Sub. Bagian ${s}`, at]);
  }
}
