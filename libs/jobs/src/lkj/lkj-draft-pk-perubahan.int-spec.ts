import type { KinerjaIndicatorRow, KinerjaTable, PkStructure } from '@kinerja/domain';
import { buildLkjModel } from '@kinerja/reporting';
import { LkjService } from './lkj.service';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

const SEKRETARIS = { id: '00000000-0000-4000-8000-00000000000a', role: 'SEKRETARIS' as const };
const rows = (table: KinerjaTable): KinerjaIndicatorRow[] => table.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));

/**
 * A draft LKj of a year in progress, January–June approved under version 1, after a PK Perubahan
 * approved in August (K1.1's target 1 → 2, K1.3 dropped, K1.4 added): its Tabel 3.2 to date through
 * June is measured against version 1, as `GET …/kinerja/2024?month=6` answers, while BAB II still
 * presents the PK in force (version 2).
 */
describe('a draft LKj to date after a PK Perubahan approved in a later month', () => {
  const s = new LkjScenario();

  beforeAll(async () => {
    await s.start();
    for (const r of s.reports.filter((x) => x.month <= 6)) await s.driver.approveReport(s.pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    const structure: PkStructure = JSON.parse(JSON.stringify(s.pk.structure));
    const k1 = structure.programs[0].kegiatan.find((k) => k.code === 'K1')!;
    const k11 = k1.indicators.find((i) => i.code === 'K1.1')!;
    k11.target = { kind: 'SINGLE', value: '2' };
    k1.indicators = [...k1.indicators.filter((i) => i.code !== 'K1.3'), { ...k11, code: 'K1.4', name: 'Layanan Arsip Logistik' }];
    expect((await s.driver.revisePk(2024, 'Target NSPK logistik dinaikkan.', '2024-08-05T02:00:00.000Z', structure)).version).toBe(2);
  });
  afterAll(() => s.stop());

  it('measures Tabel 3.2 through June against version 1, as the API does, and presents version 2 as the PK', async () => {
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: true, suggestions: [], producedAt: s.clock.now() });
    expect(input.kinerja.month).toBe(6);
    expect(input.kinerja).toEqual(await s.apiKinerja(6));
    expect(input.kinerja.pkVersion).toBe(1);
    expect(rows(input.kinerja).find((r) => r.code === 'K1.1')).toMatchObject({ target: { kind: 'SINGLE', value: '1' } });
    expect(rows(input.kinerja).map((r) => r.code)).toContain('K1.3');
    expect(rows(input.kinerja).map((r) => r.code)).not.toContain('K1.4');
    expect({ pk: input.pk.version, kinerjaPk: input.kinerjaPk?.version }).toEqual({ pk: 2, kinerjaPk: 1 });
    const model = buildLkjModel(input);
    expect(model.pk.version).toBe(2);
    expect(model.measurement.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.rows.map((r) => r.indicatorCode)))).toContain('K1.3');
  });

  it('produces the draft\'s files', async () => {
    const service = new LkjService(s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain);
    const requested = await service.request(JEMBER, 2024, true, null, SEKRETARIS);
    const produced = await s.parts.producer.produce(JEMBER, 2024, requested.version);
    expect(produced.files.map((f) => f.format).sort()).toEqual(['DOCX', 'PDF']);
  });

  it('keeps the year\'s table of the final on the version in force', async () => {
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 2, draft: false, suggestions: [], producedAt: s.clock.now() });
    expect({ month: input.kinerja.month, pkVersion: input.kinerja.pkVersion, kinerjaPk: input.kinerjaPk }).toEqual({ month: null, pkVersion: 2, kinerjaPk: undefined });
    expect(input.kinerja).toEqual(await s.apiKinerja());
  });
});
