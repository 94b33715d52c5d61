import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { drainProjections, jemberMatrix2024, reminderRunner } from './workflow/deadline-clock.fixture';
import { login, loginFirstAdmin } from '../support/identity-fixtures';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, PASSWORD, SUBBAGIAN, submitMonth } from './workflow/jember-office.fixture';

interface Cell { month: number; status: string; deadline: string; deadlineBasis: string; submittedAt: string | null }
interface Row { subbagian: string; months: Cell[] }

/**
 * A dispensasi (POST /api/v1/satker/{satker}/report-deadlines/{year}/{month}/extension): Jember's
 * March 2024 reports of HSDM and TPH are overdue on 8 April (deadline 5 April, escalated on the 6th).
 * The Sekretaris gives March until 20 April, for a reason. Until then March is not overdue anywhere;
 * from 21 April it is again, and the Sekretaris is escalated once more, under a key of its own.
 * PDI's March came in late (8 April) and was approved before the grant, KUL's was waiting: both keep
 * 5 April. January, all approved, cannot be given one.
 */
describe('a dispensasi of a report deadline, granted after it passed', () => {
  let t: TestApp;
  let jember: JemberTokens;
  const clock = new ControllableClock(new Date('2024-01-16T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const extension = (month: number) => `/api/v1/satker/${JEMBER}/report-deadlines/2024/${month}/extension`;

  const reminders = () => reminderRunner(t);
  const escalations = (keys: string[]) => keys.filter((k) => k.startsWith('overdue:'));

  const matrix = async () => (await jemberMatrix2024<{ rows: Row[] }>(t, jember.sekretaris)).rows;
  const cell = (rows: Row[], subbagian: string, month: number) => rows.find((r) => r.subbagian === subbagian)!.months.find((c) => c.month === month)!;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    jember = await createJemberOffice(t);
    await approveJemberPk(t, jember, 2024);
    clock.set(new Date('2024-04-08T03:00:00Z'));
    for (const month of [1, 2]) for (const s of SUBBAGIAN) await submitMonth(t, jember, month, s, true);
    await submitMonth(t, jember, 3, 'PDI', true);
    await submitMonth(t, jember, 3, 'KUL', false);
  });

  afterAll(() => t?.close());

  it('is refused for a month whose deadline has not passed, without a reason, or to a day already past', async () => {
    const april = await t.http.post(extension(4)).set(as(jember.sekretaris)).send({ until: '2024-05-20', reason: 'Pemadaman listrik' });
    expect({ status: april.status, code: april.body.code }).toEqual({ status: 409, code: 'DEADLINE_EXTENSION.DEADLINE_NOT_PASSED' });
    expect(april.body.message).toBe('Batas waktu laporan April 2024 (5 Mei 2024) belum lewat; dispensasi hanya dapat diberikan setelah batas waktu lewat.');
    const blank = await t.http.post(extension(3)).set(as(jember.sekretaris)).send({ until: '2024-04-20', reason: '  ' });
    expect({ status: blank.status, code: blank.body.code }).toEqual({ status: 422, code: 'DEADLINE_EXTENSION.REASON_REQUIRED' });
    // A real day in another format, or a number: one message for the field, naming the format.
    for (const until of ['2024-4-20', 20240420]) {
      const wrong = await t.http.post(extension(3)).set(as(jember.sekretaris)).send({ until, reason: 'Pemadaman listrik' });
      expect({ status: wrong.status, fields: wrong.body.details.fields }).toEqual({
        status: 400, fields: [{ field: 'until', constraint: 'isCalendarDate', message: 'harus berupa tanggal berformat YYYY-MM-DD, misalnya 2026-04-20' }],
      });
    }
    const past = await t.http.post(extension(3)).set(as(jember.sekretaris)).send({ until: '2024-04-08', reason: 'Pemadaman listrik' });
    expect({ status: past.status, code: past.body.code, message: past.body.message }).toEqual({
      status: 422, code: 'DEADLINE_EXTENSION.UNTIL_NOT_LATER', message: 'Batas waktu baru (8 April 2024) harus setelah hari ini (8 April 2024).',
    });
    const kasubbag = await t.http.post(extension(3)).set(as(jember.kasubbag.HSDM)).send({ until: '2024-04-20', reason: 'Sakit' });
    expect(kasubbag.status).toBe(403);
  });

  it('is refused beyond 31 days from the office\'s today, naming the latest day allowed', async () => {
    for (const until of ['9999-12-31', '2024-05-10']) {
      const far = await t.http.post(extension(3)).set(as(jember.sekretaris)).send({ until, reason: 'Pemadaman listrik' });
      expect({ status: far.status, code: far.body.code, message: far.body.message }).toEqual({
        status: 422, code: 'DEADLINE_EXTENSION.UNTIL_TOO_LATE',
        message: 'Dispensasi paling lama 31 hari: batas waktu baru paling lambat 9 Mei 2024. Bila laporan masih belum masuk saat itu, dispensasi dapat diberikan lagi.',
      });
    }
  });

  it('is refused with a reason of invisible characters only, or of one character, as every reason of the workflow', async () => {
    // A zero-width space is refused before (400 VALIDATION.FAILED naming it, as in every free text); joiners are kept there and do not count here.
    for (const reason of ['\u200d\u200d', 'x', '\u200dx\u200c\u200d', '\u3164\u3164\u3164', '\u2800\u2800\u2800', '\u0301\u0301\u0301']) {
      const r = await t.http.post(extension(3)).set(as(jember.sekretaris)).send({ until: '2024-04-20', reason });
      expect({ status: r.status, code: r.body.code, message: r.body.message }).toEqual({
        status: 422, code: 'DEADLINE_EXTENSION.REASON_REQUIRED', message: 'Alasan wajib diisi (3–2000 karakter).',
      });
    }
  });

  it('is refused for a month whose reports have all been submitted (January, all approved late)', async () => {
    const january = await t.http.post(extension(1)).set(as(jember.sekretaris)).send({ until: '2024-04-20', reason: 'Pemadaman listrik' });
    expect({ status: january.status, code: january.body.code }).toEqual({ status: 409, code: 'DEADLINE_EXTENSION.NOTHING_OWED' });
    expect(january.body.message).toContain('Semua laporan Januari 2024 sudah dikirim');
    const rows = await matrix();
    expect(cell(rows, 'HSDM', 1)).toMatchObject({ status: 'APPROVED', deadline: '2024-02-05', deadlineBasis: 'OWN' });
  });

  it('moves March to 20 April everywhere once the Sekretaris grants it, after its first escalation', async () => {
    expect(escalations((await reminders().run(new Date('2024-04-08T01:00:00Z'))).recorded)).toEqual([`overdue:${JEMBER}:2024-03`]);
    expect(cell(await matrix(), 'HSDM', 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-05' });

    clock.set(new Date('2024-04-08T04:00:00Z'));
    const granted = await t.http.post(extension(3)).set(as(jember.sekretaris))
      .send({ until: '2024-04-20', reason: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.' });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ satker: JEMBER, year: 2024, month: 3, deadline: '2024-04-20' });

    const rows = await matrix();
    for (const s of ['HSDM', 'TPH']) expect(cell(rows, s, 3)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-04-20', deadlineBasis: 'DISPENSASI' });
    expect(cell(rows, 'HSDM', 2)).toMatchObject({ status: 'APPROVED', deadline: '2024-03-05' });
    expect(cell(rows, 'HSDM', 4)).toMatchObject({ deadline: '2024-05-05' });
    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    expect(summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER).overdue).toEqual([]);
    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(jember.sekretaris));
    const march = list.body.months[2] as { dueDate: string; reports: Array<{ subbagian: string; dueDate: string; overdue: boolean }> };
    expect(march.dueDate).toBe('2024-04-20');
    expect(march.reports.some((r) => r.overdue)).toBe(false);
    expect(Object.fromEntries(march.reports.map((r) => [r.subbagian, r.dueDate]))).toEqual({
      PDI: '2024-04-05', KUL: '2024-04-05', HSDM: '2024-04-20', TPH: '2024-04-20',
    });
    // Each report says where its deadline comes from, as the matrix does.
    expect(Object.fromEntries((march.reports as Array<{ subbagian: string; deadlineBasis?: string }>).map((r) => [r.subbagian, r.deadlineBasis]))).toEqual({
      PDI: 'OWN', KUL: 'OWN', HSDM: 'DISPENSASI', TPH: 'DISPENSASI',
    });

    const refused = await t.http.patch(`/api/v1/satker/${JEMBER}/subbagian/HSDM`).set(as(jember.admin)).send({ active: false });
    const owed = refused.body.details.obligations[0].owedReports as Array<{ month: number; overdue: boolean }>;
    expect(owed.find((r) => r.month === 3)).toMatchObject({ overdue: false });

    // A second dispensasi waits until this one has passed too.
    const again = await t.http.post(extension(3)).set(as(jember.admin)).send({ until: '2024-04-30', reason: 'Masih diperbaiki' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DEADLINE_EXTENSION.DEADLINE_NOT_PASSED' });
  });

  it('a report submitted late before the grant keeps its deadline and still reads as late (its submittedAt after its deadline)', async () => {
    const rows = await matrix();
    const pdi = cell(rows, 'PDI', 3);
    expect(pdi).toMatchObject({ status: 'APPROVED', deadline: '2024-04-05', deadlineBasis: 'OWN' });
    // Late: sent after the end of its deadline day in Jakarta (5 April 24:00 WIB = 17:00 UTC).
    expect(pdi.submittedAt! > '2024-04-05T17:00:00.000Z').toBe(true);
    expect(cell(rows, 'KUL', 3)).toMatchObject({ status: 'SUBMITTED', deadline: '2024-04-05', deadlineBasis: 'OWN' });
  });

  it('a report waiting at the grant and returned after it is overdue by its own deadline, in the matrix and the obligations', async () => {
    clock.set(new Date('2024-04-08T05:00:00Z'));
    await t.http.post(`/api/v1/satker/${JEMBER}/realisasi/2024/3/KUL/return`).set(as(jember.sekretaris))
      .send({ reason: 'Bukti dukung belum lengkap.' }).expect(200);
    expect(cell(await matrix(), 'KUL', 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-05', deadlineBasis: 'OWN' });
    const refused = await t.http.patch(`/api/v1/satker/${JEMBER}/subbagian/KUL`).set(as(jember.admin)).send({ active: false });
    const owed = refused.body.details.obligations[0].owedReports as Array<{ month: number; state: string; overdue: boolean }>;
    expect(owed.find((r) => r.month === 3)).toEqual({ month: 3, state: 'RETURNED', overdue: true });
  });

  it('lists the dispensasi of the year for the office and its Inspektorat', async () => {
    for (const token of [jember.inspektorat, jember.kasubbag.HSDM, jember.ketua]) {
      const listed = await t.http.get(`/api/v1/satker/${JEMBER}/report-deadlines/2024`).set(as(token));
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        satker: JEMBER, year: 2024,
        extensions: [{
          month: 3, fromDeadline: '2024-04-05', until: '2024-04-20', reason: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.',
          grantedBy: { id: expect.any(String), username: 'sekretaris', fullName: 'SEKRETARIS Jember' }, grantedAt: '2024-04-08T04:00:00.000Z',
        }],
      });
    }
    const other = await t.http.get(`/api/v1/satker/${JEMBER}/report-deadlines/2025`).set(as(jember.sekretaris));
    expect(other.body).toEqual({ satker: JEMBER, year: 2025, extensions: [] });
  });

  it('is announced in the inbox (and by e-mail) to the Kasubbag of each report it reaches and to every Sekretaris, once', async () => {
    const keys = (recorded: string[]) => recorded.filter((k) => k.startsWith('dispensasi:')).sort();
    expect(keys((await reminders().run(new Date('2024-04-08T06:00:00Z'))).recorded)).toEqual([
      `dispensasi:${JEMBER}:2024-03:2024-04-20:kasubbag-HSDM`, `dispensasi:${JEMBER}:2024-03:2024-04-20:kasubbag-TPH`,
      `dispensasi:${JEMBER}:2024-03:2024-04-20:sekretaris`,
    ]);
    expect(keys((await reminders().run(new Date('2024-04-08T07:00:00Z'))).recorded)).toEqual([]);
    const inbox = async (token: string) => {
      const response = await t.http.get('/api/v1/me/notifications').set(as(token));
      expect(response.status).toBe(200);
      return (response.body.items as Array<{ kind: string; subject: string; body: string; periods: unknown; data: Record<string, unknown> }>)
        .filter((n) => n.kind === 'DEADLINE_EXTENDED');
    };
    const [hsdm, ...more] = await inbox(jember.kasubbag.HSDM);
    expect(more).toEqual([]);
    expect(hsdm.subject).toBe('Dispensasi: batas waktu laporan realisasi Maret 2024 diperpanjang sampai Sabtu, 20 April 2024 — Sekretariat KPU Kabupaten Jember');
    expect(hsdm.body).toContain('Batas waktu semula: Jumat, 5 April 2024.\nBatas waktu baru: Sabtu, 20 April 2024.\nAlasan: Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.');
    expect(hsdm.body).toContain('SEKRETARIS Jember (Sekretaris) memberikan dispensasi');
    expect(hsdm.periods).toEqual([{ year: 2024, month: 3 }]);
    expect(hsdm.data).toMatchObject({ kind: 'DEADLINE_EXTENDED', deadline: { year: 2024, month: 4, day: 20 }, extension: { reason: expect.any(String) } });
    // KUL's report was waiting at the grant, PDI's approved: the dispensasi does not reach them.
    expect(await inbox(jember.kasubbag.KUL)).toEqual([]);
    expect(await inbox(jember.kasubbag.PDI)).toEqual([]);
    const [sekretaris] = await inbox(jember.sekretaris);
    expect(sekretaris.body).toContain('Dispensasi ini berlaku untuk laporan yang belum dikirim atau dikembalikan saat dispensasi diberikan:');
  });

  it('escalates March again only after 20 April, once, under its own key', async () => {
    expect(escalations((await reminders().run(new Date('2024-04-20T01:00:00Z'))).recorded)).toEqual([]);
    expect(escalations((await reminders().run(new Date('2024-04-21T01:00:00Z'))).recorded)).toEqual([`overdue:${JEMBER}:2024-03:2024-04-20`]);
    expect(escalations((await reminders().run(new Date('2024-04-22T01:00:00Z'))).recorded)).toEqual([]);
    const [mail] = await t.db.dataSource.query(`SELECT body FROM notifications WHERE satker_code = $1 AND reminder_key = $2 LIMIT 1`, [JEMBER, `overdue:${JEMBER}:2024-03:2024-04-20`]);
    expect(mail.body).toContain('telah lewat (Sabtu, 20 April 2024; batas waktu setelah dispensasi)');

    clock.set(new Date('2024-04-20T16:59:00Z'));
    expect(cell(await matrix(), 'HSDM', 3).status).toBe('NOT_STARTED');
    clock.set(new Date('2024-04-20T17:00:00Z'));
    expect(cell(await matrix(), 'HSDM', 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-20' });
    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    expect(summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER).overdue).toEqual([
      { subbagian: 'HSDM', month: 3, deadline: '2024-04-20', deadlineBasis: 'DISPENSASI' },
      { subbagian: 'KUL', month: 3, deadline: '2024-04-05', deadlineBasis: 'OWN' },
      { subbagian: 'TPH', month: 3, deadline: '2024-04-20', deadlineBasis: 'DISPENSASI' },
    ]);
  });

  it('is written in the audit trail with the month, both deadlines and the reason', async () => {
    await drainProjections(t);
    const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail`).query({ type: 'ReportDeadlineExtended' }).set(as(jember.inspektorat));
    expect(trail.status).toBe(200);
    const row = (trail.body.items as Array<{ eventType: string; summary: string; reason: string | null }>).find((r) => r.eventType === 'ReportDeadlineExtended');
    expect(row).toMatchObject({
      summary: 'Memberi dispensasi batas waktu laporan realisasi Maret 2024: dari 5 April 2024 menjadi 20 April 2024.',
      reason: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.',
    });
  });

  it('a second dispensasi, after the first passed, reaches the reports still owed then, the returned one included', async () => {
    clock.set(new Date('2024-04-21T03:00:00Z'));
    const again = await t.http.post(extension(3)).set(as(jember.admin)).send({ until: '2024-05-10', reason: 'Petugas masih cuti sakit.' });
    expect(again.status).toBe(200);
    const rows = await matrix();
    for (const s of ['HSDM', 'TPH', 'KUL']) expect(cell(rows, s, 3)).toMatchObject({ deadline: '2024-05-10', deadlineBasis: 'DISPENSASI' });
    expect(cell(rows, 'KUL', 3).status).toBe('RETURNED');
    expect(cell(rows, 'PDI', 3)).toMatchObject({ deadline: '2024-04-05', deadlineBasis: 'OWN' });
    const listed = await t.http.get(`/api/v1/satker/${JEMBER}/report-deadlines/2024`).set(as(jember.sekretaris));
    expect(listed.body.extensions.map((e: { fromDeadline: string; until: string; grantedBy: { username: string } }) => [e.fromDeadline, e.until, e.grantedBy.username]))
      .toEqual([['2024-04-05', '2024-04-20', 'sekretaris'], ['2024-04-20', '2024-05-10', 'admin.kab']]);
  });

  it('granted by an ADMIN of the province, is listed under that person\'s name, not an id alone', async () => {
    const root = { Authorization: `Bearer ${await loginFirstAdmin(t)}` };
    const created = await t.http.post('/api/v1/satker/kpu-prov-jawa-timur/users').set(root)
      .send({ username: 'admin.prov', fullName: 'Admin Provinsi Jawa Timur', role: 'ADMIN', password: PASSWORD });
    expect(created.status).toBe(201);
    const province = await login(t, 'admin.prov', PASSWORD);
    clock.set(new Date('2024-05-13T03:00:00Z'));
    const third = await t.http.post(extension(3)).set(as(province)).send({ until: '2024-05-20', reason: 'Jaringan kantor terputus sepekan.' });
    expect(third.status).toBe(200);
    const listed = await t.http.get(`/api/v1/satker/${JEMBER}/report-deadlines/2024`).set(as(jember.sekretaris));
    expect(listed.body.extensions[2]).toMatchObject({
      fromDeadline: '2024-05-10', until: '2024-05-20', grantedBy: { id: created.body.id, username: 'admin.prov', fullName: 'Admin Provinsi Jawa Timur' },
    });
  });
});
