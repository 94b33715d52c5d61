import type { GlobalEvent } from '@kinerja/event-store';
import { staleReason } from './lkj-process-manager';

describe('why a produced LKj went stale', () => {
  it('given a correction of a monthly report approved after it, names the month as the office writes it', () => {
    const approved = { type: 'RealisasiApproved', streamId: 'realisasi:kpu-kab-jember:2024:03:KUL' } as unknown as GlobalEvent;
    expect(staleReason(approved)).toBe('Perbaikan laporan realisasi Maret 2024 (Sub. Bagian KUL) disetujui setelah LKj dibuat.');
  });

  it('given a new rating scale set after it, names the scale version', () => {
    const set = { type: 'RatingScaleSet', streamId: 'rating-scale:kpu-kab-jember', data: { version: 2 } } as unknown as GlobalEvent;
    expect(staleReason(set)).toBe('Skala penilaian capaian diubah (versi 2) setelah LKj dibuat.');
  });
});
