import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens } from './workflow/jember-office.fixture';

/**
 * What a QA round found in the monthly reports, through HTTP: a subbagian that is PIC of no indicator
 * sends no report (not even an empty one); a budget line of a kegiatan the PK does not have is an
 * unknown code, not another subbagian's; a line saved blank is no change in the report's history or
 * the audit trail; a correction sent back with the content already approved is refused.
 * The PK of 2024 gives TPH's indicators to KUL, so TPH owes nothing all year. The clock stands on
 * 15 June 2024 (Asia/Jakarta).
 */
describe('monthly reports: refusing what nobody owes, unknown kegiatan and unchanged corrections', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const body = jemberPkBody();
  for (const k of body.programs.flatMap((p) => p.kegiatan)) for (const i of k.indicators) if (i.picSubbagian === 'TPH') i.picSubbagian = 'KUL';
  const kegiatan = body.programs.flatMap((p) => p.kegiatan);
  const kulIndicators = kegiatan.flatMap((k) => k.indicators).filter((i) => i.picSubbagian === 'KUL');
  const kulKegiatan = kegiatan.filter((k) => k.indicators.some((i) => i.picSubbagian === 'KUL')).map((k) => k.code);

  /** Every indicator of KUL at `value` but the first, left blank; every kegiatan of KUL at `spent`. */
  const kulContent = (value: string, spent = '250000') => ({
    lines: kulIndicators.map((i, n) => ({ indicatorCode: i.code, value: n === 0 ? null : value, narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
    budget: kulKegiatan.map((kegiatanCode) => ({ kegiatanCode, spent })),
  });
  const drain = () => new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    const pk = `/api/v1/satker/${JEMBER}/pk/2024`;
    expect((await t.http.post(pk).set(as(tokens.sekretaris)).send(body)).status).toBeLessThan(300);
    expect((await t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({})).status).toBe(200);
    expect((await t.http.post(`${pk}/approve`).set(as(tokens.ketua)).send({})).status).toBe(200);
  });

  afterAll(() => t?.close());

  describe('a subbagian that is PIC of no indicator', () => {
    it('cannot save an empty report of a month it owes nothing: 422 REALISASI.NOTHING_OWED, nothing recorded', async () => {
      const saved = await t.http.put(report(1, 'TPH')).set(as(tokens.kasubbag.TPH)).send({ lines: [], budget: [] });
      expect({ status: saved.status, code: saved.body.code }).toEqual({ status: 422, code: 'REALISASI.NOTHING_OWED' });
      expect(saved.body.message).toBe('Subbagian TPH tidak menjadi PIC indikator apa pun pada PK 2024 (versi 1) yang berlaku untuk Januari 2024; tidak ada laporan yang wajib dikirim.');
      const read = await t.http.get(report(1, 'TPH')).set(as(tokens.kasubbag.TPH));
      expect({ status: read.status, code: read.body.code }).toEqual({ status: 404, code: 'REALISASI.NOT_FOUND' });
    });

    it('cannot submit one either, with content or without', async () => {
      for (const sent of [{ lines: [], budget: [] }, {}]) {
        const submitted = await t.http.post(`${report(2, 'TPH')}/submit`).set(as(tokens.kasubbag.TPH)).send(sent);
        expect({ status: submitted.status, code: submitted.body.code }).toEqual({ status: 422, code: 'REALISASI.NOTHING_OWED' });
      }
    });

    it('stays NOT_REQUIRED in the matrix and out of the Sekretaris\'s inbox', async () => {
      await drain();
      const matrix = await t.http.get(`/api/v1/satker/${JEMBER}/status-matrix/2024`).set(as(tokens.sekretaris));
      const tph = matrix.body.rows.find((r: { subbagian: string }) => r.subbagian === 'TPH');
      expect(new Set(tph.months.map((m: { status: string }) => m.status))).toEqual(new Set(['NOT_REQUIRED']));
      const inbox = await t.http.get(`/api/v1/satker/${JEMBER}/approval-inbox`).set(as(tokens.sekretaris));
      expect(inbox.body.items.filter((i: { subbagian: string }) => i.subbagian === 'TPH')).toEqual([]);
    });
  });

  describe('a budget line of a kegiatan the PK does not have', () => {
    it('is 422 REALISASI.UNKNOWN_KEGIATAN, as an unknown indicator is, not 403 as another subbagian\'s', async () => {
      const sent = { ...kulContent('1'), budget: [{ kegiatanCode: 'K99', spent: '1000' }] };
      const saved = await t.http.put(report(4, 'KUL')).set(as(tokens.kasubbag.KUL)).send(sent);
      expect({ status: saved.status, code: saved.body.code, message: saved.body.message }).toEqual({
        status: 422, code: 'REALISASI.UNKNOWN_KEGIATAN', message: 'Kegiatan K99 tidak ada dalam PK yang berlaku.',
      });
    });

    it('names the kegiatan meant when the code differs only in case', async () => {
      const [code] = kulKegiatan;
      const sent = { ...kulContent('1'), budget: [{ kegiatanCode: code.toLowerCase(), spent: '1000' }] };
      const saved = await t.http.put(report(4, 'KUL')).set(as(tokens.kasubbag.KUL)).send(sent);
      expect({ status: saved.status, code: saved.body.code }).toEqual({ status: 422, code: 'REALISASI.UNKNOWN_KEGIATAN' });
      expect(saved.body.message).toContain(`(maksud Anda ${code}? huruf besar dan kecil dibedakan)`);
      expect((await t.http.get(report(4, 'KUL')).set(as(tokens.kasubbag.KUL))).status).toBe(404);
    });
  });

  describe('a line saved blank', () => {
    it('is no change in the report\'s history nor in the audit trail', async () => {
      expect((await t.http.put(report(5, 'KUL')).set(as(tokens.kasubbag.KUL)).send(kulContent('1'))).status).toBe(200);
      const [blank, ...filled] = kulIndicators.map((i) => i.code);
      const history = await t.http.get(`${report(5, 'KUL')}/history`).set(as(tokens.kasubbag.KUL));
      expect(history.body.entries[0].valueChanges).toEqual(filled.map((indicatorCode) => ({ indicatorCode, before: null, after: '1' })));
      await drain();
      const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail?type=RealisasiDraftSaved&year=2024&month=5`).set(as(tokens.inspektorat));
      const [save] = trail.body.items as Array<{ summary: string; changes: Array<{ indicatorCode: string | null; field: string }> }>;
      expect(save.summary).not.toContain('kosong → kosong');
      expect(save.summary).not.toContain(`${blank} kosong`);
      expect(save.changes.filter((c) => c.indicatorCode === blank && c.field === 'realisasi')).toEqual([]);
    });
  });

  describe('a correction sent with the content already approved', () => {
    const path = report(3, 'KUL');

    beforeAll(async () => {
      expect((await t.http.post(`${path}/submit`).set(as(tokens.kasubbag.KUL)).send(kulContent('2'))).status).toBe(200);
      expect((await t.http.post(`${path}/approve`).set(as(tokens.sekretaris)).send({})).status).toBe(200);
      expect((await t.http.post(`${path}/revise`).set(as(tokens.kasubbag.KUL)).send({ reason: 'Periksa ulang angka Maret.' })).status).toBe(200);
    });

    it('is refused with 422 REALISASI.REVISION_UNCHANGED, telling what to do, and nothing is recorded', async () => {
      const before = await t.http.get(`${path}/history`).set(as(tokens.kasubbag.KUL));
      for (const sent of [kulContent('2'), {}]) {
        const submitted = await t.http.post(`${path}/submit`).set(as(tokens.kasubbag.KUL)).send(sent);
        expect({ status: submitted.status, code: submitted.body.code }).toEqual({ status: 422, code: 'REALISASI.REVISION_UNCHANGED' });
        expect(submitted.body.message).toContain('Ubah nilai, uraian, kendala, solusi, bukti dukung atau anggaran yang hendak dikoreksi');
      }
      const after = await t.http.get(`${path}/history`).set(as(tokens.kasubbag.KUL));
      expect(after.body.version).toBe(before.body.version);
      const read = await t.http.get(path).set(as(tokens.kasubbag.KUL));
      expect(read.body).toMatchObject({ status: 'DRAFT', revision: 1 });
    });

    it('goes through once something changed', async () => {
      const submitted = await t.http.post(`${path}/submit`).set(as(tokens.kasubbag.KUL)).send(kulContent('3'));
      expect({ status: submitted.status, body: submitted.status === 200 ? null : submitted.body }).toEqual({ status: 200, body: null });
    });
  });
});
