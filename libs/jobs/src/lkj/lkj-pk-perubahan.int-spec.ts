import type { ApprovedRealisasi, KinerjaIndicatorRow, PkStructure, RealisasiContent } from '@kinerja/domain';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

/** HSDM's report of a month after the PK Perubahan: its own lines and PDI's former ones, budget summed per kegiatan. */
function merged(reports: ApprovedRealisasi[], month: number): RealisasiContent {
  const of = (sub: string) => reports.find((r) => r.month === month && r.subbagian === sub)!;
  const budget = new Map<string, number>();
  for (const b of [...of('HSDM').budget, ...of('PDI').budget]) budget.set(b.kegiatanCode, (budget.get(b.kegiatanCode) ?? 0) + Number(b.spent));
  return {
    lines: [...of('HSDM').lines, ...of('PDI').lines],
    budget: [...budget].map(([kegiatanCode, spent]) => ({ kegiatanCode, spent: String(spent) })),
  };
}

/**
 * Jember's 2024 with a PK Perubahan in July that hands every indicator of PDI to HSDM: the LKj is
 * asked for once KUL, HSDM and TPH have all twelve months approved, and its Tabel 3.2 still holds
 * PDI's January–June figures (K5.1 is reported every month), equal to the API's.
 */
describe('the LKj after a PK Perubahan moved indicators to another subbagian', () => {
  const s = new LkjScenario();
  let moved: string[];

  beforeAll(async () => {
    await s.start();
    for (const r of s.reports.filter((x) => x.month <= 6)) await s.driver.approveReport(s.pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    const structure: PkStructure = JSON.parse(JSON.stringify(s.pk.structure));
    moved = structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)).filter((i) => i.picSubbagian === 'PDI').map((i) => i.code);
    for (const i of structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators))) if (i.picSubbagian === 'PDI') i.picSubbagian = 'HSDM';
    const revised = await s.driver.revisePk(2024, 'Tugas PDI dialihkan ke HSDM.', '2024-07-01T02:00:00.000Z', structure);
    expect(revised.version).toBe(2);
    for (let month = 7; month <= 12; month++) {
      for (const sub of ['KUL', 'TPH']) {
        const r = s.reports.find((x) => x.month === month && x.subbagian === sub)!;
        await s.driver.approveReport(revised, month, sub, { lines: r.lines, budget: r.budget });
      }
      await s.driver.approveReport(revised, month, 'HSDM', merged(s.reports, month));
    }
  });
  afterAll(() => s.stop());

  it('is asked for once the subbagian of the PK in force have approved the year, and its Tabel 3.2 keeps PDI\'s months', async () => {
    const intents = await s.parts.processManager.catchUpThroughNow();
    expect(intents.map((i) => [i.satker, i.year])).toEqual([[JEMBER, 2024]]);
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: false, suggestions: [], producedAt: s.clock.now() });
    expect(input.kinerja).toEqual(await s.apiKinerja());
    expect(input.kinerja.pkVersion).toBe(2);
    const rows: KinerjaIndicatorRow[] = input.kinerja.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));
    expect(moved.length).toBeGreaterThan(0);
    // The months each moved indicator has a figure in the reference year, whoever reported it.
    const reported = (code: string) => s.reports.filter((r) => r.lines.some((l) => l.indicatorCode === code && l.value !== null)).map((r) => r.month);
    expect(moved.flatMap(reported).some((m) => m <= 6)).toBe(true);
    for (const code of moved) {
      const row = rows.find((r) => r.code === code)!;
      expect({ code, pic: row.picSubbagian, months: row.reportedMonths }).toEqual({ code, pic: 'HSDM', months: reported(code) });
    }
    // Every indicator measured, as in the reference year: nothing of PDI's half-year went missing.
    expect(input.kinerja.office).toMatchObject({ measuredCount: 18, indicatorCount: 18, capaianAverage: '100.00' });
  });
});
