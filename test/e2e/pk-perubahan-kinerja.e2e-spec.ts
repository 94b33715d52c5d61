import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, KinerjaReadModel, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/**
 * A PK Perubahan that hands every indicator of TPH to KUL after March: TPH's approved January–March
 * stay in Tabel 3.2 (figures and budget spent), from the streams, from the read model and in time
 * travel alike; and TPH owes no report after the change (never overdue), in the status matrix and the
 * monthly list.
 */
describe('kinerja/{year} after a PK Perubahan moved indicators to another subbagian', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pk = `/api/v1/satker/${JEMBER}/pk/2024`;
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const tph = ownedBy('TPH');
  const movedCodes = tph.indicators.map((i) => i.code);

  /** Lines for the indicators `subbagian` owns in `body`; TPH's former indicators carry 1 per month. */
  function content(body: ReturnType<typeof jemberPkBody>, subbagian: string, spent: string) {
    const kegiatan = body.programs.flatMap((p) => p.kegiatan);
    return {
      lines: kegiatan.flatMap((k) => k.indicators).filter((i) => i.picSubbagian === subbagian)
        .map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
      budget: kegiatan.filter((k) => k.indicators.some((i) => i.picSubbagian === subbagian)).map((k) => ({ kegiatanCode: k.code, spent })),
    };
  }

  async function reportAndApprove(body: ReturnType<typeof jemberPkBody>, month: number, subbagian: string, spent: string) {
    const submitted = await t.http.post(`${report(month, subbagian)}/submit`).set(as(tokens.kasubbag[subbagian])).send(content(body, subbagian, spent));
    expect({ month, subbagian, status: submitted.status, body: submitted.status === 200 ? null : submitted.body }).toEqual({ month, subbagian, status: 200, body: null });
    await t.http.post(`${report(month, subbagian)}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);
  }

  const movedRows = (table: any) => table.programs.flatMap((p: any) => p.kegiatan.flatMap((k: any) => k.indicators)).filter((i: any) => movedCodes.includes(i.code));
  const kegiatanOf = (table: any, code: string) => table.programs.flatMap((p: any) => p.kegiatan).find((k: any) => k.code === code);
  const kinerja = async (query = '') => {
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024${query}`).set(as(tokens.inspektorat));
    expect(response.status).toBe(200);
    return response.body;
  };

  let revisedBody: ReturnType<typeof jemberPkBody>;
  let afterApproval: string;

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    const original = jemberPkBody();
    for (let month = 1; month <= 3; month++) {
      for (const subbagian of SUBBAGIAN) await reportAndApprove(original, month, subbagian, subbagian === 'TPH' ? '1000' : '10');
    }
    revisedBody = jemberPkBody();
    for (const k of revisedBody.programs.flatMap((p) => p.kegiatan)) {
      for (const i of k.indicators) if (i.picSubbagian === 'TPH') i.picSubbagian = 'KUL';
    }
    await t.http.post(`${pk}/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Tugas Subbagian TPH dialihkan ke Subbagian KUL.' }).expect(201);
    const draft = await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(revisedBody);
    expect({ status: draft.status, body: draft.status === 200 ? null : draft.body }).toEqual({ status: 200, body: null });
    await t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({}).expect(200);
    const approved = await t.http.post(`${pk}/approve`).set(as(tokens.ketua)).send({});
    expect(approved.body.inForce).toMatchObject({ version: 2 });
    for (const subbagian of ['PDI', 'KUL', 'HSDM']) await reportAndApprove(revisedBody, 4, subbagian, '10');
    afterApproval = new Date().toISOString();
  });

  afterAll(() => t?.close());

  function expectFormerPicMonthsKept(table: any) {
    expect(table.pkVersion).toBe(2);
    expect(movedRows(table)).not.toHaveLength(0);
    for (const row of movedRows(table)) expect({ code: row.code, pic: row.picSubbagian, months: row.reportedMonths }).toEqual({ code: row.code, pic: 'KUL', months: [1, 2, 3, 4] });
    // Every approved amount counts once: TPH's January–March (1000 a month) stays in its kegiatan.
    const owns = (body: ReturnType<typeof jemberPkBody>, sub: string, code: string) =>
      body.programs.flatMap((p) => p.kegiatan).some((k) => k.code === code && k.indicators.some((i) => i.picSubbagian === sub));
    for (const code of tph.kegiatan) {
      const before = SUBBAGIAN.reduce((sum, sub) => sum + (owns(jemberPkBody(), sub, code) ? 3 * (sub === 'TPH' ? 1000 : 10) : 0), 0);
      const after = ['PDI', 'KUL', 'HSDM'].reduce((sum, sub) => sum + (owns(revisedBody, sub, code) ? 10 : 0), 0);
      expect({ code, spent: Number(kegiatanOf(table, code).budgetSpent) }).toEqual({ code, spent: before + after });
    }
  }

  it('keeps the former PIC\'s approved months and budget when served from the streams', async () => {
    expectFormerPicMonthsKept(await kinerja());
  });

  it('answers the same from the read model once the projection has caught up', async () => {
    const fromStreams = [await kinerja(), await kinerja('?month=3')];
    await new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
    expect(await new KinerjaReadModel(t.db.dataSource).caughtUp(JEMBER)).toBe(true);
    const fromReadModel = [await kinerja(), await kinerja('?month=3')];
    expect(fromReadModel).toEqual(fromStreams);
    expectFormerPicMonthsKept(fromReadModel[0]);
    for (const row of movedRows(fromReadModel[1])) expect(row.reportedMonths).toEqual([1, 2, 3]);
  });

  it('answers the same in time travel to a moment after the change', async () => {
    const { asOf, ...table } = await kinerja(`?asOf=${encodeURIComponent(afterApproval)}`);
    expect(asOf).toBe(afterApproval);
    expectFormerPicMonthsKept(table);
    expect(table).toEqual(await kinerja());
  });

  it('refuses a correction by TPH of a month whose figures now belong to KUL, naming them (the approved figures stand)', async () => {
    const revise = await t.http.post(`${report(2, 'TPH')}/revise`).set(as(tokens.kasubbag.TPH)).send({ reason: 'Salah ketik pada narasi.' });
    expect({ status: revise.status, code: revise.body.code }).toEqual({ status: 409, code: 'REALISASI.OWNERSHIP_CHANGED' });
    expect(revise.body.message).toContain(movedCodes[0]);
    expect(revise.body.details).toMatchObject({ approvedPkVersion: 1, pkVersion: 2 });
    const state = await t.http.get(report(2, 'TPH')).set(as(tokens.kasubbag.TPH));
    expect(state.body).toMatchObject({ status: 'APPROVED' });
  });

  it('shows TPH\'s later months as not required, never overdue, in the status matrix and the monthly list', async () => {
    await new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
    const matrix = await t.http.get(`/api/v1/satker/${JEMBER}/status-matrix/2024`).set(as(tokens.sekretaris));
    expect(matrix.status).toBe(200);
    const row = (code: string) => matrix.body.rows.find((r: any) => r.subbagian === code).months.map((m: any) => m.status);
    expect(row('TPH')).toEqual([...Array(3).fill('APPROVED'), ...Array(9).fill('NOT_REQUIRED')]);
    expect(row('KUL')).toEqual([...Array(4).fill('APPROVED'), ...Array(8).fill('OVERDUE')]);
    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(tokens.sekretaris));
    expect(list.status).toBe(200);
    const cell = (month: number, code: string) => list.body.months[month - 1].reports.find((r: any) => r.subbagian === code);
    expect(cell(2, 'TPH')).toMatchObject({ status: 'APPROVED', overdue: false });
    expect(cell(5, 'TPH')).toMatchObject({ status: 'NOT_REQUIRED', overdue: false });
    expect(cell(5, 'KUL')).toMatchObject({ status: 'NOT_STARTED', overdue: true });
  });
});
