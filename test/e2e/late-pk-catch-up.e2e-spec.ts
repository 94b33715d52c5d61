import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { jemberMatrix2024, reminderRunner } from './workflow/deadline-clock.fixture';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, SUBBAGIAN, submitMonth } from './workflow/jember-office.fixture';

interface Cell { month: number; status: string; deadline: string }
interface Row { subbagian: string; months: Cell[] }

/**
 * An office that joins late: Jember (deadline day 5) has its PK of 2024 first approved on 20 November
 * 2024. January to October could never have been reported before, so they are due by the deadline of
 * November, 5 December (catch-up deadline), as November itself is; December keeps 5 January 2025.
 * Until 5 December is over nothing is overdue and the Sekretaris is not escalated; each Kasubbag is
 * reminded on 1 and 3 December by one message listing the months it owes. From 6 December every month
 * still owed is overdue, and the Sekretaris gets one escalation listing them all, once.
 */
describe('a PK approved late: the months already past are due by a catch-up deadline', () => {
  let t: TestApp;
  let jember: JemberTokens;
  const clock = new ControllableClock(new Date('2024-11-20T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const GROUP = `overdue:${JEMBER}:2024-01..2024-11`;

  const reminders = () => reminderRunner(t);

  const matrix = async () => (await jemberMatrix2024<{ rows: Row[] }>(t, jember.sekretaris)).rows;
  const cell = (rows: Row[], subbagian: string, month: number) => rows.find((r) => r.subbagian === subbagian)!.months.find((c) => c.month === month)!;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    jember = await createJemberOffice(t);
    await approveJemberPk(t, jember, 2024);
    // PDI catches January up at once; the others have not started anything.
    await submitMonth(t, jember, 1, 'PDI', true);
  });

  afterAll(() => t?.close());

  it('on the day of approval shows January–November not started and due 5 December, December due 5 January, nothing overdue', async () => {
    const rows = await matrix();
    for (const month of months(1, 11)) expect(cell(rows, 'HSDM', month)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-12-05' });
    expect(cell(rows, 'HSDM', 12)).toMatchObject({ status: 'NOT_STARTED', deadline: '2025-01-05' });
    expect(cell(rows, 'PDI', 1)).toMatchObject({ status: 'APPROVED', deadline: '2024-12-05' });

    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    expect(summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER)).toMatchObject({
      counts: { APPROVED: 1, SUBMITTED: 0, RETURNED: 0, DRAFT: 0, NOT_STARTED: 47, OVERDUE: 0 }, overdue: [],
    });

    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(jember.sekretaris));
    const listed = list.body.months as Array<{ month: number; dueDate: string; reports: Array<{ overdue: boolean }> }>;
    expect(listed.map((m) => m.dueDate)).toEqual([...months(1, 11).map(() => '2024-12-05'), '2025-01-05']);
    expect(listed.flatMap((m) => m.reports).some((r) => r.overdue)).toBe(false);

    // Closing a subbagian is still refused (it owes the reports), but none is called late.
    const refused = await t.http.patch(`/api/v1/satker/${JEMBER}/subbagian/HSDM`).set(as(jember.admin)).send({ active: false });
    expect(refused.status).toBe(409);
    const owed = refused.body.details.obligations[0].owedReports as Array<{ month: number; overdue: boolean }>;
    expect(owed.length).toBeGreaterThan(0);
    expect(owed.some((r) => r.overdue)).toBe(false);
  });

  it('escalates nothing before the catch-up deadline, reminds each Kasubbag once on 1 December of every month it owes', async () => {
    const nov21 = await reminders().run(new Date('2024-11-21T01:00:00Z'));
    expect(nov21.recorded.filter((k) => k.startsWith('overdue:'))).toEqual([]);

    const dec2 = await reminders().run(new Date('2024-12-02T01:00:00Z'));
    expect(dec2.recorded.filter((k) => k.startsWith('overdue:'))).toEqual([]);
    expect(dec2.recorded.filter((k) => k.startsWith('before-deadline:')).sort()).toEqual(
      SUBBAGIAN.map((s) => `before-deadline:${JEMBER}:2024-01..2024-11:${s}:2024-12-01`).sort(),
    );
    const [hsdm] = await t.db.dataSource.query(
      `SELECT subject, body, data FROM notifications WHERE satker_code = $1 AND reminder_key = $2 LIMIT 1`,
      [JEMBER, `before-deadline:${JEMBER}:2024-01..2024-11:HSDM:2024-12-01`],
    );
    expect(hsdm.subject).toBe('Pengingat: laporan realisasi Januari–November 2024 belum dikirim — Sekretariat KPU Kabupaten Jember');
    expect(hsdm.body).toContain('Batas waktu pengiriman: Kamis, 5 Desember 2024 (batas waktu susulan: PK 2024 baru disetujui pada Rabu, 20 November 2024).');
    expect(hsdm.data.periods).toHaveLength(11);
    // PDI sent January at once: its reminder lists February–November only, under the same key scheme.
    const [pdi] = await t.db.dataSource.query(
      `SELECT subject FROM notifications WHERE satker_code = $1 AND reminder_key = $2 LIMIT 1`, [JEMBER, `before-deadline:${JEMBER}:2024-01..2024-11:PDI:2024-12-01`],
    );
    expect(pdi.subject).toContain('laporan realisasi Februari–November 2024 belum dikirim');
  });

  it('shows the months overdue only once 5 December is over', async () => {
    clock.set(new Date('2024-12-05T16:59:00Z'));
    expect(cell(await matrix(), 'HSDM', 3)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-12-05' });

    clock.set(new Date('2024-12-05T17:00:00Z'));
    const rows = await matrix();
    for (const month of months(1, 11)) expect(cell(rows, 'HSDM', month)).toMatchObject({ status: 'OVERDUE', deadline: '2024-12-05' });
    expect(cell(rows, 'PDI', 1).status).toBe('APPROVED');
    expect(cell(rows, 'HSDM', 12).status).toBe('NOT_STARTED');
    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    const line = summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER);
    expect(line.counts.OVERDUE).toBe(43);
    expect(line.overdue[0]).toEqual({ subbagian: 'HSDM', month: 1, deadline: '2024-12-05', deadlineBasis: 'CATCH_UP' });
  });

  it('sends the Sekretaris one escalation on 6 December listing every report still owed of January–November, and none on the next runs', async () => {
    const dec6 = await reminders().run(new Date('2024-12-06T01:00:00Z'));
    expect(dec6.recorded.filter((k) => k.startsWith('overdue:'))).toEqual([GROUP]);
    const [row] = await t.db.dataSource.query(`SELECT payload FROM reminders WHERE satker_code = $1 AND reminder_key = $2`, [JEMBER, GROUP]);
    expect(row.payload).toMatchObject({
      localDate: '2024-12-06', period: { year: 2024, month: 11 }, deadline: { year: 2024, month: 12, day: 5 }, pkApprovedOn: { year: 2024, month: 11, day: 20 },
    });
    expect(row.payload.periods.map((p: { month: number }) => p.month)).toEqual(months(1, 11));
    expect(row.payload.reports).toHaveLength(43);

    const inbox = await t.http.get('/api/v1/me/notifications').set(as(jember.sekretaris));
    const escalations = inbox.body.items.filter((n: { kind: string }) => n.kind === 'OVERDUE_ESCALATION');
    expect(escalations).toHaveLength(1);
    expect(escalations[0].subject).toBe('Eskalasi: 43 laporan realisasi Januari–November 2024 terlambat — Sekretariat KPU Kabupaten Jember');
    expect(escalations[0].periods).toEqual(months(1, 11).map((month) => ({ year: 2024, month })));
    expect(escalations[0].data.period).toEqual({ year: 2024, month: 11 });
    expect(escalations[0].body).toContain(
      'Batas waktu laporan realisasi kinerja bulan Januari–November 2024 pada Sekretariat KPU Kabupaten Jember telah lewat ' +
        '(Kamis, 5 Desember 2024; batas waktu susulan: PK 2024 baru disetujui pada Rabu, 20 November 2024).\nLaporan berikut belum dikirim:\nJanuari 2024:\n',
    );

    // The next hourly run, and a catch-up two weeks on, find it recorded: nothing is sent again.
    expect((await reminders().run(new Date('2024-12-06T02:00:00Z'))).recorded).toEqual([]);
    expect((await reminders().run(new Date('2024-12-20T01:00:00Z'))).recorded.filter((k) => k.startsWith('overdue:'))).toEqual([]);
  });

  it('a dispensasi for March granted after the escalation does not send the escalation again; March alone is escalated after its new day', async () => {
    clock.set(new Date('2024-12-07T03:00:00Z'));
    const granted = await t.http.post(`/api/v1/satker/${JEMBER}/report-deadlines/2024/3/extension`).set(as(jember.sekretaris))
      .send({ until: '2024-12-12', reason: 'Dokumen bukti dukung Maret tertahan di gudang arsip.' });
    expect(granted.status).toBe(200);

    expect((await reminders().run(new Date('2024-12-07T04:00:00Z'))).recorded.filter((k) => k.startsWith('overdue:'))).toEqual([]);
    expect((await reminders().run(new Date('2024-12-13T01:00:00Z'))).recorded.filter((k) => k.startsWith('overdue:'))).toEqual([`overdue:${JEMBER}:2024-03:2024-12-12`]);
    expect((await reminders().run(new Date('2024-12-13T02:00:00Z'))).recorded.filter((k) => k.startsWith('overdue:'))).toEqual([]);
  });
});
