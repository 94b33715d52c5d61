import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const NOTIFICATIONS = 'notifications:kpu-a';
const SYSTEM = { id: 'system', role: 'SYSTEM' };
const report = (subbagian: string, status: string, blankIndicators: string[]) => ({ year: 2024, month: 3, subbagian, status, blankIndicators, submittedAt: null });

/** A `ReminderSent` as the reminder recorder writes it. */
function sent(data: Record<string, unknown>) {
  return recorded('ReminderSent', {
    key: 'k', dueAt: '2024-04-01T01:00:00.000Z', localDate: '2024-04-01', period: { year: 2024, month: 3 }, deadline: { year: 2024, month: 4, day: 5 },
    sentAt: '2024-04-01T01:00:03.000Z', ...data,
  }, NOTIFICATIONS, SYSTEM);
}

function withUsers(): AuditTrailState {
  const state = new AuditTrailState();
  describeEvent(recorded('UserCreated', { userId: 'u-budi', username: 'kasubbag.kul', fullName: 'Budi', email: null, role: 'KASUBBAG', satker: 'kpu-a', subbagian: 'KUL' }, 'identity:kpu-a'), state);
  describeEvent(recorded('UserCreated', { userId: 'u-siti', username: 'sekretaris', fullName: 'Siti', email: null, role: 'SEKRETARIS', satker: 'kpu-a', subbagian: null }, 'identity:kpu-a'), state);
  return state;
}

describe('the audit trail in words: reminders sent by the system', () => {
  it('given a report of March not started, when the Kasubbag is reminded before the deadline, then it says to whom, of what and by when', () => {
    const { row } = describeEvent(sent({
      kind: 'BEFORE_DEADLINE', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, reports: [report('KUL', 'NOT_STARTED', ['K1.1', 'K1.2'])], recipientIds: ['u-budi'],
    }), withUsers());
    expect(row).toMatchObject({
      subjectKind: 'PENGINGAT', year: 2024, month: 3, subbagian: 'KUL', actorRole: 'SYSTEM',
      summary: 'Mengirim pengingat kepada Kasubbag KUL (1 penerima): laporan realisasi Maret 2024 belum diajukan, batas waktu 5 April 2024.',
    });
    expect(row.changes.map((c) => [c.field, c.after])).toEqual([
      ['penerima', 'Budi (kasubbag.kul)'],
      ['laporan', 'Maret 2024 subbagian KUL: belum dibuat; indikator kosong: K1.1, K1.2'],
    ]);
  });

  it('given two reports late, when the Sekretaris gets the escalation, then both are named', () => {
    const { row } = describeEvent(sent({
      kind: 'OVERDUE_ESCALATION', audience: { role: 'SEKRETARIS' }, recipientIds: ['u-siti'],
      reports: [report('KUL', 'DRAFT', ['K1.2']), report('TPH', 'RETURNED', [])],
    }), withUsers());
    expect(row).toMatchObject({
      subbagian: null,
      summary: 'Mengirim eskalasi keterlambatan kepada Sekretaris (1 penerima): 2 laporan realisasi Maret 2024 belum diajukan setelah batas waktu 5 April 2024.',
    });
    expect(row.changes.map((c) => c.after)).toEqual([
      'Siti (sekretaris)', 'Maret 2024 subbagian KUL: masih draf; indikator kosong: K1.2', 'Maret 2024 subbagian TPH: dikembalikan, belum diajukan kembali',
    ]);
  });

  it('when a returned report is chased, or the daily digest of reports awaiting approval sent, then each says so', () => {
    const state = withUsers();
    const returned = describeEvent(sent({ kind: 'RETURNED_REPORT', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, reports: [report('KUL', 'RETURNED', [])], recipientIds: ['u-budi'] }), state);
    const digest = describeEvent(sent({
      kind: 'APPROVAL_DIGEST', audience: { role: 'SEKRETARIS' }, period: null, deadline: null, recipientIds: ['u-siti'],
      reports: [report('KUL', 'SUBMITTED', []), { ...report('PDI', 'SUBMITTED', []), month: 2 }],
    }), state);
    expect(returned.row.summary).toBe('Mengirim pengingat kepada Kasubbag KUL (1 penerima): laporan realisasi Maret 2024 yang dikembalikan belum diajukan kembali.');
    expect(digest.row).toMatchObject({ year: null, month: null, summary: 'Mengirim ringkasan harian kepada Sekretaris (1 penerima): 2 laporan realisasi menunggu persetujuan.' });
    expect(digest.row.changes.map((c) => c.after)).toEqual([
      'Siti (sekretaris)', 'Maret 2024 subbagian KUL: menunggu persetujuan', 'Februari 2024 subbagian PDI: menunggu persetujuan',
    ]);
  });
});
