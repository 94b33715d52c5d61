import { Client } from 'pg';
import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { jemberMatrix2024, reminderRunner } from './workflow/deadline-clock.fixture';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, SUBBAGIAN, submitMonth } from './workflow/jember-office.fixture';

interface Cell { month: number; status: string; deadline: string }
interface Row { subbagian: string; months: Cell[] }

/**
 * The office's deadline day has a history: on 8 April 2024 (Jakarta) Jember's March reports of HSDM
 * and TPH are overdue (deadline 5 April). The admin then raises the deadline day 5 → 15. March keeps
 * 5 April and stays overdue (a deadline already passed never moves); April, whose report window is
 * still to come, is due 15 May, so on 6 May an April report not yet sent is not overdue, and its
 * escalation to the Sekretaris moves to 16 May while March's stays on 6 April.
 */
describe('changing the deadline day of an office (PATCH /api/v1/satker/{satker})', () => {
  let t: TestApp;
  let jember: JemberTokens;
  const clock = new ControllableClock(new Date('2024-04-08T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const send = (month: number, subbagian: string, approve: boolean) => submitMonth(t, jember, month, subbagian, approve);


  const reminders = () => reminderRunner(t);
  const escalation = async (key: string) => {
    const [row] = await t.db.dataSource.query(`SELECT payload FROM reminders WHERE satker_code = $1 AND reminder_key = $2`, [JEMBER, key]);
    return row?.payload as { localDate: string; deadline: { year: number; month: number; day: number } } | undefined;
  };

  /** June's report of PDI, saved as a draft: its answer carries the report's deadline. */
  const junePdi = `/api/v1/satker/${JEMBER}/realisasi/2024/6/PDI`;
  const juneDraft = (narrative: string) => {
    const { indicators, kegiatan } = ownedBy('PDI');
    return {
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative, kendala: '-', solusi: '-', evidence: [] })),
      budget: kegiatan.map((kegiatanCode) => ({ kegiatanCode, spent: '10' })),
    };
  };

  const matrix = () => jemberMatrix2024<{ deadlineDay: number; rows: Row[] }>(t, jember.sekretaris);
  const cell = (m: { rows: Row[] }, subbagian: string, month: number) =>
    m.rows.find((r) => r.subbagian === subbagian)!.months.find((c) => c.month === month)!;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    jember = await createJemberOffice(t);
    // The PK signed in January, as offices do (a PK approved later gives the months past a catch-up deadline).
    clock.set(new Date('2024-01-16T03:00:00Z'));
    await approveJemberPk(t, jember, 2024);
    clock.set(new Date('2024-04-08T03:00:00Z'));
    for (const month of [1, 2]) for (const s of SUBBAGIAN) await send(month, s, true);
    await send(3, 'PDI', true);
    await send(3, 'KUL', false);
  });

  afterAll(() => t?.close());

  it('keeps a past month overdue with its old deadline, and gives the month still to be reported the new day', async () => {
    const before = await matrix();
    expect(before.deadlineDay).toBe(5);
    expect(cell(before, 'HSDM', 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-05' });

    const changed = await t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(jember.admin)).send({ reportDeadlineDay: 15 });
    expect(changed.status).toBe(200);
    expect(changed.body.reportDeadlineDay).toBe(15);

    const after = await matrix();
    // The field keeps meaning the office's current day; each cell carries its month's true deadline.
    expect(after.deadlineDay).toBe(15);
    for (const s of ['HSDM', 'TPH']) expect(cell(after, s, 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-05' });
    expect(cell(after, 'KUL', 3)).toMatchObject({ status: 'SUBMITTED', deadline: '2024-04-05' });
    expect(cell(after, 'HSDM', 2)).toMatchObject({ status: 'APPROVED', deadline: '2024-03-05' });
    expect(cell(after, 'HSDM', 4)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-05-15' });
    expect(cell(after, 'HSDM', 12)).toMatchObject({ deadline: '2025-01-15' });

    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(jember.sekretaris));
    expect(list.status).toBe(200);
    const months = list.body.months as Array<{ month: number; dueDate: string; reports: Array<{ subbagian: string; overdue: boolean }> }>;
    expect(months.slice(1, 4).map((m) => m.dueDate)).toEqual(['2024-03-05', '2024-04-05', '2024-05-15']);
    expect(months[2].reports.filter((r) => r.overdue).map((r) => r.subbagian)).toEqual(['HSDM', 'TPH']);

    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    const line = summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER);
    expect(line).toMatchObject({
      deadlineDay: 15,
      overdue: [{ subbagian: 'HSDM', month: 3, deadline: '2024-04-05' }, { subbagian: 'TPH', month: 3, deadline: '2024-04-05' }],
    });
  });

  it('lets the month whose window was open when the day was raised run to the new deadline', async () => {
    clock.set(new Date('2024-05-06T03:00:00Z'));
    const m = await matrix();
    expect(cell(m, 'PDI', 4)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-05-15' });
    expect(cell(m, 'HSDM', 3)).toMatchObject({ status: 'OVERDUE', deadline: '2024-04-05' });

    clock.set(new Date('2024-05-16T03:00:00Z'));
    expect(cell(await matrix(), 'PDI', 4)).toMatchObject({ status: 'OVERDUE', deadline: '2024-05-15' });
  });

  it('escalates the month whose window was open on the new day, and the month already overdue on its old one', async () => {
    // 6 May 08:00 WIB: the run catches up March (due 6 April, under the day it had), not April.
    const may6 = await reminders().run(new Date('2024-05-06T01:00:00Z'));
    expect(may6.recorded.filter((key) => key.startsWith('overdue:'))).toEqual([`overdue:${JEMBER}:2024-03`]);
    expect(await escalation(`overdue:${JEMBER}:2024-03`)).toMatchObject({ localDate: '2024-04-06', deadline: { year: 2024, month: 4, day: 5 } });

    const may16 = await reminders().run(new Date('2024-05-16T01:00:00Z'));
    expect(may16.recorded.filter((key) => key.startsWith('overdue:'))).toEqual([`overdue:${JEMBER}:2024-04`]);
    expect(await escalation(`overdue:${JEMBER}:2024-04`)).toMatchObject({ localDate: '2024-05-16', deadline: { year: 2024, month: 5, day: 15 } });
  });

  it('does not make a report overdue after the fact when the day is lowered: 15 → 3 on 10 June leaves May at 15 June', async () => {
    clock.set(new Date('2024-06-10T03:00:00Z'));
    await t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(jember.admin)).send({ reportDeadlineDay: 3 }).expect(200);
    const m = await matrix();
    expect(m.deadlineDay).toBe(3);
    expect(cell(m, 'PDI', 5)).toMatchObject({ status: 'NOT_STARTED', deadline: '2024-06-15' });
    expect(cell(m, 'PDI', 6)).toMatchObject({ deadline: '2024-07-03' });
    expect(cell(m, 'PDI', 4)).toMatchObject({ status: 'OVERDUE', deadline: '2024-05-15' });
  });
  it("answers a report's commands with the deadline under the day just changed (the office clock kept per process is dropped)", async () => {
    // 1 July: June's report (due 3 July under the day of 10 June) is saved, then the day is raised
    // to 10 before 3 July has passed, which moves June to 10 July; the next command says so at once.
    clock.set(new Date('2024-07-01T03:00:00Z'));
    const first = await t.http.put(junePdi).set(as(jember.kasubbag.PDI)).send(juneDraft('Draf pertama.')).expect(200);
    expect(first.body).toMatchObject({ deadline: '2024-07-03', deadlineBasis: 'OWN' });

    await t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(jember.admin)).send({ reportDeadlineDay: 10 }).expect(200);
    const second = await t.http.put(junePdi).set(as(jember.kasubbag.PDI)).send(juneDraft('Draf kedua.')).expect(200);
    expect(second.body).toMatchObject({ deadline: '2024-07-10' });
    const read = await t.http.get(junePdi).set(as(jember.kasubbag.PDI)).expect(200);
    expect(read.body.deadline).toBe('2024-07-10');
  });

  it('answers the next command with a deadline day changed outside the API, by SQL on another connection, at once', async () => {
    // The office clock kept by the API is dropped when the database announces the change at commit
    // (kinerja_clock_changed), whoever made it: here an operator's SQL, not the API's PATCH.
    const before = await t.http.put(junePdi).set(as(jember.kasubbag.PDI)).send(juneDraft('Draf ketiga.')).expect(200);
    expect(before.body).toMatchObject({ deadline: '2024-07-10' });

    const operator = new Client({ connectionString: t.db.url });
    await operator.connect();
    try {
      await operator.query('BEGIN');
      await operator.query(`UPDATE satker SET report_deadline_day = 12 WHERE code = $1`, [JEMBER]);
      await operator.query(
        `INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at)
         SELECT $1, max(seq) + 1, '2024-07-01', 12, $2 FROM satker_deadline_day_changes WHERE satker_code = $1`,
        [JEMBER, clock.now()],
      );
      await operator.query('COMMIT');
    } finally {
      await operator.end();
    }

    const after = await t.http.put(junePdi).set(as(jember.kasubbag.PDI)).send(juneDraft('Draf keempat.')).expect(200);
    expect(after.body).toMatchObject({ deadline: '2024-07-12' });
  });
});
