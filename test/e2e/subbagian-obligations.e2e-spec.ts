import { DataSource } from 'typeorm';
import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/**
 * A subbagian is closed only when it owes the office nothing: every month it is PIC for (under the PK
 * version in force for that month) reported and approved, and no PK version in preparation naming it.
 * Otherwise its reports would have nobody to send them and the year's LKj would never be complete.
 * The story: Jember 2024, TPH's March report waiting for approval on 8 April, then a PK Perubahan
 * handing TPH's indicators to KUL from April on.
 */
describe('deactivating a subbagian that still owes reports', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const clock = new ControllableClock(new Date('2024-04-08T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pk = `/api/v1/satker/${JEMBER}/pk/2024`;
  const subbagianPath = (code: string) => `/api/v1/satker/${JEMBER}/subbagian/${code}`;
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const tphCodes = ownedBy('TPH').indicators.map((i) => i.code);

  function content(subbagian: string) {
    const { indicators, kegiatan } = ownedBy(subbagian);
    return {
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
      budget: kegiatan.map((kegiatanCode) => ({ kegiatanCode, spent: '10' })),
    };
  }

  async function submit(month: number, subbagian: string) {
    const submitted = await t.http.post(`${report(month, subbagian)}/submit`).set(as(tokens.kasubbag[subbagian])).send(content(subbagian));
    expect({ month, subbagian, status: submitted.status, body: submitted.status === 200 ? null : submitted.body }).toEqual({ month, subbagian, status: 200, body: null });
  }

  const approve = (month: number, subbagian: string) => t.http.post(`${report(month, subbagian)}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);

  async function identityEvents(): Promise<number> {
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND stream_id LIKE 'identity:%'`, [JEMBER]);
    return row.n;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    for (let month = 1; month <= 3; month++) {
      for (const subbagian of SUBBAGIAN) {
        await submit(month, subbagian);
        if (!(month === 3 && subbagian === 'TPH')) await approve(month, subbagian);
      }
    }
  });

  afterAll(() => t?.close());

  it('refuses while the PK in force makes it PIC for the rest of the year, naming each owed month and changing nothing', async () => {
    const before = await identityEvents();
    const refused = await t.http.patch(subbagianPath('TPH')).set(as(tokens.admin)).send({ active: false });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SUBBAGIAN.HAS_OBLIGATIONS' });
    expect(refused.body.details).toEqual({
      satker: JEMBER,
      subbagian: 'TPH',
      obligations: [{
        year: 2024,
        owedReports: [
          { month: 3, state: 'SUBMITTED', overdue: false },
          ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => ({ month, state: 'NOT_STARTED', overdue: false })),
        ],
        indicators: tphCodes,
        pendingPkVersion: null,
      }],
    });
    expect(refused.body.message).toContain('Subbagian "TPH" tidak dapat dinonaktifkan');
    expect(refused.body.message).toContain('2024: laporan Maret (menunggu persetujuan), April (belum dibuat)');
    expect(refused.body.message).toContain(`PIC indikator ${tphCodes.join(', ')} pada PK yang berlaku`);
    expect(refused.body.message).toContain('Selesaikan dan setujui laporan tersebut, lalu pindahkan PIC indikatornya ke subbagian lain melalui PK Perubahan sebelum menonaktifkan subbagian ini.');
    const still = await t.http.get(`/api/v1/satker/${JEMBER}/subbagian`).set(as(tokens.admin));
    expect(still.body.find((s: { code: string }) => s.code === 'TPH')).toMatchObject({ active: true, version: 1 });
    expect(await identityEvents()).toBe(before);
  });

  it('still refuses while the PK Perubahan moving its indicators is only a draft, then allows it once that is approved and March approved', async () => {
    await approve(3, 'TPH');
    const revised = jemberPkBody();
    for (const i of revised.programs.flatMap((p) => p.kegiatan).flatMap((k) => k.indicators)) if (i.picSubbagian === 'TPH') i.picSubbagian = 'KUL';
    clock.set(new Date('2024-04-09T03:00:00Z'));
    await t.http.post(`${pk}/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Tugas Subbagian TPH dialihkan ke Subbagian KUL.' }).expect(201);
    await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(revised).expect(200);

    const whileDraft = await t.http.patch(subbagianPath('TPH')).set(as(tokens.admin)).send({ active: false });
    expect({ status: whileDraft.status, code: whileDraft.body.code }).toEqual({ status: 409, code: 'SUBBAGIAN.HAS_OBLIGATIONS' });
    expect(whileDraft.body.details.obligations[0].owedReports.map((r: { month: number }) => r.month)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);

    await t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({}).expect(200);
    await t.http.post(`${pk}/approve`).set(as(tokens.ketua)).send({}).expect(200);
    const done = await t.http.patch(subbagianPath('TPH')).set(as(tokens.admin)).send({ active: false });
    expect({ status: done.status, body: done.body }).toMatchObject({ status: 200, body: { code: 'TPH', active: false } });
    // Its past, approved months stay in Tabel 3.2 and its matrix row shows nothing overdue.
    const matrix = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(tokens.sekretaris));
    expect(matrix.status).toBe(200);
    expect(JSON.stringify(matrix.body)).not.toContain('"overdue":true');
  });

  it('refuses a subbagian named as PIC by a PK version being prepared, and the PK itself refuses a PIC deactivated meanwhile', async () => {
    await t.http.post(`/api/v1/satker/${JEMBER}/subbagian`).set(as(tokens.admin)).send({ code: 'ARS', name: 'Sub. Bagian Arsip' }).expect(201);
    const revised = jemberPkBody();
    for (const i of revised.programs.flatMap((p) => p.kegiatan).flatMap((k) => k.indicators)) if (i.picSubbagian === 'TPH') i.picSubbagian = 'ARS';
    await t.http.post(`${pk}/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Arsip menjadi subbagian sendiri.' }).expect(201);
    await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(revised).expect(200);

    const refused = await t.http.patch(subbagianPath('ARS')).set(as(tokens.admin)).send({ active: false });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SUBBAGIAN.HAS_OBLIGATIONS' });
    expect(refused.body.details.obligations).toEqual([{ year: 2024, owedReports: [], indicators: tphCodes, pendingPkVersion: 3 }]);
    expect(refused.body.message).toContain(`PIC indikator ${tphCodes.join(', ')} pada PK versi 3 yang sedang disusun`);
    // The draft is a PK Perubahan: the Admin is told it can be withdrawn if it was opened by mistake.
    expect(refused.body.message).toMatch(/\. Ubah PIC indikator tersebut pada draf PK sebelum menonaktifkan subbagian ini\. Bila PK Perubahan 2024 versi 3 dibuka karena keliru, Sekretaris dapat membatalkannya \(bila sudah diajukan, setelah Ketua mengembalikannya\); PK yang berlaku tetap berlaku\.$/);

    // As if an administrator's deactivation had raced the draft: the PK refuses to go on with it.
    await t.app.get(DataSource).query(`UPDATE subbagian SET active = false WHERE satker_code = $1 AND code = 'ARS'`, [JEMBER]);
    const submit = await t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({});
    expect({ status: submit.status, code: submit.body.code, details: submit.body.details })
      .toEqual({ status: 422, code: 'PK.PIC_INACTIVE', details: { version: 3, picSubbagian: ['ARS'], indicators: tphCodes } });
    const current = await t.http.get(pk).set(as(tokens.sekretaris));
    expect(current.body.working).toMatchObject({ version: 3, status: 'DRAFT' });
  });

  it('marks the owed months whose deadline is over as overdue, as the status matrix does', async () => {
    clock.set(new Date('2024-06-10T03:00:00Z'));
    const refused = await t.http.patch(subbagianPath('PDI')).set(as(tokens.admin)).send({ active: false });
    expect(refused.status).toBe(409);
    const owed = refused.body.details.obligations[0].owedReports;
    expect(owed.slice(0, 3)).toEqual([
      { month: 4, state: 'NOT_STARTED', overdue: true }, { month: 5, state: 'NOT_STARTED', overdue: true }, { month: 6, state: 'NOT_STARTED', overdue: false },
    ]);
    expect(refused.body.message).toContain('laporan April (belum dibuat, terlambat), Mei (belum dibuat, terlambat), Juni (belum dibuat)');
  });

  it('refuses a second subbagian with the name of another, whatever its case and spaces', async () => {
    const names = await t.http.get(`/api/v1/satker/${JEMBER}/subbagian`).set(as(tokens.admin));
    const pdi = names.body.find((s: { code: string }) => s.code === 'PDI');
    const shouted = `  ${pdi.name.toUpperCase().replace(/ /g, '   ')} `;
    const created = await t.http.post(`/api/v1/satker/${JEMBER}/subbagian`).set(as(tokens.admin)).send({ code: 'PDI2', name: shouted });
    expect({ status: created.status, code: created.body.code, subbagian: created.body.details?.subbagian }).toEqual({ status: 409, code: 'SUBBAGIAN.NAME_TAKEN', subbagian: 'PDI' });
    expect(created.body.message).toContain('sudah dipakai subbagian "PDI"');
    const renamed = await t.http.patch(subbagianPath('KUL')).set(as(tokens.admin)).send({ name: pdi.name });
    expect({ status: renamed.status, code: renamed.body.code }).toEqual({ status: 409, code: 'SUBBAGIAN.NAME_TAKEN' });
    // The name of a closed subbagian is taken too: bring that one back instead.
    const tph = names.body.find((s: { code: string }) => s.code === 'TPH');
    const reused = await t.http.post(`/api/v1/satker/${JEMBER}/subbagian`).set(as(tokens.admin)).send({ code: 'TPH2', name: tph.name });
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 409, code: 'SUBBAGIAN.NAME_TAKEN' });
    expect(reused.body.message).toContain('tidak aktif; aktifkan kembali');
    // Its own name, sent again with other spacing, is no conflict.
    const same = await t.http.patch(subbagianPath('PDI')).set(as(tokens.admin)).send({ name: `${pdi.name} ` });
    expect(same.status).toBe(200);
  });
});
