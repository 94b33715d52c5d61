import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

describe('the audit trail in words: a dispensasi of a report deadline', () => {
  it('given March extended from 5 to 20 April, then it names the month, both deadlines in words (also in its changes) and the reason', () => {
    const { row } = describeEvent(recorded('ReportDeadlineExtended', {
      satker: 'kpu-a', year: 2024, month: 3, until: '2024-04-20', previousDeadline: '2024-04-05', reason: 'Server kantor rusak',
      grantedBy: 'u-siti', grantedByRole: 'SEKRETARIS', grantedAt: '2024-04-08T03:00:00.000Z',
    }, 'report-deadlines:kpu-a', { id: 'u-siti', role: 'SEKRETARIS' }), new AuditTrailState());
    expect(row).toMatchObject({
      subjectKind: 'REALISASI', year: 2024, month: 3, subbagian: null, reason: 'Server kantor rusak',
      summary: 'Memberi dispensasi batas waktu laporan realisasi Maret 2024: dari 5 April 2024 menjadi 20 April 2024.',
    });
    expect(row.changes).toEqual([{ indicatorCode: null, indicatorName: null, field: 'batas waktu', before: '5 April 2024', after: '20 April 2024' }]);
  });
});
