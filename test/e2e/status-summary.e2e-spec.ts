import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { login, loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, SUBBAGIAN, submitMonth } from './workflow/jember-office.fixture';

/**
 * The Inspektorat of a province (and of KPU RI) overseeing its kabupaten: one page with every office
 * in scope and its owed monthly reports by state, by the same rule as each office's status matrix.
 * Jember on 8 April 2024 (deadline day 5): January and February approved everywhere; March approved
 * for PDI, waiting for KUL, never sent by HSDM and TPH (overdue). Banyuwangi has no approved PK.
 */
describe('GET /api/v1/status-summary/{year}', () => {
  let t: TestApp;
  let jember: JemberTokens;
  let banyuwangi: JemberTokens;
  let provinceInspektorat: string;
  const clock = new ControllableClock(new Date('2024-04-08T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const send = (month: number, subbagian: string, approve: boolean) => submitMonth(t, jember, month, subbagian, approve);


  beforeAll(async () => {
    t = await createTestApp({ clock });
    jember = await createJemberOffice(t);
    banyuwangi = await createJemberOffice(t, 'kpu-kab-banyuwangi');
    // The PK signed in January, as offices do (a PK approved later gives the months past a catch-up deadline).
    clock.set(new Date('2024-01-16T03:00:00Z'));
    await approveJemberPk(t, jember, 2024);
    clock.set(new Date('2024-04-08T03:00:00Z'));
    for (const month of [1, 2]) for (const s of SUBBAGIAN) await send(month, s, true);
    await send(3, 'PDI', true);
    await send(3, 'KUL', false);
    const admin = await loginFirstAdmin(t);
    await t.http.post('/api/v1/satker/kpu-prov-jawa-timur/users').set(as(admin))
      .send({ username: 'inspektorat.jatim', fullName: 'Inspektorat Jawa Timur', role: 'INSPEKTORAT', password: 'candi-borobudur-1' }).expect(201);
    provinceInspektorat = await login(t, 'inspektorat.jatim', 'candi-borobudur-1');
    // The worker's projections, drained where the worker would follow the log.
    await new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
  });

  afterAll(() => t?.close());

  it('gives a province Inspektorat every office below it, each counted as its status matrix says', async () => {
    const response = await t.http.get('/api/v1/status-summary/2024').set(as(provinceInspektorat));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.offices.map((o: { satker: string }) => o.satker)).toEqual(['kpu-kab-banyuwangi', JEMBER, 'kpu-prov-jawa-timur']);
    const jemberLine = body.offices.find((o: { satker: string }) => o.satker === JEMBER);
    expect(jemberLine).toEqual({
      satker: JEMBER, name: 'Sekretariat KPU Kabupaten Jember', parentCode: 'kpu-prov-jawa-timur', timeZone: 'Asia/Jakarta', deadlineDay: 5,
      pkApproved: true,
      counts: { APPROVED: 9, SUBMITTED: 1, RETURNED: 0, DRAFT: 0, NOT_STARTED: 36, OVERDUE: 2 },
      overdue: [
        { subbagian: 'HSDM', month: 3, deadline: '2024-04-05', deadlineBasis: 'OWN' }, { subbagian: 'TPH', month: 3, deadline: '2024-04-05', deadlineBasis: 'OWN' },
      ],
      // Everything was first sent on 8 April, after its deadline; HSDM's and TPH's March not at all.
      timeliness: { onTime: 0, late: 10, notYetSubmitted: 2, onTimePercent: '0.00' },
    });
    expect(body.offices.find((o: { satker: string }) => o.satker === 'kpu-kab-banyuwangi')).toMatchObject({
      pkApproved: false, counts: { APPROVED: 0, SUBMITTED: 0, RETURNED: 0, DRAFT: 0, NOT_STARTED: 0, OVERDUE: 0 }, overdue: [],
    });
    expect(body.totals).toEqual({
      APPROVED: 9, SUBMITTED: 1, RETURNED: 0, DRAFT: 0, NOT_STARTED: 36, OVERDUE: 2, offices: 3, officesWithoutPk: 2, officesWithOverdue: 1,
      timeliness: { onTime: 0, late: 10, notYetSubmitted: 2, onTimePercent: '0.00' },
    });
    expect(body).toMatchObject({ year: 2024, asOf: '2024-04-08T03:00:00.000Z' });

    // The same rule as the office's own matrix, cell by cell.
    const matrix = (await t.http.get(`/api/v1/satker/${JEMBER}/status-matrix/2024`).set(as(jember.sekretaris))).body;
    const cells = matrix.rows.flatMap((r: { months: Array<{ status: string }> }) => r.months).filter((c: { status: string }) => c.status !== 'NOT_REQUIRED');
    const counted = cells.reduce((acc: Record<string, number>, c: { status: string }) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }), {});
    expect(Object.fromEntries(Object.entries(jemberLine.counts).filter(([, n]) => n !== 0))).toEqual(counted);
  });

  it('gives the Sekretaris of an office only its own line, and refuses a Kasubbag', async () => {
    const own = await t.http.get('/api/v1/status-summary/2024').set(as(banyuwangi.sekretaris));
    expect(own.body.offices.map((o: { satker: string }) => o.satker)).toEqual(['kpu-kab-banyuwangi']);
    const kasubbag = await t.http.get('/api/v1/status-summary/2024').set(as(jember.kasubbag.PDI));
    expect({ status: kasubbag.status, code: kasubbag.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    const badYear = await t.http.get('/api/v1/status-summary/24').set(as(provinceInspektorat));
    expect(badYear.status).toBe(400);
  });
});
