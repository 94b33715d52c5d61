// The shape of KinerjaTable (libs/domain/src/capaian/kinerja-table.types.ts), for the OpenAPI document.
const INDICATOR = {
  code: 'K4.1', name: 'Layanan Perkantoran', unit: 'Layanan', target: { kind: 'SINGLE', value: '12' }, targetText: '12',
  targetApplied: { kind: 'SINGLE', value: '12' }, polarity: 'HIGHER_IS_BETTER', aggregation: 'SUM', picSubbagian: 'KUL',
  realisasi: '12', reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], capaian: '100.00', category: 'Berhasil', note: null,
};
const AVERAGE = { capaianAverage: '100.00', category: 'Berhasil', measuredCount: 1, indicatorCount: 1 };

export const KINERJA_TABLE_EXAMPLE = {
  satker: 'kpu-kab-jember', year: 2024, pkVersion: 1, month: null, ratingScaleVersion: 'tabel-3.1-2024',
  programs: [{
    code: 'P2', name: 'Program Dukungan Manajemen', ...AVERAGE,
    kegiatan: [{
      code: 'K4', name: 'Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU', pagu: null,
      budgetSpent: '0', budgetAbsorption: null, ...AVERAGE, indicators: [INDICATOR],
    }],
  }],
  office: { ...AVERAGE, pagu: null, budgetSpent: '0', budgetAbsorption: null },
};
