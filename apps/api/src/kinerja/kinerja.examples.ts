// Answers of kinerja/{year} for the OpenAPI document, in the shape of KinerjaTableDto (kinerja-table.dto.ts);
// kinerja-openapi.e2e-spec.ts checks them against that schema.
const MEASURED = {
  code: 'K4.1', name: 'Layanan Perkantoran', unit: 'Layanan', target: { kind: 'SINGLE', value: '12' }, targetText: '12',
  targetApplied: { kind: 'SINGLE', value: '12' }, polarity: 'HIGHER_IS_BETTER', aggregation: 'SUM', picSubbagian: 'KUL',
  realisasi: '12', reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], capaian: '100.00', category: 'Berhasil', note: null,
};
const NOT_REPORTED = {
  code: 'K4.2', name: 'Temuan Pemeriksaan yang Belum Ditindaklanjuti', unit: 'Temuan', target: { kind: 'RANGE', min: '0', max: '2' },
  targetText: '0–2', targetApplied: { kind: 'RANGE', min: '0', max: '2' }, polarity: 'LOWER_IS_BETTER', aggregation: 'LAST',
  picSubbagian: 'KUL', realisasi: null, reportedMonths: [], capaian: null, category: null, note: 'NOT_REPORTED',
};
// One of two indicators measured: the average is that of the measured one.
const AVERAGE = { capaianAverage: '100.00', category: 'Berhasil', measuredCount: 1, indicatorCount: 2 };
const BUDGET = { pagu: '150000000', budgetSpent: '18000006', budgetAbsorption: '12.00' };

export const KINERJA_TABLE_EXAMPLE = {
  satker: 'kpu-kab-jember', year: 2024, pkVersion: 1, month: null, ratingScaleVersion: 'tabel-3.1-2024',
  programs: [{
    code: 'P2', name: 'Program Dukungan Manajemen', ...AVERAGE,
    kegiatan: [{
      no: 1, code: 'K4', name: 'Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU', ...BUDGET,
      ...AVERAGE, indicators: [MEASURED, NOT_REPORTED],
    }],
  }],
  office: { ...AVERAGE, ...BUDGET },
  integrity: { status: 'OK', message: null, alerts: [] },
};

/** The same office after a stored event was edited in the database: the figures stand as stored, `integrity` says they cannot be trusted. */
export const KINERJA_TABLE_DAMAGED_EXAMPLE = {
  ...KINERJA_TABLE_EXAMPLE,
  integrity: {
    status: 'DAMAGED',
    message: 'PERINGATAN: rantai integritas jejak audit satker kpu-kab-jember rusak — peristiwa diubah pada urutan 169 (terdeteksi 8 Desember 2026 00.38 WIB). Data audit tidak dapat dipercaya sampai diperiksa.',
    alerts: [{
      id: 1, detectedAt: '2026-12-07T17:38:00.000Z', source: 'cli-rebuild', brokenSequence: 169, brokenEventId: '0b8f6c3e-3d7a-4f57-9a51-6f1f0f2d9b11',
      kind: 'modified', subject: null, detail: 'isi peristiwa tidak cocok dengan hash-nya', detectedBy: null, resolvedAt: null, resolvedBy: null, resolutionReason: null,
    }],
  },
};

/** `?month=6&asOf=2025-01-10T08:00:00+07:00`: the plan to date, as the table stood at that instant. */
export const KINERJA_TABLE_AS_OF_EXAMPLE = {
  ...KINERJA_TABLE_EXAMPLE,
  month: 6,
  programs: [{
    ...KINERJA_TABLE_EXAMPLE.programs[0],
    kegiatan: [{
      ...KINERJA_TABLE_EXAMPLE.programs[0].kegiatan[0],
      budgetSpent: '9000003', budgetAbsorption: '6.00',
      indicators: [
        { ...MEASURED, targetApplied: { kind: 'SINGLE', value: '6' }, realisasi: '6', reportedMonths: [1, 2, 3, 4, 5, 6] },
        NOT_REPORTED,
      ],
    }],
  }],
  office: { ...AVERAGE, ...BUDGET, budgetSpent: '9000003', budgetAbsorption: '6.00' },
  asOf: '2025-01-10T01:00:00.000Z',
};
