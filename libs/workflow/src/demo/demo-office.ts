import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type PkFixture, type Role } from '@kinerja/domain';
import { FirstAdminService, SatkerProfileService, SatkerService, SubbagianService, UserService, type AuthenticatedUser } from '@kinerja/identity';
import { AppConfig } from '@kinerja/platform';
import type { WorkflowActor } from '../shared/workflow-actor';
import { jemberPublishedProfile } from './jember-profile';
import { SEED_ACTOR_ID } from './seed-ledger';

export const JEMBER_CODE = 'kpu-kab-jember';
export const PROVINCE = { code: 'kpu-prov-jawa-timur', name: 'Sekretariat KPU Provinsi Jawa Timur' };

/** The demo users of the office, by username. */
export type DemoPeople = Record<string, WorkflowActor>;

const USERS: Array<{ username: string; fullName: string; role: Role; subbagian?: string }> = [
  { username: 'ketua', fullName: 'Desi Anggraeni, SH.MH', role: 'KETUA' },
  { username: 'sekretaris', fullName: 'Sekretaris KPU Kabupaten Jember', role: 'SEKRETARIS' },
  { username: 'inspektorat', fullName: 'Auditor Inspektorat Wilayah', role: 'INSPEKTORAT' },
  { username: 'kasubbag.pdi', fullName: 'Kasubbag Perencanaan, Data dan Informasi', role: 'KASUBBAG', subbagian: 'PDI' },
  { username: 'kasubbag.kul', fullName: 'Kasubbag Keuangan, Umum dan Logistik', role: 'KASUBBAG', subbagian: 'KUL' },
  { username: 'kasubbag.hsdm', fullName: 'Kasubbag Hukum dan SDM', role: 'KASUBBAG', subbagian: 'HSDM' },
  { username: 'kasubbag.tph', fullName: 'Kasubbag Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat', role: 'KASUBBAG', subbagian: 'TPH' },
];

async function ignoring(code: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError && error.code === code)) throw error;
  }
}

async function findUser(dataSource: DataSource, username: string): Promise<WorkflowActor | null> {
  const rows: Array<{ id: string; role: Role; satker_code: string; subbagian_code: string | null }> = await dataSource.query(
    `SELECT id::text AS id, role, satker_code, subbagian_code FROM users WHERE username = $1`,
    [username],
  );
  return rows.length === 0 ? null : { id: rows[0].id, role: rows[0].role, satker: rows[0].satker_code, subbagian: rows[0].subbagian_code };
}

/**
 * The root office and first administrator (as at first start), the provincial office, KPU
 * Kabupaten Jember with its four subbagian, time zone and published profile, and the demo users.
 * Whatever exists is kept.
 */
export async function ensureDemoOffice(context: INestApplicationContext, dataSource: DataSource, config: AppConfig, fixture: PkFixture): Promise<DemoPeople> {
  const password = config.DEMO_PASSWORD;
  await context.get(FirstAdminService).ensure({
    rootSatkerCode: config.ROOT_SATKER_CODE, rootSatkerName: config.ROOT_SATKER_NAME,
    username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD ?? password, checkPassword: config.isProduction,
  });
  const system: AuthenticatedUser = { id: SEED_ACTOR_ID, username: SEED_ACTOR_ID, fullName: 'Seed demo', role: 'ADMIN', satker: config.ROOT_SATKER_CODE, subbagian: null };
  const satker = context.get(SatkerService);
  await ignoring('SATKER.ALREADY_EXISTS', () => satker.create(system, { code: PROVINCE.code, name: PROVINCE.name, parentCode: config.ROOT_SATKER_CODE }));
  await ignoring('SATKER.ALREADY_EXISTS', () =>
    satker.create(system, { code: JEMBER_CODE, name: fixture.satker.name, parentCode: PROVINCE.code, timeZone: fixture.satker.timezone as 'Asia/Jakarta' }),
  );
  const subbagian = context.get(SubbagianService);
  for (const s of fixture.satker.subbagian) {
    await ignoring('SUBBAGIAN.ALREADY_EXISTS', () => subbagian.create(system, JEMBER_CODE, { code: s.code, name: s.name }));
  }
  // Its published profile (the LKj's BAB I, signing town), once: a profile set since is the office's own.
  const profiles = context.get(SatkerProfileService);
  if ((await profiles.get(JEMBER_CODE)).version === 0) await profiles.set(system, JEMBER_CODE, jemberPublishedProfile());
  const users = context.get(UserService);
  // `admin` is usually the first administrator (ADMIN_USERNAME), at the root office; otherwise Jember's.
  const all = [{ username: 'admin', fullName: 'Administrator KPU Kabupaten Jember', role: 'ADMIN' as Role }, ...USERS];
  const people: DemoPeople = {};
  for (const u of all) {
    if (!(await findUser(dataSource, u.username))) {
      await ignoring('USER.USERNAME_TAKEN', () => users.create(system, JEMBER_CODE, { username: u.username, fullName: u.fullName, role: u.role, subbagian: u.subbagian ?? null, password, passwordOrigin: 'demo' }));
    }
    people[u.username] = (await findUser(dataSource, u.username))!;
  }
  return people;
}
