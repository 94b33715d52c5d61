import type { GlobalEvent } from '@kinerja/event-store';
import { staleReason } from './lkj-process-manager';

describe('why a produced LKj went stale', () => {
  it('given a correction of a monthly report approved after it, names the month as the office writes it', () => {
    const approved = { type: 'RealisasiApproved', streamId: 'realisasi:kpu-kab-jember:2024:03:KUL' } as unknown as GlobalEvent;
    expect(staleReason(approved)).toBe('Perbaikan laporan realisasi Maret 2024 (Sub. Bagian KUL) disetujui setelah LKj dibuat.');
  });
});
