import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { jemberMatrix2024 } from './workflow/deadline-clock.fixture';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, submitMonth } from './workflow/jember-office.fixture';

interface Timeliness { firstSubmittedAt: string | null; submittedOnTime: boolean | null; daysLate: number | null }
interface Cell extends Timeliness { month: number; status: string; deadline: string; deadlineBasis: string; submittedAt: string | null }
interface Row { subbagian: string; months: Cell[] }
interface Summary { onTime: number; late: number; notYetSubmitted: number; onTimePercent: string | null }

/**
 * Ketepatan waktu pelaporan through HTTP. Jember (deadline day 5, Asia/Jakarta), PK of 2024 approved
 * on 16 January. January is due 5 February:
 * - PDI sends it on 5 February at 23:00 WIB: on time (the deadline day is whole);
 * - KUL sends it on 2 February, is returned, and sends it again on 20 February: on time (first submission);
 * - HSDM sends it on 6 February at 00:30 WIB (still the 5th in UTC): 1 day late;
 * - TPH never sends it: overdue, not yet submitted.
 * February is due 5 March; on 7 March the Sekretaris grants February a dispensasi until 15 March and
 * TPH sends February on 14 March: on time against the dispensasi. On 14 March the other February
 * reports are owed but not due (15 March), so they are not counted: 3 on time, 1 late, 1 not yet
 * submitted, 60.00 % on time.
 */
describe('ketepatan waktu pelaporan on the report detail, the monthly list, the status matrix and the status summary', () => {
  let t: TestApp;
  let jember: JemberTokens;
  const clock = new ControllableClock(new Date('2024-01-16T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const at = (iso: string) => clock.set(new Date(iso));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    jember = await createJemberOffice(t);
    await approveJemberPk(t, jember, 2024);
    at('2024-02-02T03:00:00Z');
    await submitMonth(t, jember, 1, 'KUL', false);
    at('2024-02-03T03:00:00Z');
    await t.http.post(`${report(1, 'KUL')}/return`).set(as(jember.sekretaris)).send({ reason: 'Lampirkan SP2D.' }).expect(200);
    at('2024-02-05T16:00:00Z'); // 23:00 WIB on the deadline day
    await submitMonth(t, jember, 1, 'PDI', true);
    at('2024-02-05T17:30:00Z'); // 00:30 WIB on 6 February
    await submitMonth(t, jember, 1, 'HSDM', false);
    at('2024-02-20T03:00:00Z');
    await submitMonth(t, jember, 1, 'KUL', true);
    at('2024-03-07T03:00:00Z');
    await t.http.post(`/api/v1/satker/${JEMBER}/report-deadlines/2024/2/extension`).set(as(jember.sekretaris))
      .send({ until: '2024-03-15', reason: 'Gangguan jaringan SIPD' }).expect(200);
    at('2024-03-14T03:00:00Z');
    await submitMonth(t, jember, 2, 'TPH', false);
  });

  afterAll(() => t?.close());

  it('shows the deadline and the timeliness of one report to its Kasubbag, judged by the first submission', async () => {
    const kul = await t.http.get(report(1, 'KUL')).set(as(jember.kasubbag.KUL));
    expect(kul.status).toBe(200);
    expect(kul.body).toMatchObject({
      status: 'APPROVED', deadline: '2024-02-05', deadlineBasis: 'OWN', submittedAt: '2024-02-20T03:00:00.000Z',
      firstSubmittedAt: '2024-02-02T03:00:00.000Z', submittedOnTime: true, daysLate: 0,
    });
    const pdi = await t.http.get(report(1, 'PDI')).set(as(jember.kasubbag.PDI));
    expect(pdi.body).toMatchObject({ deadline: '2024-02-05', firstSubmittedAt: '2024-02-05T16:00:00.000Z', submittedOnTime: true, daysLate: 0 });
    const hsdm = await t.http.get(report(1, 'HSDM')).set(as(jember.sekretaris));
    expect(hsdm.body).toMatchObject({ status: 'SUBMITTED', deadline: '2024-02-05', submittedOnTime: false, daysLate: 1 });
    const tph = await t.http.get(report(2, 'TPH')).set(as(jember.inspektorat));
    expect(tph.body).toMatchObject({ deadline: '2024-03-15', deadlineBasis: 'DISPENSASI', submittedOnTime: true, daysLate: 0 });
  });

  it('lists each report of the year with its timeliness', async () => {
    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(jember.sekretaris));
    expect(list.status).toBe(200);
    const january = list.body.months[0].reports as Array<Timeliness & { subbagian: string }>;
    const of = (s: string) => january.find((r) => r.subbagian === s)!;
    expect(of('KUL')).toMatchObject({ firstSubmittedAt: '2024-02-02T03:00:00.000Z', submittedOnTime: true, daysLate: 0 });
    expect(of('HSDM')).toMatchObject({ submittedOnTime: false, daysLate: 1 });
    expect(of('TPH')).toMatchObject({ firstSubmittedAt: null, submittedOnTime: null, daysLate: null });
  });

  it('carries the same timeliness in every cell of the status matrix, and sums it up for the office', async () => {
    const matrix = await jemberMatrix2024<{ rows: Row[]; timeliness: Summary }>(t, jember.inspektorat);
    const cell = (subbagian: string, month: number) => matrix.rows.find((r) => r.subbagian === subbagian)!.months.find((c) => c.month === month)!;
    expect(cell('KUL', 1)).toMatchObject({ submittedAt: '2024-02-20T03:00:00.000Z', firstSubmittedAt: '2024-02-02T03:00:00.000Z', submittedOnTime: true, daysLate: 0 });
    expect(cell('PDI', 1)).toMatchObject({ submittedOnTime: true, daysLate: 0 });
    expect(cell('HSDM', 1)).toMatchObject({ submittedOnTime: false, daysLate: 1 });
    expect(cell('TPH', 1)).toMatchObject({ status: 'OVERDUE', firstSubmittedAt: null, submittedOnTime: null, daysLate: null });
    expect(cell('TPH', 2)).toMatchObject({ deadline: '2024-03-15', deadlineBasis: 'DISPENSASI', submittedOnTime: true, daysLate: 0 });
    expect(matrix.timeliness).toEqual({ onTime: 3, late: 1, notYetSubmitted: 1, onTimePercent: '60.00' });
  });

  it('gives the Inspektorat the office\'s timeliness in the status summary, and the total over the scope', async () => {
    const summary = await t.http.get('/api/v1/status-summary/2024').set(as(jember.inspektorat));
    expect(summary.status).toBe(200);
    const office = summary.body.offices.find((o: { satker: string }) => o.satker === JEMBER);
    expect(office.timeliness).toEqual({ onTime: 3, late: 1, notYetSubmitted: 1, onTimePercent: '60.00' });
    expect(summary.body.totals.timeliness).toEqual({ onTime: 3, late: 1, notYetSubmitted: 1, onTimePercent: '60.00' });
  });

  it('counts the February reports once their dispensasi has passed: 16 March, three more not yet submitted', async () => {
    at('2024-03-16T03:00:00Z');
    const matrix = await jemberMatrix2024<{ timeliness: Summary }>(t, jember.sekretaris);
    expect(matrix.timeliness).toEqual({ onTime: 3, late: 1, notYetSubmitted: 4, onTimePercent: '37.50' });
  });
});
