import type { RecordedEvent } from '@kinerja/event-store';
import { approvalHistory } from './lkj-approval-history';

function event(streamId: string, type: string, data: Record<string, unknown>, actorRole: string): RecordedEvent {
  return {
    eventId: 'e', streamId, streamVersion: 0, tenantId: 's', tenantSequence: 1, globalPosition: '1', type, schemaVersion: 1, data,
    metadata: { actorId: 'x', actorRole, correlationId: 'c' }, recordedAt: new Date(0), previousHash: '', hash: '',
  };
}

describe('the annex\'s approval history, in words', () => {
  const names = new Map([['u1', 'Ani Sekretaris'], ['u2', 'Budi Ketua'], ['u3', 'Citra Kasubbag']]);

  it('given a withdrawn report revision and a withdrawn PK Perubahan, then the annex tells both, with the reason when one was given', () => {
    const rows = approvalHistory([
      event('pk:s:2024', 'PkRevisionWithdrawn', { version: 2, inForceVersion: 1, reason: null, withdrawnBy: 'u1', withdrawnAt: '2024-05-01T01:00:00Z' }, 'SEKRETARIS'),
      event('realisasi:s:2024:03:KUL', 'RealisasiRevisionWithdrawn', { revision: 1, approvedRevision: 0, reason: 'Dibuka keliru', withdrawnBy: 'u3', withdrawnAt: '2024-05-02T01:00:00Z' }, 'KASUBBAG'),
    ], 2024, names);
    expect(rows.map((r) => r.action)).toEqual([
      'Membatalkan Perjanjian Kinerja Perubahan 2024 (versi 2)',
      'Membatalkan perbaikan laporan realisasi Maret 2024 (Sub. Bagian KUL), revisi 1: Dibuka keliru',
    ]);
  });

  it('given a PK Perubahan opened and later withdrawn, then the annex tells its opening with the reason, as a report correction\'s', () => {
    const rows = approvalHistory([
      event('pk:s:2024', 'PkRevisionOpened', { version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran', openedBy: 'u1', openedAt: '2024-04-01T01:00:00Z' }, 'SEKRETARIS'),
      event('pk:s:2024', 'PkRevisionWithdrawn', { version: 2, inForceVersion: 1, reason: 'Dibuka keliru', withdrawnBy: 'u1', withdrawnAt: '2024-04-02T01:00:00Z' }, 'SEKRETARIS'),
    ], 2024, names);
    expect(rows).toEqual([
      { at: '2024-04-01T01:00:00Z', actorName: 'Ani Sekretaris', role: 'SEKRETARIS', action: 'Membuka Perjanjian Kinerja Perubahan 2024 (versi 2): Refocusing anggaran' },
      { at: '2024-04-02T01:00:00Z', actorName: 'Ani Sekretaris', role: 'SEKRETARIS', action: 'Membatalkan Perjanjian Kinerja Perubahan 2024 (versi 2): Dibuka keliru' },
    ]);
  });

  it('tells who submitted, returned and approved the PK and each monthly report, with their names', () => {
    const rows = approvalHistory([
      event('pk:s:2024', 'PkDrafted', { version: 1 }, 'SEKRETARIS'),
      event('pk:s:2024', 'PkSubmitted', { version: 1, submittedBy: 'u1', submittedAt: '2024-01-10T01:00:00Z' }, 'SEKRETARIS'),
      event('pk:s:2024', 'PkApproved', { version: 2, approvedBy: 'u2', approvedAt: '2024-01-11T01:00:00Z' }, 'KETUA'),
      event('realisasi:s:2024:03:KUL', 'RealisasiSubmitted', { revision: 0, resubmission: true, submittedBy: 'u3', submittedAt: '2024-04-02T01:00:00Z' }, 'KASUBBAG'),
      event('realisasi:s:2024:03:KUL', 'RealisasiReturned', { revision: 0, reason: 'Bukti kurang', returnedBy: 'u1', returnedAt: '2024-04-03T01:00:00Z' }, 'SEKRETARIS'),
      event('realisasi:s:2024:03:KUL', 'RealisasiApproved', { revision: 1, approvedBy: 'u9', approvedAt: '2024-04-04T01:00:00Z' }, 'SEKRETARIS'),
      event('realisasi:s:2024:03:KUL', 'RealisasiDraftSaved', {}, 'KASUBBAG'),
    ], 2024, names);
    expect(rows).toEqual([
      { at: '2024-01-10T01:00:00Z', actorName: 'Ani Sekretaris', role: 'SEKRETARIS', action: 'Mengajukan Perjanjian Kinerja 2024' },
      { at: '2024-01-11T01:00:00Z', actorName: 'Budi Ketua', role: 'KETUA', action: 'Menyetujui Perjanjian Kinerja 2024 (versi 2)' },
      { at: '2024-04-02T01:00:00Z', actorName: 'Citra Kasubbag', role: 'KASUBBAG', action: 'Mengajukan ulang laporan realisasi Maret 2024 (Sub. Bagian KUL)' },
      { at: '2024-04-03T01:00:00Z', actorName: 'Ani Sekretaris', role: 'SEKRETARIS', action: 'Mengembalikan laporan realisasi Maret 2024 (Sub. Bagian KUL): Bukti kurang' },
      { at: '2024-04-04T01:00:00Z', actorName: 'u9', role: 'SEKRETARIS', action: 'Menyetujui laporan realisasi Maret 2024 (Sub. Bagian KUL), revisi 1' },
    ]);
  });

  it('given an office that is not KPU (its unit names given), then a report is named by its unit, a Bidang as a Bidang, not "Sub. Bagian <code>"', () => {
    const units = new Map([['YANKES', 'Bidang Pelayanan Kesehatan'], ['UMPEG', 'Umum dan Kepegawaian']]);
    const rows = approvalHistory([
      event('realisasi:dinkes:2025:01:YANKES', 'RealisasiSubmitted', { revision: 0, submittedBy: 'u3', submittedAt: '2025-02-02T01:00:00Z' }, 'KASUBBAG'),
      event('realisasi:dinkes:2025:01:UMPEG', 'RealisasiApproved', { revision: 0, approvedBy: 'u1', approvedAt: '2025-02-03T01:00:00Z' }, 'SEKRETARIS'),
      event('realisasi:dinkes:2025:02:P2P', 'RealisasiReturned', { revision: 0, reason: 'Bukti kurang', returnedBy: 'u1', returnedAt: '2025-03-03T01:00:00Z' }, 'SEKRETARIS'),
    ], 2025, names, units);
    expect(rows.map((r) => r.action)).toEqual([
      'Mengajukan laporan realisasi Januari 2025 (Bidang Pelayanan Kesehatan)',
      'Menyetujui laporan realisasi Januari 2025 (Subbagian Umum dan Kepegawaian)',
      // A unit with no row at all: its code, as the notices name it.
      'Mengembalikan laporan realisasi Februari 2025 (subbagian P2P): Bukti kurang',
    ]);
    // A KPU office's history is given no names and keeps the reference's words.
    expect(approvalHistory([event('realisasi:s:2024:01:PDI', 'RealisasiApproved', { revision: 0, approvedBy: 'u1', approvedAt: '2024-02-03T01:00:00Z' }, 'SEKRETARIS')], 2024, names)[0].action)
      .toBe('Menyetujui laporan realisasi Januari 2024 (Sub. Bagian PDI)');
  });
});
