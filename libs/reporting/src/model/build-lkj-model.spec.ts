import { computeKinerja, DEFAULT_RATING_SCALE } from '@kinerja/domain';
import { jember2024ApprovedReports, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel, lkjModelDigest } from './build-lkj-model';

describe('buildLkjModel — the Jember 2024 sample', () => {
  const model = buildLkjModel(jember2024LkjInput());
  const rows = model.measurement.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.rows));

  it('has the 18 indicators of the PK in Tabel 3.2, each 100.00 and Berhasil', () => {
    expect(rows).toHaveLength(18);
    expect(rows.map((r) => r.indicatorCode)).toEqual([
      'K1.1', 'K1.2', 'K1.3', 'K2.1', 'K2.2', 'K3.1', 'K3.2', 'K3.3', 'K3.4',
      'K4.1', 'K4.2', 'K4.3', 'K5.1', 'K5.2', 'K5.3', 'K6.1', 'K6.2', 'K7.1',
    ]);
    for (const r of rows) {
      expect(r.capaian).toBe('100.00');
      expect(r.category).toBe('Berhasil');
      expect(r.realisasi).toBe(r.targetText);
    }
    expect(rows.find((r) => r.indicatorCode === 'K4.1')).toMatchObject({ targetText: '12', realisasi: '12', unit: 'Layanan' });
    expect(rows.find((r) => r.indicatorCode === 'K3.1')).toMatchObject({ targetText: '2', realisasi: '2', unit: 'Orang' });
  });

  it('averages per kegiatan, program and office', () => {
    expect(model.measurement.office).toEqual({ capaian: '100.00', category: 'Berhasil' });
    expect(model.measurement.programs.map((p) => p.average.capaian)).toEqual(['100.00', '100.00']);
    expect(model.measurement.programs.flatMap((p) => p.kegiatan.map((k) => k.no))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(model.measurement.categoryCounts.find((c) => c.category === 'Berhasil')?.count).toBe(18);
  });

  it('puts last year beside this year, with the narratives, kendala and solusi of the year', () => {
    const items = model.analyses.flatMap((a) => a.items);
    expect(items.every((i) => i.capaianPrevYear === '100.00' && i.trend === 'tetap')).toBe(true);
    const k62 = items.find((i) => i.indicatorCode === 'K6.2')!;
    expect(k62.kendala).toEqual(['Gudang penyimpanan ATK dan Barang Milik Negara belum memadai.']);
    expect(k62.narratives[0]).toContain('SIMAK BMN');
    expect(k62.activity).toBe('Pengelolaan Barang Milik Negara (SIMAK BMN dan Persediaan)');
  });

  it('says "tidak tersedia" for a budget without pagu instead of guessing', () => {
    expect(model.budget.rows).toHaveLength(7);
    for (const r of model.budget.rows) {
      expect(r.pagu).toBeNull();
      expect(r.absorption).toBeNull();
      expect(r.efficiency).toBe('tidak tersedia');
    }
    expect(model.budget.totalPagu).toBeNull();
  });

  it('carries the PK, the rating scale, the approvals in time order and the audit snapshot', () => {
    expect(model.pk.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indikator))).toHaveLength(18);
    expect(model.ratingScale.map((r) => r.range)).toEqual(['> 100', '> 90 s.d. 100', '> 70 s.d. 90', '> 50 s.d. 70', '≤ 50']);
    const times = model.approvals.map((a) => Date.parse(a.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(model.integrity.chainHead?.sequence).toBe('2417');
  });

  it('is deterministic and JSON-serialisable, with a digest over its content', () => {
    const again = buildLkjModel(jember2024LkjInput());
    expect(JSON.parse(JSON.stringify(model))).toEqual(again);
    expect(model.integrity.modelDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(lkjModelDigest(model)).toBe(model.integrity.modelDigest);
    const other = buildLkjModel(jember2024LkjInput({ version: 2 }));
    expect(other.integrity.modelDigest).not.toBe(model.integrity.modelDigest);
  });
});

describe('buildLkjModel — budget and shortfall', () => {
  it('computes absorption and efficiency from the read model when pagu is known', () => {
    const input = jember2024LkjInput();
    const reports = jember2024ApprovedReports().map((r) =>
      r.subbagian === 'PDI' ? { ...r, budget: [{ kegiatanCode: 'K5', spent: '8000000' }] } : r,
    );
    const pk = structuredClone(input.pk);
    pk.structure.programs[1].kegiatan.find((k) => k.code === 'K5')!.pagu = '120000000';
    const kinerja = computeKinerja(pk, reports, { ratingScale: DEFAULT_RATING_SCALE });
    const model = buildLkjModel({ ...input, pk, kinerja });
    const k5 = model.budget.rows.find((r) => r.kegiatanCode === 'K5')!;
    expect(k5).toMatchObject({ pagu: '120000000', realisasi: '96000000', absorption: '80.00', capaian: '100.00' });
    expect(k5.efficiencyIndex).toBe('1.25');
    expect(k5.efficiency).toBe('Efisien');
  });

  it('refuses a Tabel 3.2 rated with another scale version than the one given', () => {
    const input = jember2024LkjInput();
    expect(() => buildLkjModel({ ...input, ratingScale: { ...DEFAULT_RATING_SCALE, version: 'lain' } })).toThrow(/scale/);
  });

  it('refuses notes for an indicator that is not in the PK', () => {
    const input = jember2024LkjInput();
    const notes = [...input.indicatorNotes, { indicatorCode: 'X9.9', capaianPrevYear: null, narratives: [], kendala: [], solusi: [] }];
    expect(() => buildLkjModel({ ...input, indicatorNotes: notes })).toThrow(/X9\.9/);
  });
});

describe('buildLkjModel — a draft in the middle of the year', () => {
  it('measures against the plan to date and says so', () => {
    const input = jember2024LkjInput({ draft: true });
    const june = jember2024ApprovedReports().filter((r) => r.month <= 6);
    const kinerja = computeKinerja(input.pk, june, { month: 6, ratingScale: DEFAULT_RATING_SCALE });
    const model = buildLkjModel({ ...input, kinerja });
    expect(model.measurement.throughMonth).toBe(6);
    const k41 = model.measurement.programs[1].kegiatan[0].rows[0];
    // 12 Layanan a year, planned 1 a month: 6 reported against 6 planned to date, and the table
    // shows the 6 it measured against (a reader can recompute the capaian), not the year's 12.
    expect(k41).toMatchObject({ indicatorCode: 'K4.1', targetText: '6', realisasi: '6', capaian: '100.00' });
    const k41Analysis = model.analyses[3].items[0];
    expect(k41Analysis).toMatchObject({ indicatorCode: 'K4.1', targetText: '6', realisasi: '6' });
    // Without a plan the year's target applies to date, and is what the table shows.
    expect(model.measurement.programs[0].kegiatan[0].rows[0]).toMatchObject({ indicatorCode: 'K1.1', targetText: '1' });
    expect(model.conclusions[1]).toMatch(/^Capaian rata-rata seluruh indikator kinerja Tahun 2024 sampai dengan bulan Juni sebesar /);
  });
});
