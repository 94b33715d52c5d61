import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const LKJ = 'lkj:kpu-a:2024';
const SYSTEM = { id: 'system:lkj', role: 'SYSTEM' };
const SEKRETARIS = { id: 'u-sek', role: 'SEKRETARIS' };
const requested = (version: number, draft: boolean, reason: string, suggestions: string[], by = SEKRETARIS) => recorded('LkjRequested', {
  satker: 'kpu-a', year: 2024, version, draft, reason, suggestions, requestedBy: by.id, requestedAt: 'x',
}, LKJ, by);

describe('the audit trail in words: the annual report (LKj)', () => {
  it('given nothing yet, when the Sekretaris asks for a draft with saran, then it says which version and the saran set', () => {
    const { row } = describeEvent(requested(1, true, 'REQUESTED', ['Perkuat monitoring.', 'Tambah pelatihan.']), new AuditTrailState());
    expect(row).toMatchObject({ subjectKind: 'LKJ', year: 2024, month: null, summary: 'Meminta LKj 2024 versi 1 (draf).' });
    expect(row.changes).toEqual([{ indicatorCode: null, indicatorName: null, field: 'saran', before: null, after: '1. Perkuat monitoring.; 2. Tambah pelatihan.' }]);
  });

  it('given a draft with saran, when every report is approved and the final is asked for with the same saran, then it says why and no saran changed', () => {
    const state = new AuditTrailState();
    describeEvent(requested(1, true, 'REQUESTED', ['Perkuat monitoring.']), state);
    const { row } = describeEvent(requested(2, false, 'ALL_APPROVED', ['Perkuat monitoring.'], SYSTEM), state);
    expect(row).toMatchObject({ summary: 'Meminta LKj 2024 versi 2 (final) karena seluruh laporan bulanan tahun ini telah disetujui.', changes: [] });
    const revised = describeEvent(requested(3, false, 'REVISION_APPROVED', [], SYSTEM), state);
    expect(revised.row.summary).toBe('Meminta LKj 2024 versi 3 (final) karena ada perubahan yang disetujui setelah LKj final dibuat.');
    expect(revised.row.changes).toEqual([expect.objectContaining({ field: 'saran', before: '1. Perkuat monitoring.', after: null })]);
  });

  it('given a final produced, when last year\'s capaian is imported again and a new final is asked for, then it says the import is why', () => {
    const { row } = describeEvent(requested(2, false, 'CAPAIAN_TAHUN_LALU_CHANGED', [], SYSTEM), new AuditTrailState());
    expect(row.summary).toBe('Meminta LKj 2024 versi 2 (final) karena capaian tahun lalu diimpor ulang setelah LKj final dibuat.');
  });

  it('when the files of a version are produced, then it names each file by its SHA-256 and the model digest', () => {
    const files = [{ format: 'DOCX', sha256: 'a'.repeat(64), size: 52_311 }, { format: 'PDF', sha256: 'b'.repeat(64), size: 80_004 }];
    const { row } = describeEvent(recorded('LkjProduced', { version: 2, draft: false, files, modelDigest: 'c'.repeat(64), producedAt: 'x' }, LKJ, SYSTEM), new AuditTrailState());
    expect(row.summary).toBe('LKj 2024 versi 2 (final) selesai dibuat: DOCX dan PDF.');
    expect(row.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['berkas DOCX', null, `SHA-256 ${'a'.repeat(64)} (52311 bita)`],
      ['berkas PDF', null, `SHA-256 ${'b'.repeat(64)} (80004 bita)`],
      ['digest model', null, 'c'.repeat(64)],
    ]);
  });

  it('when a correction is approved after the final, then it marks that version stale, with the reason', () => {
    const reason = 'Perbaikan laporan realisasi 03/2024 (Sub. Bagian KUL) disetujui setelah LKj dibuat.';
    const { row } = describeEvent(recorded('LkjMarkedStale', { version: 2, reason, markedAt: 'x' }, LKJ, SYSTEM), new AuditTrailState());
    expect(row).toMatchObject({
      subjectKind: 'LKJ', year: 2024, reason,
      summary: 'Menandai LKj 2024 versi 2 (final) usang: isinya tidak lagi sesuai data terkini.',
      changes: [{ indicatorCode: null, indicatorName: null, field: 'status', before: 'mutakhir', after: 'usang' }],
    });
  });

  it('when the rating scale changed after the final, then the stale mark gives it as the reason, the new request says why and the new version names its scale', () => {
    const reason = 'Skala penilaian capaian diubah (versi 2) setelah LKj dibuat.';
    const stale = describeEvent(recorded('LkjMarkedStale', { version: 1, reason, markedAt: 'x' }, LKJ, SYSTEM), new AuditTrailState());
    expect(stale.row).toMatchObject({ reason, summary: 'Menandai LKj 2024 versi 1 (final) usang: isinya tidak lagi sesuai data terkini.' });
    const again = describeEvent(requested(2, false, 'RATING_SCALE_CHANGED', [], SYSTEM), new AuditTrailState());
    expect(again.row.summary).toBe('Meminta LKj 2024 versi 2 (final) karena skala penilaian capaian diubah setelah LKj final dibuat.');
    const files = [{ format: 'DOCX', sha256: 'a'.repeat(64), size: 1 }, { format: 'PDF', sha256: 'b'.repeat(64), size: 2 }];
    const produced = describeEvent(recorded('LkjProduced', {
      version: 2, draft: false, files, modelDigest: 'c'.repeat(64), ratingScaleVersion: 'ketat-2025', producedAt: 'x',
    }, LKJ, SYSTEM), new AuditTrailState());
    expect(produced.row.changes.at(-1)).toEqual({ indicatorCode: null, indicatorName: null, field: 'skala penilaian', before: null, after: 'ketat-2025' });
  });

  it('given an office that requires the Ketua\'s signature, when a final is produced, then it says the version awaits it; when the Ketua signs, then the row says so', () => {
    const files = [{ format: 'DOCX', sha256: 'a'.repeat(64), size: 1 }, { format: 'PDF', sha256: 'b'.repeat(64), size: 2 }];
    const state = new AuditTrailState();
    const produced = describeEvent(recorded('LkjProduced', { version: 2, draft: false, files, modelDigest: 'c'.repeat(64), signatureRequired: true, producedAt: 'x' }, LKJ, SYSTEM), state);
    expect(produced.row.summary).toBe('LKj 2024 versi 2 (final) selesai dibuat: DOCX dan PDF; menunggu tanda tangan Ketua.');
    expect(produced.row.changes.at(-1)).toEqual({ indicatorCode: null, indicatorName: null, field: 'tanda tangan Ketua', before: null, after: 'menunggu' });
    const signed = describeEvent(recorded('LkjSigned', { version: 2, signedBy: 'u-ketua', signedAt: '2025-01-12T03:00:00.000Z' }, LKJ, { id: 'u-ketua', role: 'KETUA' }), state);
    expect(signed.row).toMatchObject({
      subjectKind: 'LKJ', year: 2024, summary: 'Menandatangani LKj 2024 versi 2 (final).',
      changes: [{ indicatorCode: null, indicatorName: null, field: 'tanda tangan Ketua', before: 'menunggu', after: 'ditandatangani' }],
    });
  });
});
