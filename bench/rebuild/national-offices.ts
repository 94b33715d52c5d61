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

/** One office of the data set and its subbagian, written straight into the tables (WIB). */
export async function insertOffice(dataSource: DataSource, office: string, at: Date): Promise<void> {
  await dataSource.query(
    `INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ($1, $2, 'Asia/Jakarta', $3, $3)`,
    [office, `Sekretariat ${office.toUpperCase().replace(/-/g, ' ')}`, at],
  );
  for (const s of NATIONAL_SUBBAGIAN) {
    await dataSource.query(`INSERT INTO subbagian (satker_code, code, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [office, s, `Sub. Bagian ${s}`, at]);
  }
}
