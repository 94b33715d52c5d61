// Examples for the OpenAPI document (shapes of the views in @kinerja/workflow).
const CONTENT = {
  lines: [{
    indicatorCode: 'K4.1', value: '1', narrative: 'Layanan perkantoran bulan Januari terlaksana.', kendala: 'Tidak ada kendala berarti.',
    solusi: '-', evidence: [{ sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', fileName: 'spj-januari.pdf', contentType: 'application/pdf', size: 183204 }],
  }],
  budget: [{ kegiatanCode: 'K4', spent: '125000000' }],
};

/**
 * `GET realisasi/{year}/{month}/{subbagian}` and the answer of every command on the report (here of
 * its submission): the report with its warnings, deadline and timeliness.
 */
export const REALISASI_DETAIL_EXAMPLE = {
  satker: 'kpu-kab-jember', year: 2024, month: 1, subbagian: 'KUL', version: 2, status: 'SUBMITTED', revision: 0, pkVersion: 1,
  content: CONTENT, submittedBy: '3a1e…', submittedAt: '2024-02-02T03:00:00.000Z', lastReturn: null, approved: null, revisionReason: null,
  warnings: [], deadline: '2024-02-05', deadlineBasis: 'OWN', firstSubmittedAt: '2024-02-02T03:00:00.000Z', submittedOnTime: true, daysLate: 0,
};

export const REALISASI_HISTORY_EXAMPLE = {
  satker: 'kpu-kab-jember', year: 2024, month: 1, subbagian: 'KUL', version: 4,
  entries: [{
    version: 3, type: 'RealisasiReturned', at: '2024-02-03T04:00:00.000Z', recordedAt: '2024-02-03T04:00:00.120Z',
    by: { id: '7c1d…', username: 'sekretaris', fullName: 'Sekretaris KPU Kabupaten Jember', role: 'SEKRETARIS' }, revision: 0,
    description: 'Laporan dikembalikan untuk diperbaiki', reason: 'Bukti SPJ belum dilampirkan.', valueChanges: [], budgetChanges: [], otherChanges: [],
  }],
};

export const REALISASI_LIST_EXAMPLE = {
  satker: 'kpu-kab-jember', year: 2026, subbagian: ['HSDM', 'KUL', 'PDI', 'TPH'],
  months: [{ month: 1, dueDate: '2026-02-05', reports: [{ subbagian: 'KUL', status: 'APPROVED', version: 3, revision: 0, submittedAt: '2026-02-03T02:00:00.000Z', dueDate: '2026-02-05', deadlineBasis: 'OWN', overdue: false, firstSubmittedAt: '2026-02-03T02:00:00.000Z', submittedOnTime: true, daysLate: 0 }] }],
};
