import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { builtInRegistry, KinerjaReadModel, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens, SUBBAGIAN } from './workflow/jember-office.fixture';

type PkBody = ReturnType<typeof jemberPkBody>;
const indicatorsOf = (body: PkBody) => body.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));

/**
 * QA round 6: PK 2026 v1 (K1.1 target 12, plan 1 a month) approved in January, January–October
 * approved; in December a PK Perubahan (v2: K1.1 target 24, plan 2 a month, a new K1.4, K1.3 dropped,
 * K2.1 handed from HSDM to KUL) approved. `?month=10` must answer as the months were reported, under
 * version 1, from the streams, from the read model and in time travel to before the change alike;
 * the year's table (and `?month=12`) follows version 2.
 */
describe('kinerja/{year}?month=M follows the PK version that applied to month M', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const clock = new ControllableClock(new Date('2026-01-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pk = `/api/v1/satker/${JEMBER}/pk/2026`;
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2026/${month}/${subbagian}`;
  let betweenApprovals: string;

  function version1(): PkBody {
    const body = jemberPkBody();
    Object.assign(indicatorsOf(body).find((i) => i.code === 'K1.1')!, { target: { kind: 'SINGLE', value: '12' }, aggregation: 'SUM', monthlyPlan: Array(12).fill('1') });
    return body;
  }

  function version2(): PkBody {
    const body = version1();
    const k1 = body.programs.flatMap((p) => p.kegiatan).find((k) => k.code === 'K1')!;
    const k11 = k1.indicators.find((i) => i.code === 'K1.1')!;
    Object.assign(k11, { target: { kind: 'SINGLE', value: '24' }, monthlyPlan: Array(12).fill('2') });
    k1.indicators = [...k1.indicators.filter((i) => i.code !== 'K1.3'), { ...k11, code: 'K1.4', name: 'Layanan Arsip Logistik', monthlyPlan: null, target: { kind: 'SINGLE', value: '4' } }];
    indicatorsOf(body).find((i) => i.code === 'K2.1')!.picSubbagian = 'KUL';
    return body;
  }

  async function ok(response: PromiseLike<{ status: number; body: any }>, what: string) {
    const r = await response;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  }

  async function reportAndApprove(month: number, subbagian: string) {
    const kegiatan = version1().programs.flatMap((p) => p.kegiatan);
    const lines = kegiatan.flatMap((k) => k.indicators).filter((i) => i.picSubbagian === subbagian)
      .map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] }));
    const budget = kegiatan.filter((k) => k.indicators.some((i) => i.picSubbagian === subbagian)).map((k) => ({ kegiatanCode: k.code, spent: '10' }));
    await ok(t.http.post(`${report(month, subbagian)}/submit`).set(as(tokens.kasubbag[subbagian])).send({ lines, budget }), `submit ${month} ${subbagian}`);
    await ok(t.http.post(`${report(month, subbagian)}/approve`).set(as(tokens.sekretaris)).send({}), `approve ${month} ${subbagian}`);
  }

  const rows = (table: any) => table.programs.flatMap((p: any) => p.kegiatan.flatMap((k: any) => k.indicators));
  const row = (table: any, code: string) => rows(table).find((r: any) => r.code === code);
  const kinerja = async (query = '') => {
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2026${query}`).set(as(tokens.inspektorat));
    expect({ query, status: response.status }).toEqual({ query, status: 200 });
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    await ok(t.http.post(pk).set(as(tokens.sekretaris)).send(version1()), 'draft PK v1');
    await ok(t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({}), 'submit PK v1');
    await ok(t.http.post(`${pk}/approve`).set(as(tokens.ketua)).send({}), 'approve PK v1');
    for (let month = 1; month <= 10; month++) {
      clock.set(new Date(Date.UTC(2026, month, 2, 3)));
      for (const subbagian of SUBBAGIAN) await reportAndApprove(month, subbagian);
    }
    // The log records real instants: this one lies between the two approvals.
    betweenApprovals = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.set(new Date('2026-12-03T03:00:00Z'));
    await ok(t.http.post(`${pk}/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Target layanan logistik dinaikkan.' }), 'open PK Perubahan');
    await ok(t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(version2()), 'draft PK v2');
    await ok(t.http.post(`${pk}/submit`).set(as(tokens.sekretaris)).send({}), 'submit PK v2');
    const approved = await ok(t.http.post(`${pk}/approve`).set(as(tokens.ketua)).send({}), 'approve PK v2');
    expect(approved.body.inForce).toMatchObject({ version: 2 });
    // asOf may not lie ahead of the clock; the approvals keep the instants the clock gave them.
    clock.set(new Date(Math.max(Date.now() + 60_000, clock.now().getTime())));
  });

  afterAll(() => t?.close());

  function expectVersion1ThroughOctober(table: any) {
    expect(table.pkVersion).toBe(1);
    expect(row(table, 'K1.1')).toMatchObject({ targetApplied: { kind: 'SINGLE', value: '10' }, realisasi: '10', capaian: '100.00' });
    // v2's new indicator did not exist in October; the one v2 dropped did, and was reported.
    expect(row(table, 'K1.4')).toBeUndefined();
    expect(row(table, 'K1.3')).toMatchObject({ reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(row(table, 'K2.1')).toMatchObject({ picSubbagian: 'HSDM', reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(table.office.indicatorCount).toBe(indicatorsOf(version1()).length);
  }

  it('answers ?month=10 against version 1 from the streams, and the same in time travel to before the PK Perubahan and after it', async () => {
    const live = await kinerja('?month=10');
    expectVersion1ThroughOctober(live);
    const { asOf, ...before } = await kinerja(`?month=10&asOf=${encodeURIComponent(betweenApprovals)}`);
    expect(asOf).toBe(betweenApprovals);
    expect(before).toEqual(live);
    const { asOf: now, ...after } = await kinerja(`?month=10&asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect({ now, ...after }).toEqual({ now, ...live });
  });

  it('answers the year and December against version 2, the version in force', async () => {
    for (const table of [await kinerja(), await kinerja('?month=12')]) {
      expect(table.pkVersion).toBe(2);
      expect(row(table, 'K1.1').target).toEqual({ kind: 'SINGLE', value: '24' });
      expect(row(table, 'K1.4')).toMatchObject({ realisasi: null, note: 'NOT_REPORTED' });
      expect(row(table, 'K1.3')).toBeUndefined();
      expect(row(table, 'K2.1')).toMatchObject({ picSubbagian: 'KUL', reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    }
  });

  it('answers the same from the read model once the projection has caught up', async () => {
    const fromStreams = [await kinerja('?month=10'), await kinerja('?month=12'), await kinerja()];
    await new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
    expect(await new KinerjaReadModel(t.db.dataSource).caughtUp(JEMBER)).toBe(true);
    const fromReadModel = [await kinerja('?month=10'), await kinerja('?month=12'), await kinerja()];
    expect(fromReadModel).toEqual(fromStreams);
    expectVersion1ThroughOctober(fromReadModel[0]);
  });
});
