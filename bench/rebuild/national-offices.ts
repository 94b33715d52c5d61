import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
