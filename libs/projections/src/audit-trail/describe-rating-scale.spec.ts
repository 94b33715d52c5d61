import type { RecordedEvent } from '@kinerja/event-store';
import { AuditTrailState } from './audit-trail.state';
import { describeEvent } from './describe-event';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  eventId: 'e-1', streamId: 'rating-scale:kpu-a', streamVersion: 0, tenantId: 'kpu-a', tenantSequence: 7, globalPosition: '7',
  type, schemaVersion: 1, data, metadata: { actorId: 'u-admin', actorRole: 'ADMIN', correlationId: 'c-1' },
  recordedAt: new Date('2025-01-06T03:00:00Z'), previousHash: 'p', hash: 'h-7',
});

describe('the audit trail in words: the rating scale', () => {
  it('says which version the ADMIN set, why, and every row of it', () => {
    const rows = [
      { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'a' },
      { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'b' },
      { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'c' },
    ];
    const data = { satker: 'kpu-a', version: 2, label: 'ketat-2025', rows, reason: 'Keputusan rapat', setBy: 'u-admin', setAt: 'x' };
    const { row, figures } = describeEvent(recorded('RatingScaleSet', data), new AuditTrailState());
    expect(row).toMatchObject({ summary: 'Menetapkan skala penilaian capaian versi 2 ("ketat-2025", 3 baris).', reason: 'Keputusan rapat', subjectKind: 'LAINNYA' });
    expect(row.changes.map((c) => [c.field, c.after])).toEqual([
      ['Baris 1', 'capaian > 100: Berhasil'], ['Baris 2', '80 < capaian ≤ 100: Cukup Berhasil'], ['Baris 3', 'capaian ≤ 80: Tidak Berhasil'],
    ]);
    expect(figures).toEqual([]);
  });
});
