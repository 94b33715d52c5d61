import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkFromFixture, type PkFixture, type PkStructure } from '@kinerja/domain';
import type { TestApp } from '../../support/test-app';
import { login, loginFirstAdmin } from '../../support/identity-fixtures';

export const JEMBER = 'kpu-kab-jember';
export const PASSWORD = 'jember-kopi-tubruk-2024';
export const SUBBAGIAN = ['PDI', 'KUL', 'HSDM', 'TPH'] as const;

export interface JemberTokens {
  sekretaris: string;
  ketua: string;
  inspektorat: string;
  admin: string;
  kasubbag: Record<string, string>;
}

export function jemberFixture(): PkFixture {
  return JSON.parse(readFileSync(join(__dirname, '../../../data/pk-kpu-jember-2024.json'), 'utf8')) as PkFixture;
}

/** The PK body for `POST pk/{year}` from the transcribed fixture, optionally with evidence required. */
export function jemberPkBody(options: { evidenceRequired?: boolean } = {}): { programs: PkStructure['programs'] } {
  return { programs: pkFromFixture(jemberFixture(), options).structure.programs };
}

async function expectCreated(response: { status: number; body: unknown }, what: string): Promise<void> {
  if (response.status !== 201) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * KPU Kabupaten Jember over HTTP as the root administrator: the provincial office, the office with its
 * four subbagian, and one signed-in user per role (a Kasubbag per subbagian).
 */
export async function createJemberOffice(t: TestApp, code = JEMBER): Promise<JemberTokens> {
  const admin = await loginFirstAdmin(t);
  const auth = { Authorization: `Bearer ${admin}` };
  const province = await t.http.get('/api/v1/satker/kpu-prov-jawa-timur').set(auth);
  if (province.status === 404) {
    await expectCreated(
      await t.http.post('/api/v1/satker').set(auth).send({ code: 'kpu-prov-jawa-timur', name: 'KPU Provinsi Jawa Timur', parentCode: t.config.ROOT_SATKER_CODE }),
      'province',
    );
  }
  await expectCreated(
    // Two offices never share a name: another office built the same way is named after its code.
    await t.http.post('/api/v1/satker').set(auth).send({ code, name: code === JEMBER ? 'Sekretariat KPU Kabupaten Jember' : `Sekretariat ${code}`, parentCode: 'kpu-prov-jawa-timur', timeZone: 'Asia/Jakarta' }),
    'office',
  );
  for (const s of jemberFixture().satker.subbagian) {
    await expectCreated(await t.http.post(`/api/v1/satker/${code}/subbagian`).set(auth).send({ code: s.code, name: s.name }), `subbagian ${s.code}`);
  }
  const suffix = code === JEMBER ? '' : `.${code}`;
  const people: Array<[string, string, string | null]> = [
    [`sekretaris${suffix}`, 'SEKRETARIS', null], [`ketua${suffix}`, 'KETUA', null], [`inspektorat${suffix}`, 'INSPEKTORAT', null],
    [`admin.kab${suffix}`, 'ADMIN', null], ...SUBBAGIAN.map((s): [string, string, string] => [`kasubbag.${s.toLowerCase()}${suffix}`, 'KASUBBAG', s]),
  ];
  const tokens: Record<string, string> = {};
  for (const [username, role, subbagian] of people) {
    await expectCreated(
      await t.http.post(`/api/v1/satker/${code}/users`).set(auth).send({ username, fullName: `${role} ${subbagian ?? ''} Jember`.trim(), role, subbagian, password: PASSWORD }),
      `user ${username}`,
    );
    tokens[username] = await login(t, username, PASSWORD);
  }
  return {
    sekretaris: tokens[`sekretaris${suffix}`], ketua: tokens[`ketua${suffix}`], inspektorat: tokens[`inspektorat${suffix}`], admin: tokens[`admin.kab${suffix}`],
    kasubbag: Object.fromEntries(SUBBAGIAN.map((s) => [s, tokens[`kasubbag.${s.toLowerCase()}${suffix}`]])),
  };
}

/** Drafts, submits (Sekretaris) and approves (Ketua) the Jember PK of `year`. */
export async function approveJemberPk(t: TestApp, tokens: JemberTokens, year: number, code = JEMBER, options: { evidenceRequired?: boolean } = {}) {
  const base = `/api/v1/satker/${code}/pk/${year}`;
  const steps: Array<[string, string, unknown]> = [['post', base, jemberPkBody(options)], ['post', `${base}/submit`, {}]];
  for (const [, path, body] of steps) {
    const r = await t.http.post(path).set('Authorization', `Bearer ${tokens.sekretaris}`).send(body as object);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const approved = await t.http.post(`${base}/approve`).set('Authorization', `Bearer ${tokens.ketua}`).send({});
  if (approved.status !== 200) throw new Error(`approve PK: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved;
}

/** Indicators and kegiatan a subbagian reports, from the PK body. */
export function ownedBy(subbagian: string) {
  const kegiatan = jemberPkBody().programs.flatMap((p) => p.kegiatan);
  return {
    indicators: kegiatan.flatMap((k) => k.indicators).filter((i) => i.picSubbagian === subbagian),
    kegiatan: kegiatan.filter((k) => k.indicators.some((i) => i.picSubbagian === subbagian)).map((k) => k.code),
  };
}

/** A month of 2024 submitted by the subbagian's Kasubbag (every indicator 1, every kegiatan 10) and, when `approve`, approved by the Sekretaris. */
export async function submitMonth(t: TestApp, tokens: JemberTokens, month: number, subbagian: string, approve: boolean, code = JEMBER): Promise<void> {
  const { indicators, kegiatan } = ownedBy(subbagian);
  const path = `/api/v1/satker/${code}/realisasi/2024/${month}/${subbagian}`;
  await t.http.post(`${path}/submit`).set('Authorization', `Bearer ${tokens.kasubbag[subbagian]}`).send({
    lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
    budget: kegiatan.map((kegiatanCode) => ({ kegiatanCode, spent: '10' })),
  }).expect(200);
  if (approve) await t.http.post(`${path}/approve`).set('Authorization', `Bearer ${tokens.sekretaris}`).send({}).expect(200);
}

/** What `POST evidence` answers and a report line refers to. */
export type EvidenceReference = { sha256: string; fileName: string; contentType: string; size: number };

/** Uploads a bukti dukung file to the office as the holder of `token` (201 expected). */
export async function uploadEvidence(t: TestApp, token: string, bytes: Buffer, fileName: string, code = JEMBER): Promise<EvidenceReference> {
  const r = await t.http.post(`/api/v1/satker/${code}/evidence`).set('Authorization', `Bearer ${token}`).attach('file', bytes, fileName);
  expect(r.status).toBe(201);
  return r.body;
}
