import type { RecordedEvent } from '@kinerja/event-store';
import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const resolved = (data: Record<string, unknown>): RecordedEvent => ({
  eventId: 'e-1', streamId: 'integrity:kpu-a', streamVersion: 0, tenantId: 'kpu-a', tenantSequence: 9, globalPosition: '9',
  type: 'IntegrityAlertResolved', schemaVersion: 1,
  data: { satker: 'kpu-a', alertId: 4, detectedAt: '2025-01-05T02:00:00.000Z', resolvedBy: 'u-insp', resolvedAt: '2025-01-06T03:00:00.000Z', ...data },
  metadata: { actorId: 'u-insp', actorRole: 'INSPEKTORAT', correlationId: 'c-1' },
  recordedAt: new Date('2025-01-06T03:00:00Z'), previousHash: 'p', hash: 'h-9',
});

describe('the audit trail in words: an integrity alert closed by the Inspektorat', () => {
  it('given an evidence alert, then it names the alert, the file, when it was detected on the office\'s clock, and the reason', () => {
    const { row, figures } = describeEvent(resolved({
      kind: 'evidence_mismatch', subject: `evidence:${'a'.repeat(64)}`, brokenSequence: null, reason: 'Berkas diunggah ulang dari arsip.',
    }), new AuditTrailState());
    expect(row).toMatchObject({
      subjectKind: 'LAINNYA', reason: 'Berkas diunggah ulang dari arsip.',
      summary: `Menutup peringatan integritas #4: berkas bukti dukung tidak cocok dengan SHA-256-nya (${'a'.repeat(64)}), terdeteksi 5 Januari 2025 09.00 WIB.`,
    });
    expect(figures).toEqual([]);
  });

  it('given an LKj file alert, then it names the LKj file, not the chain', () => {
    const { row } = describeEvent(resolved({
      kind: 'lkj_file_mismatch', subject: `lkj:${'b'.repeat(64)}`, brokenSequence: null, reason: 'Berkas PDF dipulihkan dari cadangan.',
    }), new AuditTrailState());
    expect(row.summary).toBe(
      `Menutup peringatan integritas #4: berkas Laporan Kinerja (LKj) tidak cocok dengan SHA-256-nya (${'b'.repeat(64)}), terdeteksi 5 Januari 2025 09.00 WIB.`,
    );
  });

  it('given a chain alert, then it names the kind of damage and the sequence', () => {
    const { row } = describeEvent(resolved({ kind: 'modified', subject: null, brokenSequence: 17, reason: 'Dipulihkan dari cadangan.' }), new AuditTrailState());
    expect(row.summary).toBe('Menutup peringatan integritas #4: rantai integritas rusak, peristiwa diubah pada urutan 17, terdeteksi 5 Januari 2025 09.00 WIB.');
  });

  it('given a WIB office, when the damage was detected late in the UTC day, then the trail names the office\'s date, not UTC\'s', () => {
    const { row } = describeEvent(resolved({
      kind: 'modified', subject: null, brokenSequence: 3, detectedAt: '2026-12-07T17:38:56.194Z', reason: 'Dipulihkan dari cadangan.',
    }), new AuditTrailState());
    expect(row.summary).toContain('terdeteksi 8 Desember 2026 00.38 WIB.');
    expect(row.summary).not.toContain('2026-12-07T');
  });

  it('given an office recorded in WITA, then the detection is told on its clock (WITA)', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('SatkerCreated', {
      code: 'kpu-a', name: 'KPU A', parentCode: null, timeZone: 'Asia/Makassar', reportDeadlineDay: 10,
    }, 'identity:kpu-a'), state);
    const { row } = describeEvent(resolved({ kind: 'modified', subject: null, brokenSequence: 3, detectedAt: '2026-12-07T17:38:56.194Z', reason: 'Dipulihkan.' }), state);
    expect(row.summary).toContain('terdeteksi 8 Desember 2026 01.38 WITA.');
  });
});
