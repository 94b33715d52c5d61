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
  describeEvent(recorded('UserCreated', { userId: 'u-ali', username: 'ketua', fullName: 'Ali', email: null, role: 'KETUA', satker: 'kpu-a', subbagian: null }, 'identity:kpu-a'), state);
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

  it('given a month due by a catch-up deadline (the PK approved late), when it is escalated, then the catch-up and the approval date are named', () => {
    const { row } = describeEvent(sent({
      kind: 'OVERDUE_ESCALATION', audience: { role: 'SEKRETARIS' }, recipientIds: ['u-siti'], deadline: { year: 2024, month: 12, day: 5 },
      pkApprovedOn: { year: 2024, month: 11, day: 20 }, reports: [report('KUL', 'NOT_STARTED', ['K1.1'])],
    }), withUsers());
    expect(row.summary).toBe(
      'Mengirim eskalasi keterlambatan kepada Sekretaris (1 penerima): 1 laporan realisasi Maret 2024 belum diajukan setelah batas waktu ' +
        '5 Desember 2024 (batas waktu susulan, PK 2024 disetujui 20 November 2024).',
    );
  });

  it('given the months of one catch-up deadline escalated together, then the range of months and the PK of their year are named, each report under its month', () => {
    const { row } = describeEvent(sent({
      kind: 'OVERDUE_ESCALATION', audience: { role: 'SEKRETARIS' }, recipientIds: ['u-siti'], deadline: { year: 2025, month: 2, day: 5 },
      period: { year: 2025, month: 1 }, periods: [{ year: 2024, month: 1 }, { year: 2024, month: 12 }, { year: 2025, month: 1 }],
      pkApprovedOn: { year: 2025, month: 1, day: 20 },
      reports: [{ ...report('KUL', 'NOT_STARTED', []), month: 1 }, { ...report('KUL', 'NOT_STARTED', []), month: 12 }, { ...report('KUL', 'DRAFT', []), year: 2025, month: 1 }],
    }), withUsers());
    expect(row).toMatchObject({ year: 2025, month: 1 });
    expect(row.summary).toBe(
      'Mengirim eskalasi keterlambatan kepada Sekretaris (1 penerima): 3 laporan realisasi Januari 2024 – Januari 2025 (3 bulan) belum diajukan ' +
        'setelah batas waktu 5 Februari 2025 (batas waktu susulan, PK 2024 disetujui 20 Januari 2025).',
    );
    expect(row.changes.slice(1).map((c) => c.after)).toEqual([
      'Januari 2024 subbagian KUL: belum dibuat', 'Desember 2024 subbagian KUL: belum dibuat', 'Januari 2025 subbagian KUL: masih draf',
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

  it('given the only Sekretaris submitted one of the digest\'s reports as Plh, when each read their own copy, then the trail names who read which reports and why', () => {
    const { row } = describeEvent(sent({
      kind: 'APPROVAL_DIGEST', audience: { role: 'SEKRETARIS' }, delivery: { role: 'SEKRETARIS', vacantRoles: [] }, period: null, deadline: null,
      recipientIds: ['u-siti', 'u-ali'],
      reports: [report('KUL', 'SUBMITTED', []), { ...report('PDI', 'SUBMITTED', []), month: 2 }],
      copies: [
        { recipientId: 'u-siti', role: 'SEKRETARIS', reports: [{ year: 2024, month: 2, subbagian: 'PDI' }] },
        { recipientId: 'u-ali', role: 'KETUA', reports: [{ year: 2024, month: 3, subbagian: 'KUL' }] },
      ],
    }), withUsers());
    expect(row.summary).toBe(
      'Mengirim ringkasan harian kepada Sekretaris (2 penerima): 2 laporan realisasi menunggu persetujuan. ' +
      '2 penerima membaca salinan yang berbeda: Siti (sekretaris), Ali (ketua).',
    );
    expect(row.changes.filter((c) => c.field === 'salinan').map((c) => c.after)).toEqual([
      'Siti (sekretaris): salinan tanpa 1 laporan yang diajukannya sendiri; 1 laporan: Februari 2024 subbagian PDI',
      'Ali (ketua): sebagai Ketua, laporan yang diajukan sendiri oleh setiap Sekretaris sehingga tidak ada Sekretaris lain yang dapat menyetujuinya; ' +
        '1 laporan: Maret 2024 subbagian KUL',
    ]);
  });

  it('given KUL had no active Kasubbag, when its reminder went to the Sekretaris instead, then the trail says so and why', () => {
    const { row } = describeEvent(sent({
      kind: 'BEFORE_DEADLINE', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, delivery: { role: 'SEKRETARIS', vacantRoles: ['KASUBBAG'] },
      reports: [report('KUL', 'NOT_STARTED', ['K1.1'])], recipientIds: ['u-siti'],
    }), withUsers());
    expect(row).toMatchObject({
      subbagian: 'KUL',
      summary: 'Mengirim pengingat untuk Kasubbag KUL kepada Sekretaris sebagai pengganti, karena tidak ada Kasubbag KUL aktif (1 penerima): ' +
        'laporan realisasi Maret 2024 belum diajukan, batas waktu 5 April 2024.',
    });
    expect(row.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['penerima', null, 'Siti (sekretaris)'],
      ['diterima oleh', 'Kasubbag KUL', 'Sekretaris'],
      ['laporan', null, 'Maret 2024 subbagian KUL: belum dibuat; indikator kosong: K1.1'],
    ]);
  });

  it('given neither a Kasubbag nor a Sekretaris active, or no Sekretaris for an escalation, then the Ketua is named as the stand-in', () => {
    const state = withUsers();
    const returned = describeEvent(sent({
      kind: 'RETURNED_REPORT', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, delivery: { role: 'KETUA', vacantRoles: ['KASUBBAG', 'SEKRETARIS'] },
      reports: [report('KUL', 'RETURNED', [])], recipientIds: ['u-ali'],
    }), state);
    const escalation = describeEvent(sent({
      kind: 'OVERDUE_ESCALATION', audience: { role: 'SEKRETARIS' }, delivery: { role: 'KETUA', vacantRoles: ['SEKRETARIS'] },
      reports: [report('KUL', 'DRAFT', [])], recipientIds: ['u-ali'],
    }), state);
    expect(returned.row.summary).toBe(
      'Mengirim pengingat untuk Kasubbag KUL kepada Ketua sebagai pengganti, karena tidak ada Kasubbag KUL maupun Sekretaris aktif (1 penerima): ' +
        'laporan realisasi Maret 2024 yang dikembalikan belum diajukan kembali.',
    );
    expect(escalation.row.summary).toBe(
      'Mengirim eskalasi keterlambatan untuk Sekretaris kepada Ketua sebagai pengganti, karena tidak ada Sekretaris aktif (1 penerima): ' +
        '1 laporan realisasi Maret 2024 belum diajukan setelah batas waktu 5 April 2024.',
    );
    expect(escalation.row.changes[0]).toMatchObject({ field: 'penerima', after: 'Ali (ketua)' });
  });

  it('given nobody active to receive it, then the trail says it was recorded without a recipient and names every vacancy', () => {
    const { row } = describeEvent(sent({
      kind: 'BEFORE_DEADLINE', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, delivery: { role: null, vacantRoles: ['KASUBBAG', 'SEKRETARIS', 'KETUA'] },
      reports: [report('KUL', 'NOT_STARTED', [])], recipientIds: [],
    }), withUsers());
    expect(row.summary).toBe(
      'Mencatat pengingat untuk Kasubbag KUL tanpa penerima, karena tidak ada Kasubbag KUL, Sekretaris maupun Ketua aktif: ' +
        'laporan realisasi Maret 2024 belum diajukan, batas waktu 5 April 2024.',
    );
    expect(row.changes.slice(0, 2).map((c) => [c.field, c.before, c.after])).toEqual([['penerima', null, null], ['diterima oleh', 'Kasubbag KUL', null]]);
  });

  it('given a reminder recorded before stand-ins existed (no delivery in its data), then it reads as sent to its audience, as it was', () => {
    const { row } = describeEvent(sent({
      kind: 'BEFORE_DEADLINE', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, reports: [report('KUL', 'NOT_STARTED', [])], recipientIds: [],
    }), withUsers());
    expect(row.summary).toBe('Mengirim pengingat kepada Kasubbag KUL (0 penerima): laporan realisasi Maret 2024 belum diajukan, batas waktu 5 April 2024.');
    expect(row.changes.map((c) => c.field)).toEqual(['penerima', 'laporan']);
  });

  it('given a dispensasi announced to the Kasubbag, then it names the month, both deadlines, who granted it and why', () => {
    const { row } = describeEvent(sent({
      kind: 'DEADLINE_EXTENDED', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, deadline: { year: 2024, month: 4, day: 20 }, dispensasi: true,
      extension: { previousDeadline: { year: 2024, month: 4, day: 5 }, until: { year: 2024, month: 4, day: 20 }, reason: 'Gangguan jaringan', grantedByName: 'Siti' },
      reports: [report('KUL', 'DRAFT', ['K1.1'])], recipientIds: ['u-budi'],
    }), withUsers());
    expect(row.summary).toBe(
      'Mengirim pemberitahuan dispensasi kepada Kasubbag KUL (1 penerima): batas waktu laporan realisasi Maret 2024 diperpanjang ' +
        'dari 5 April 2024 menjadi 20 April 2024, diberikan oleh Siti, alasan: Gangguan jaringan (1 laporan).',
    );
  });

  it('given the dispensasi of two months announced together, then each month is named with its deadlines, grantor and reason', () => {
    const jan = { year: 2024, month: 1, previousDeadline: { year: 2024, month: 2, day: 5 }, until: { year: 2024, month: 4, day: 20 }, reason: 'Gangguan jaringan', grantedByName: 'Siti' };
    const feb = { ...jan, month: 2, previousDeadline: { year: 2024, month: 3, day: 5 }, until: { year: 2024, month: 4, day: 22 }, reason: 'Server rusak' };
    const { row } = describeEvent(sent({
      kind: 'DEADLINE_EXTENDED', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, deadline: null, dispensasi: true,
      period: { year: 2024, month: 2 }, periods: [{ year: 2024, month: 1 }, { year: 2024, month: 2 }], extension: jan, extensions: [jan, feb],
      reports: [{ ...report('KUL', 'NOT_STARTED', ['K1.1']), month: 1 }, { ...report('KUL', 'DRAFT', []), month: 2 }], recipientIds: ['u-budi'],
    }), withUsers());
    expect(row.summary).toBe(
      'Mengirim pemberitahuan dispensasi kepada Kasubbag KUL (1 penerima): batas waktu laporan realisasi 2 bulan diperpanjang: ' +
        'Januari 2024 dari 5 Februari 2024 menjadi 20 April 2024, diberikan oleh Siti, alasan: Gangguan jaringan; ' +
        'Februari 2024 dari 5 Maret 2024 menjadi 22 April 2024, diberikan oleh Siti, alasan: Server rusak (2 laporan).',
    );
  });

  it('given several returned reports of one subbagian reminded together, then each month is named', () => {
    const { row } = describeEvent(sent({
      kind: 'RETURNED_REPORT', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, periods: [{ year: 2024, month: 1 }, { year: 2024, month: 3 }],
      reports: [{ ...report('KUL', 'RETURNED', []), month: 1 }, report('KUL', 'RETURNED', [])], recipientIds: ['u-budi'],
    }), withUsers());
    expect(row.summary).toBe('Mengirim pengingat kepada Kasubbag KUL (1 penerima): 2 laporan realisasi yang dikembalikan (Januari 2024, Maret 2024) belum diajukan kembali.');
  });

  it("given a tindak lanjut announced to the province's Inspektorat, then it says to which office's Inspektorat, and about which finding", () => {
    const { row } = describeEvent(sent({
      kind: 'TINDAK_LANJUT_SUBMITTED', audience: { role: 'INSPEKTORAT', satker: 'kpu-prov' }, delivery: { role: 'INSPEKTORAT', vacantRoles: [] },
      period: null, deadline: null, reports: [], recipientIds: ['u-x'],
      catatanReviu: { noteId: 'n', category: 'TEMUAN', title: 'Bukti dukung kurang', number: 2, target: { kind: 'YEAR', year: 2024 } },
    }), withUsers());
    expect(row.summary).toBe('Mengirim pemberitahuan tindak lanjut kepada Inspektorat kpu-prov (1 penerima): tindak lanjut ke-2 atas temuan "Bukti dukung kurang" menunggu diperiksa.');
  });

  it('given a PK Perubahan submitted, returned or approved, or an LKj produced or stale, then the notice names the version and who it was for', () => {
    const pk = (kind: string, role: string, recipientIds: string[], delivery?: object) => describeEvent(sent({
      kind, audience: { role }, delivery, period: null, deadline: null, reports: [], recipientIds, pk: { kind: 'PK', year: 2024, version: 2, perubahan: true },
    }), withUsers()).row;
    expect(pk('PK_SUBMITTED', 'PK_REVIEWERS', ['u-ali'])).toMatchObject({
      year: 2024, summary: 'Mengirim pemberitahuan PK kepada Ketua dan Sekretaris yang dapat menyetujui (1 penerima): PK Perubahan 2024 versi 2 diajukan dan menunggu persetujuan.',
    });
    expect(pk('PK_APPROVED', 'PK_SUBMITTER', ['u-siti']).summary)
      .toBe('Mengirim pemberitahuan PK kepada Sekretaris pengaju (1 penerima): PK Perubahan 2024 versi 2 disetujui.');
    expect(pk('PK_RETURNED', 'PK_SUBMITTER', ['u-siti'], { role: 'SEKRETARIS', vacantRoles: ['PK_SUBMITTER'] }).summary).toBe(
      'Mengirim pemberitahuan PK untuk Sekretaris pengaju kepada Sekretaris sebagai pengganti, karena tidak ada Sekretaris pengaju aktif (1 penerima): '
        + 'PK Perubahan 2024 versi 2 dikembalikan.',
    );
    const lkj = (kind: string) => describeEvent(sent({
      kind, audience: { role: 'PIMPINAN' }, period: null, deadline: null, reports: [], recipientIds: ['u-ali', 'u-siti'], lkj: { kind: 'LKJ', year: 2024, version: 3 },
    }), withUsers()).row.summary;
    expect(lkj('LKJ_PRODUCED')).toBe('Mengirim pemberitahuan LKj kepada Ketua dan Sekretaris (2 penerima): LKj 2024 versi 3 selesai dibuat.');
    expect(lkj('LKJ_STALE')).toBe('Mengirim pemberitahuan LKj kepada Ketua dan Sekretaris (2 penerima): LKj 2024 versi 3 tidak lagi mutakhir.');
  });

  it('given an integrity alert announced, then it says to the Inspektorat and the ADMIN, which alert and what was damaged; to nobody when nobody is active', () => {
    const alert = (integrityAlert: object, recipientIds: string[], delivery: object) => describeEvent(sent({
      kind: 'INTEGRITY_ALERT', audience: { role: 'INTEGRITY_WATCHERS', satker: 'kpu-a' }, delivery, period: null, deadline: null, reports: [], recipientIds, integrityAlert,
    }), withUsers()).row;
    expect(alert({ id: 7, kind: 'modified', subject: null, brokenSequence: 169 }, ['u-ali'], { role: 'INTEGRITY_WATCHERS', vacantRoles: [] })).toMatchObject({
      year: null, summary: 'Mengirim pemberitahuan peringatan integritas kepada Inspektorat dan Administrator (1 penerima): peringatan integritas #7 dicatat (jejak audit rusak pada urutan 169).',
    });
    expect(alert({ id: 8, kind: 'evidence_mismatch', subject: `evidence:${'a'.repeat(64)}`, brokenSequence: null }, [], { role: null, vacantRoles: ['INTEGRITY_WATCHERS'] }).summary).toBe(
      'Mencatat pemberitahuan peringatan integritas untuk Inspektorat dan Administrator tanpa penerima, karena tidak ada Inspektorat dan Administrator aktif: '
        + 'peringatan integritas #8 dicatat (berkas bukti dukung rusak).',
    );
  });
});
