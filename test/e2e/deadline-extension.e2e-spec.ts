import pino from 'pino';
import { EventStore } from '@kinerja/event-store';
import { LogOnlyMailer, OutboxDispatcher, ReminderRecorder, ReminderRunner } from '@kinerja/jobs';
import { OfficeDirectory } from '@kinerja/jobs/reminders/facts/office-directory';
import { OfficeHistoryReader } from '@kinerja/jobs/reminders/facts/office-history.reader';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, SUBBAGIAN, submitMonth } from './workflow/jember-office.fixture';

interface Cell { month: number; status: string; deadline: string }
interface Row { subbagian: string; months: Cell[] }

/**
 * A dispensasi (POST /api/v1/satker/{satker}/report-deadlines/{year}/{month}/extension): Jember's
 * March 2024 reports of HSDM and TPH are overdue on 8 April (deadline 5 April, escalated on the 6th).
 * The Sekretaris gives March until 20 April, for a reason. Until then March is not overdue anywhere;
 * from 21 April it is again, and the Sekretaris is escalated once more, under a key of its own.
 */
describe('a dispensasi of a report deadline, granted after it passed', () => {
  let t: TestApp;
  let jember: JemberTokens;
  const clock = new ControllableClock(new Date('2024-01-16T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const extension = (month: number) => `/api/v1/satker/${JEMBER}/report-deadlines/2024/${month}/extension`;
  const drain = () => new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();

  function reminders(): ReminderRunner {
    const logger = pino({ level: 'silent' });
    const events = new EventStore(t.db.dataSource);
    return new ReminderRunner(
      new OfficeDirectory(t.db.dataSource), new OfficeHistoryReader(t.db.dataSource), new ReminderRecorder(t.db.dataSource, events),
      new OutboxDispatcher(t.db.dataSource, new LogOnlyMailer(logger), logger), logger,
    );
  }
  const escalations = (keys: string[]) => keys.filter((k) => k.startsWith('overdue:'));

  async function matrix(): Promise<Row[]> {
    await drain();
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/status-matrix/2024`).set(as(jember.sekretaris));
    expect(response.status).toBe(200);
    return response.body.rows;
  }
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
    expect({ status: blank.status, code: blank.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    const past = await t.http.post(extension(3)).set(as(jember.sekretaris)).send({ until: '2024-04-08', reason: 'Pemadaman listrik' });
    expect({ status: past.status, code: past.body.code, message: past.body.message }).toEqual({
      status: 422, code: 'DEADLINE_EXTENSION.UNTIL_NOT_LATER', message: 'Batas waktu baru (8 April 2024) harus setelah hari ini (8 April 2024).',
    });
    const kasubbag = await t.http.post(extension(3)).set(as(jember.kasubbag.HSDM)).send({ until: '2024-04-20', reason: 'Sakit' });
    expect(kasubbag.status).toBe(403);
  });

  it('moves March to 20 April everywhere once the Sekretaris grants it, after its first escalation', async () => {
    expect(escalations((await reminders().run(new Date('2024-04-08T01:00:00Z'))).recorded)).toEqual([`overdue:${JEMBER}:2024-03`]);
    expect(cell(await matrix(), 'HSDM', 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-05' });

    const granted = await t.http.post(extension(3)).set(as(jember.sekretaris))
      .send({ until: '2024-04-20', reason: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.' });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ satker: JEMBER, year: 2024, month: 3, deadline: '2024-04-20' });

    const rows = await matrix();
    for (const s of ['HSDM', 'TPH']) expect(cell(rows, s, 3)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-04-20' });
    expect(cell(rows, 'HSDM', 2)).toMatchObject({ status: 'APPROVED', deadline: '2024-03-05' });
    expect(cell(rows, 'HSDM', 4)).toMatchObject({ deadline: '2024-05-05' });
    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    expect(summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER).overdue).toEqual([]);
    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(jember.sekretaris));
    const march = list.body.months[2] as { dueDate: string; reports: Array<{ overdue: boolean }> };
    expect(march.dueDate).toBe('2024-04-20');
    expect(march.reports.some((r) => r.overdue)).toBe(false);

    const refused = await t.http.patch(`/api/v1/satker/${JEMBER}/subbagian/HSDM`).set(as(jember.admin)).send({ active: false });
    const owed = refused.body.details.obligations[0].owedReports as Array<{ month: number; overdue: boolean }>;
    expect(owed.find((r) => r.month === 3)).toMatchObject({ overdue: false });

    // A second dispensasi waits until this one has passed too.
    const again = await t.http.post(extension(3)).set(as(jember.admin)).send({ until: '2024-04-30', reason: 'Masih diperbaiki' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DEADLINE_EXTENSION.DEADLINE_NOT_PASSED' });
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
  });

  it('is written in the audit trail with the month, both deadlines and the reason', async () => {
    await drain();
    const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail`).query({ type: 'ReportDeadlineExtended' }).set(as(jember.inspektorat));
    expect(trail.status).toBe(200);
    const row = (trail.body.items as Array<{ eventType: string; summary: string; reason: string | null }>).find((r) => r.eventType === 'ReportDeadlineExtended');
    expect(row).toMatchObject({
      summary: 'Memberi dispensasi batas waktu laporan realisasi Maret 2024: dari 5 April 2024 menjadi 20 April 2024.',
      reason: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.',
    });
  });
});
