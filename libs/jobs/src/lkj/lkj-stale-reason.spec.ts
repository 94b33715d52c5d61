import type { GlobalEvent } from '@kinerja/event-store';
import { staleReason } from './lkj-process-manager';

describe('why a produced LKj went stale', () => {
  const approved = { type: 'RealisasiApproved', streamId: 'realisasi:kpu-kab-jember:2025:09:TEKNIS' } as unknown as GlobalEvent;

  it('given a correction of a monthly report approved after it, names the month and the subbagian as the office names them, in one plain sentence', () => {
    expect(staleReason(approved, 'Sub. Bagian Teknis dan Hupmas')).toBe('Perbaikan laporan realisasi September 2025 Sub. Bagian Teknis dan Hupmas disetujui setelah LKj dibuat.');
    expect(staleReason(approved, 'Umum')).toBe('Perbaikan laporan realisasi September 2025 Subbagian Umum disetujui setelah LKj dibuat.');
  });

  it('given a subbagian the directory no longer knows, names it by its code', () => {
    expect(staleReason(approved)).toBe('Perbaikan laporan realisasi September 2025 Subbagian TEKNIS disetujui setelah LKj dibuat.');
  });

  it('given a new rating scale set after it, names the scale version', () => {
    const set = { type: 'RatingScaleSet', streamId: 'rating-scale:kpu-kab-jember', data: { version: 2 } } as unknown as GlobalEvent;
    expect(staleReason(set)).toBe('Skala penilaian capaian diubah menjadi versi 2 setelah LKj dibuat.');
  });
});
