import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, KinerjaReadModel, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/** kinerja/{year} answers the same table whether it is served from the streams or the read model. */
describe('kinerja/{year} from the current-performance read model', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const content = (subbagian: string, month: number) => {
    const { indicators, kegiatan } = ownedBy(subbagian);
    return {
      lines: indicators.map((i, n) => ({ indicatorCode: i.code, value: String((month + n) % 3), narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: `${month}000000.25` })),
    };
  };
  const kinerja = async (query = '') => {
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024${query}`).set(as(tokens.ketua));
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    for (let month = 1; month <= 4; month++) {
      for (const subbagian of SUBBAGIAN) {
        await t.http.post(`${report(month, subbagian)}/submit`).set(as(tokens.kasubbag[subbagian])).send(content(subbagian, month)).expect(200);
        if (month < 4) await t.http.post(`${report(month, subbagian)}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);
      }
    }
  });

  afterAll(() => t?.close());

  it('answers identically before the projection has run (streams) and after it has caught up (read model)', async () => {
    const model = new KinerjaReadModel(t.db.dataSource);
    expect(await model.caughtUp(JEMBER)).toBe(false);
    const fromStreams = [await kinerja(), await kinerja('?month=2')];
    const store = new EventStore(t.db.dataSource);
    await new ProjectionRunner(t.db.dataSource, store, builtInRegistry()).drain();
    expect(await model.caughtUp(JEMBER)).toBe(true);
    const fromReadModel = [await kinerja(), await kinerja('?month=2')];
    expect(fromReadModel).toEqual(fromStreams);
    // The answer is the read model's table and the office's integrity beside it.
    const { integrity, ...table } = fromReadModel[0];
    expect(table).toEqual(JSON.parse(JSON.stringify(await model.tabel32(JEMBER, 2024))));
    expect(integrity).toEqual({ status: 'OK', message: null, alerts: [] });
    expect(fromReadModel[0].office.measuredCount).toBeGreaterThan(0);
  });

  it('falls back to the streams for an approval the projection has not applied yet', async () => {
    await t.http.post(`${report(4, 'KUL')}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);
    const model = new KinerjaReadModel(t.db.dataSource);
    expect(await model.caughtUp(JEMBER)).toBe(false);
    const table = await kinerja();
    const k41 = table.programs.flatMap((p: any) => p.kegiatan.flatMap((k: any) => k.indicators)).find((i: any) => i.code === 'K4.1');
    expect(k41.reportedMonths).toEqual([1, 2, 3, 4]);
  });
});
