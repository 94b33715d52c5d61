import { alreadyResolved, bannerMessage, type IntegrityAlert } from './integrity.service';

const alert = (overrides: Partial<IntegrityAlert>): IntegrityAlert => ({
  id: 7, detectedAt: '2026-12-07T17:38:56.194Z', source: 'api', brokenSequence: 12, brokenEventId: null, kind: 'modified', subject: null,
  detail: 'isi peristiwa tidak cocok dengan hash-nya', detectedBy: null, resolvedAt: null, resolvedBy: null, resolutionReason: null, ...overrides,
});

describe('integrity alerts in words: moments on the office\'s clock', () => {
  it('given chain damage detected late in the UTC day, when a WIB office\'s banner is written, then it names the office\'s date and hour', () => {
    const message = bannerMessage('kpu-a', alert({}), 'Asia/Jakarta');
    expect(message).toBe(
      'PERINGATAN: rantai integritas jejak audit satker kpu-a rusak — peristiwa diubah pada urutan 12 (terdeteksi 8 Desember 2026 00.38 WIB). '
        + 'Data audit tidak dapat dipercaya sampai diperiksa.',
    );
  });

  it('given a damaged stored file of a WIT office, then the banner names the moment in WIT', () => {
    const message = bannerMessage('kpu-p', alert({ kind: 'evidence_mismatch', subject: `evidence:${'a'.repeat(64)}`, brokenSequence: null }), 'Asia/Jayapura');
    expect(message).toContain('(terdeteksi 8 Desember 2026 02.38 WIT; rinciannya pada daftar peringatan)');
    expect(message).not.toContain('2026-12-07T');
  });

  it('given an alert already closed, when closed again, then the refusal says when on the office\'s clock and keeps the instant in details', () => {
    const error = alreadyResolved(7, '2026-12-07T17:39:08.575Z', 'Asia/Jakarta');
    expect(error).toMatchObject({
      code: 'AUDIT.ALERT_ALREADY_RESOLVED', message: 'Peringatan integritas #7 sudah ditutup pada 8 Desember 2026 00.39 WIB.',
      details: { id: 7, resolvedAt: '2026-12-07T17:39:08.575Z' },
    });
  });
});
