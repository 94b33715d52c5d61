import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, KinerjaReadModel, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/**
 * A PK Perubahan approved on 9 April 2024 that hands every indicator of TPH to KUL: April onwards are
 * reported under it, January–March under version 1. TPH's approved January–March stay in Tabel 3.2
 * (figures and budget spent), from the streams, from the read model and in time travel alike; TPH can
 * still correct them with its own lines; and TPH owes no report from April on (never overdue), in the
 * status matrix and the monthly list. The clock moves with the story.
 */
describe('kinerja/{year} after a PK Perubahan moved indicators to another subbagian', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const clock = new ControllableClock(new Date('2024-04-08T03:00:00Z'));
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

  beforeAll(async () => {
    t = await createTestApp({ clock });
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
    clock.set(new Date('2024-04-09T03:00:00Z'));
    await t.http.post(`${pk}/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Tugas Subbagian TPH dialihkan ke Subbagian KUL.' }).expect(201);
    const draft = await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(revisedBody);
    expect({ status: draft.status, body: draft.status === 200 ? null : draft.body }).toEqual({ status: 200, body: null });
    await t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({}).expect(200);
    const approved = await t.http.post(`${pk}/approve`).set(as(tokens.ketua)).send({});
    expect(approved.body.inForce).toMatchObject({ version: 2 });
    // April ends: its reports are made under version 2, TPH owes none.
    clock.set(new Date('2024-05-02T03:00:00Z'));
    for (const subbagian of ['PDI', 'KUL', 'HSDM']) await reportAndApprove(revisedBody, 4, subbagian, '10');
    const refused = await t.http.post(`${report(4, 'TPH')}/submit`).set(as(tokens.kasubbag.TPH)).send(content(jemberPkBody(), 'TPH', '1000'));
    // TPH is PIC of nothing under version 2: told it owes no April report, before any line is looked at.
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'REALISASI.NOTHING_OWED' });

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
    // The log records real instants; travel to one after every approval (the clock follows, so it is not "the future").
    const afterApproval = new Date().toISOString();
    clock.set(new Date(Date.now() + 1000));
    const { asOf, ...table } = await kinerja(`?asOf=${encodeURIComponent(afterApproval)}`);
    expect(asOf).toBe(afterApproval);
    expectFormerPicMonthsKept(table);
    expect(table).toEqual(await kinerja());
  });

  it('lets TPH correct a month reported before the change with its own lines (version 1), and the correction counts', async () => {
    const revise = await t.http.post(`${report(2, 'TPH')}/revise`).set(as(tokens.kasubbag.TPH)).send({ reason: 'Angka Februari salah ketik.' });
    expect(revise.status).toBe(200);
    const corrected = content(jemberPkBody(), 'TPH', '1000');
    corrected.lines[0].value = '2';
    const resubmitted = await t.http.post(`${report(2, 'TPH')}/submit`).set(as(tokens.kasubbag.TPH)).send(corrected);
    expect({ status: resubmitted.status, body: resubmitted.status === 200 ? null : resubmitted.body }).toEqual({ status: 200, body: null });
    await t.http.post(`${report(2, 'TPH')}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);
    const after = await t.http.get(report(2, 'TPH')).set(as(tokens.inspektorat));
    expect(after.body.approved).toMatchObject({ revision: 1, pkVersion: 1 });
    expect(after.body.approved.lines.find((l: { indicatorCode: string }) => l.indicatorCode === corrected.lines[0].indicatorCode).value).toBe('2');
    const table = await kinerja();
    expect(movedRows(table).find((r: any) => r.code === corrected.lines[0].indicatorCode).reportedMonths).toEqual([1, 2, 3, 4]);
  });

  it('shows TPH\'s later months as not required, never overdue, in the status matrix and the monthly list', async () => {
    clock.set(new Date('2025-02-01T03:00:00Z'));
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
