// Examples for the OpenAPI document (shapes of PkView / PkVersionsView in @kinerja/workflow).
const STRUCTURE_EXAMPLE = {
  programs: [{
    code: 'P2', name: 'Program Dukungan Manajemen',
    kegiatan: [{
      code: 'K4', name: 'Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU', pagu: null,
      indicators: [{
        code: 'K4.1', name: 'Layanan Perkantoran', unit: 'Layanan', target: { kind: 'SINGLE', value: '12' },
        polarity: 'HIGHER_IS_BETTER', lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'SUM',
        monthlyPlan: ['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1'], evidenceRequired: false, picSubbagian: 'KUL', sasaran: null,
      }],
    }],
  }],
};

const VERSION_EXAMPLE = {
  version: 1, status: 'APPROVED', structure: STRUCTURE_EXAMPLE, revisionReason: null, basedOnVersion: null,
  draftedBy: '0b6f…', draftedAt: '2024-01-10T02:00:00.000Z', submittedBy: '0b6f…', submittedAt: '2024-01-12T02:00:00.000Z',
  approvedBy: '7c1d…', approvedAt: '2024-01-16T03:00:00.000Z', lastReturn: null, withdrawal: null,
};

/** A PK Perubahan opened by mistake and withdrawn: kept in the history. */
const WITHDRAWN_EXAMPLE = {
  ...VERSION_EXAMPLE, version: 2, status: 'WITHDRAWN', revisionReason: 'DIPA direvisi pada bulan Juni.', basedOnVersion: 1,
  draftedAt: '2024-07-01T02:00:00.000Z', submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null,
  withdrawal: { by: '0b6f…', reason: 'Dibuka karena salah pilih bulan.', at: '2024-07-02T03:00:00.000Z' },
};

export const PK_VIEW_EXAMPLE = { satker: 'kpu-kab-jember', year: 2024, version: 3, inForce: VERSION_EXAMPLE, working: null };
export const PK_VERSIONS_EXAMPLE = { satker: 'kpu-kab-jember', year: 2024, version: 5, versions: [VERSION_EXAMPLE, WITHDRAWN_EXAMPLE] };
