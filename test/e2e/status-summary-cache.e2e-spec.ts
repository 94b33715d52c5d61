import { Client } from 'pg';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { login, loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, SUBBAGIAN, submitMonth } from './workflow/jember-office.fixture';

/**
 * The status summary is kept and shared between readers (`StatusSummaryCache`) while nothing it is
 * made of changes and every office is on the same local date: a kept answer must be exactly the one
 * computed anew. Jember (Asia/Jakarta, deadline day 5) on 8 April 2024: January and February
 * approved everywhere, March approved for PDI, waiting for KUL, never sent by HSDM and TPH.
 */
describe('GET /api/v1/status-summary/{year} served from the kept answer', () => {
  let t: TestApp;
  let jember: JemberTokens;
  let banyuwangi: JemberTokens;
  let province: string;
  const clock = new ControllableClock(new Date('2024-04-08T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const drain = () => new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
  const summary = async (token: string) => {
    const r = await t.http.get('/api/v1/status-summary/2024').set(as(token));
    expect(r.status).toBe(200);
    return r.body;
  };
  const line = (body: { offices: Array<{ satker: string }> }, satker = JEMBER): any => body.offices.find((o) => o.satker === satker);

  /** The statements a request sends to PostgreSQL (a hook on `pg.Client.prototype.query`, as bench:national counts them). */
  let counting = false;
  let sent = 0;
  const original = Client.prototype.query;
  const queriesOf = async <T>(request: () => Promise<T>): Promise<{ answer: T; queries: number }> => {
    sent = 0;
    counting = true;
    try {
      return { answer: await request(), queries: sent };
    } finally {
      counting = false;
    }
  };

  beforeAll(async () => {
    (Client.prototype as { query: unknown }).query = function counted(this: Client, ...args: unknown[]) {
      if (counting) sent += 1;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    t = await createTestApp({ clock });
    jember = await createJemberOffice(t);
    banyuwangi = await createJemberOffice(t, 'kpu-kab-banyuwangi');
    clock.set(new Date('2024-01-16T03:00:00Z'));
    await approveJemberPk(t, jember, 2024);
    clock.set(new Date('2024-04-08T03:00:00Z'));
    for (const month of [1, 2]) for (const s of SUBBAGIAN) await submitMonth(t, jember, month, s, true);
    await submitMonth(t, jember, 3, 'PDI', true);
    await submitMonth(t, jember, 3, 'KUL', false);
    const admin = await loginFirstAdmin(t);
    await t.http.post('/api/v1/satker/kpu-prov-jawa-timur/users').set(as(admin))
      .send({ username: 'inspektorat.jatim', fullName: 'Inspektorat Jawa Timur', role: 'INSPEKTORAT', password: 'candi-borobudur-1' }).expect(201);
    province = await login(t, 'inspektorat.jatim', 'candi-borobudur-1');
    await drain();
  });

  afterAll(async () => {
    (Client.prototype as { query: unknown }).query = original;
    await t?.close();
  });

  it('given a kept answer, when a report is submitted and then approved, then the summary shows each once projected, and repeats without computing', async () => {
    const cold = await queriesOf(() => summary(province));
    expect(line(cold.answer).counts).toEqual({ APPROVED: 9, SUBMITTED: 1, RETURNED: 0, DRAFT: 0, NOT_STARTED: 36, OVERDUE: 2 });
    // The same request again: the version of what it reads, and nothing recomputed.
    const warm = await queriesOf(() => summary(province));
    expect(warm.answer).toEqual(cold.answer);
    expect(warm.queries).toBeLessThanOrEqual(cold.queries - 4);

    await submitMonth(t, jember, 3, 'HSDM', false);
    await drain();
    const submitted = await summary(province);
    expect(line(submitted).counts).toEqual({ APPROVED: 9, SUBMITTED: 2, RETURNED: 0, DRAFT: 0, NOT_STARTED: 36, OVERDUE: 1 });
    expect(line(submitted).overdue).toEqual([{ subbagian: 'TPH', month: 3, deadline: '2024-04-05', deadlineBasis: 'OWN' }]);
    expect(submitted.totals).toMatchObject({ SUBMITTED: 2, OVERDUE: 1 });

    await t.http.post(`/api/v1/satker/${JEMBER}/realisasi/2024/3/HSDM/approve`).set(as(jember.sekretaris)).send({}).expect(200);
    await drain();
    expect(line(await summary(province)).counts).toEqual({ APPROVED: 10, SUBMITTED: 1, RETURNED: 0, DRAFT: 0, NOT_STARTED: 36, OVERDUE: 1 });
  });

  it('given a kept answer on a deadline day, when midnight passes in the office\'s zone, then the reports not sent turn OVERDUE', async () => {
    // 23:30 in Jakarta on 5 May, April's deadline day: April's reports are not started yet.
    clock.set(new Date('2024-05-05T16:30:00Z'));
    const before = await summary(province);
    expect(line(before).counts).toMatchObject({ NOT_STARTED: 36, OVERDUE: 1 });
    expect(await summary(province)).toEqual(before);
    // 00:30 on 6 May in Jakarta: nothing was written, and yet April is overdue.
    clock.set(new Date('2024-05-05T17:30:00Z'));
    const after = await summary(province);
    expect(line(after).counts).toMatchObject({ NOT_STARTED: 32, OVERDUE: 5 });
    expect(line(after).overdue.filter((o: { month: number }) => o.month === 4)).toEqual(
      ['HSDM', 'KUL', 'PDI', 'TPH'].map((subbagian) => ({ subbagian, month: 4, deadline: '2024-05-05', deadlineBasis: 'OWN' })),
    );
    expect(after.asOf).toBe('2024-05-05T17:30:00.000Z');
  });

  it('given a kept answer of a province, when each office asks, then each sees only its own line, and the province still its three', async () => {
    const wide = await summary(province);
    expect(wide.offices.map((o: { satker: string }) => o.satker)).toEqual(['kpu-kab-banyuwangi', JEMBER, 'kpu-prov-jawa-timur']);
    const own = await summary(jember.sekretaris);
    expect(own.offices).toEqual([line(wide)]);
    expect(own.totals).toMatchObject({ offices: 1, officesWithoutPk: 0, ...line(wide).counts });
    const other = await summary(banyuwangi.sekretaris);
    expect(other.offices.map((o: { satker: string }) => o.satker)).toEqual(['kpu-kab-banyuwangi']);
    expect(other.totals).toMatchObject({ offices: 1, officesWithoutPk: 1, APPROVED: 0, OVERDUE: 0 });
    expect(await summary(province)).toEqual(wide);
  });

  it('given a kept answer, when what it reads outside the read models changes (a dispensasi, the office\'s name), then the next answer has it at once', async () => {
    const before = await summary(province);
    expect(line(before).overdue.filter((o: { month: number }) => o.month === 4)).toHaveLength(4);
    // Read straight from the events: no projection to wait for.
    await t.http.post(`/api/v1/satker/${JEMBER}/report-deadlines/2024/4/extension`).set(as(jember.sekretaris))
      .send({ until: '2024-05-20', reason: 'Pemadaman listrik' }).expect(200);
    const extended = await summary(province);
    expect(line(extended).overdue.filter((o: { month: number }) => o.month === 4)).toEqual([]);
    expect(line(extended).counts).toMatchObject({ NOT_STARTED: 36, OVERDUE: 1 });

    const admin = await loginFirstAdmin(t);
    await t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(admin)).send({ name: 'Sekretariat KPU Kab. Jember' }).expect(200);
    expect(line(await summary(province)).name).toBe('Sekretariat KPU Kab. Jember');
  });
});
