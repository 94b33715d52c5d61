import { planReminders } from '../plan/plan-reminders';
import { at, office, report } from '../plan/plan.test-builders';
import { renderReminder, subbagianTitle } from './render-reminder';

const jember = office();

describe('reminder texts in Bahasa Indonesia', () => {
  it('before the deadline: names the office, the month, the deadline date and the blank indicators', () => {
    const blank = [{ code: 'K4.1', name: 'Jumlah Laporan Keuangan' }, { code: 'K4.2', name: 'Persentase Penyerapan Anggaran' }];
    const [due] = planReminders({ office: jember, now: at('2025-02-03 08:00'), reports: [report({ blankIndicators: blank })] });
    const message = renderReminder(due, jember);
    expect(message.subject).toBe('Pengingat: laporan realisasi Januari 2025 belum dikirim — KPU Kabupaten Jember');
    expect(message.body).toContain('Batas waktu pengiriman: Rabu, 5 Februari 2025.');
    expect(message.body).toContain('  - K4.1 Jumlah Laporan Keuangan\n  - K4.2 Persentase Penyerapan Anggaran');
    expect(message.body).toContain('Yth. Kepala Subbagian Keuangan, Umum dan Logistik,');
  });

  it('escalation: lists the overdue subbagian for the Sekretaris', () => {
    const reports = [report({ subbagian: 'KUL' }), report({ subbagian: 'PDI', subbagianName: 'Perencanaan, Data dan Informasi', status: 'DRAFT' })];
    const [due] = planReminders({ office: jember, now: at('2025-02-06 08:00'), reports });
    const message = renderReminder(due, jember);
    expect(message.subject).toBe('Eskalasi: 2 laporan realisasi Januari 2025 terlambat — KPU Kabupaten Jember');
    expect(message.body).toContain('telah lewat (Rabu, 5 Februari 2025)');
    expect(message.body).toContain('- Subbagian Perencanaan, Data dan Informasi (masih draf), indikator kosong:');
  });

  it('catch-up: says the PK was approved late, so the months before are due by the deadline of the month of approval', () => {
    const pkOpened = new Map([[2026, { year: 2026, month: 11, day: 20 }]]);
    const reports = [report({ year: 2026, month: 3 })];
    const [before] = planReminders({ office: jember, now: at('2026-12-01 08:00'), reports, pkOpened });
    expect(renderReminder(before, jember).body).toContain(
      'Batas waktu pengiriman: Sabtu, 5 Desember 2026 (batas waktu susulan: PK 2026 baru disetujui pada Jumat, 20 November 2026).',
    );
    const [escalation] = planReminders({ office: jember, now: at('2026-12-06 08:00'), reports, pkOpened }).filter((r) => r.kind === 'OVERDUE_ESCALATION');
    expect(renderReminder(escalation, jember).body).toContain(
      'Batas waktu laporan realisasi kinerja bulan Maret 2026 pada KPU Kabupaten Jember telah lewat ' +
        '(Sabtu, 5 Desember 2026; batas waktu susulan: PK 2026 baru disetujui pada Jumat, 20 November 2026).',
    );
  });

  describe('months due by one catch-up deadline (PK 2026 approved 20 November, day 10): one message listing them', () => {
    const day10 = office({ deadlineDay: 10 });
    const pkOpened = new Map([[2026, { year: 2026, month: 11, day: 20 }]]);
    const kul = (month: number, status: 'NOT_STARTED' | 'DRAFT' = 'NOT_STARTED') =>
      report({ year: 2026, month, status, blankIndicators: [{ code: `K${month}.1`, name: 'Laporan Keuangan' }] });
    const pdi = (month: number) => report({ year: 2026, month, subbagian: 'PDI', subbagianName: 'Perencanaan, Data dan Informasi', status: 'DRAFT' });
    const reports = [...Array.from({ length: 11 }, (_, i) => kul(i + 1)), pdi(3), pdi(11)];

    it('before the deadline: the months in few words, the catch-up deadline said once, the blank indicators month by month', () => {
      const [due] = planReminders({ office: day10, now: at('2026-12-01 08:00'), reports, pkOpened });
      const message = renderReminder(due, day10);
      expect(message.subject).toBe('Pengingat: laporan realisasi Januari–November 2026 belum dikirim — KPU Kabupaten Jember');
      expect(message.body).toContain(
        'Laporan realisasi kinerja Subbagian Keuangan, Umum dan Logistik pada KPU Kabupaten Jember untuk 11 bulan belum dikirim: Januari–November 2026.\n' +
          'Batas waktu pengiriman: Kamis, 10 Desember 2026 (batas waktu susulan: PK 2026 baru disetujui pada Jumat, 20 November 2026).\n',
      );
      expect(message.body.match(/batas waktu susulan/g)).toHaveLength(1);
      expect(message.body).toContain('Indikator yang masih kosong:\nJanuari 2026:\n  - K1.1 Laporan Keuangan\nFebruari 2026:\n  - K2.1 Laporan Keuangan\n');
      expect(message.body).toContain('November 2026:\n  - K11.1 Laporan Keuangan');
    });

    it('before the deadline: months not in a row are listed as such', () => {
      const [, forPdi] = planReminders({ office: day10, now: at('2026-12-01 08:00'), reports, pkOpened });
      expect(renderReminder(forPdi, day10).subject).toBe('Pengingat: laporan realisasi Maret, November 2026 belum dikirim — KPU Kabupaten Jember');
    });

    it('escalation: the number of reports late in the subject, the reports grouped by month', () => {
      const [due] = planReminders({ office: day10, now: at('2026-12-11 08:00'), reports, pkOpened }).filter((r) => r.kind === 'OVERDUE_ESCALATION');
      const message = renderReminder(due, day10);
      expect(message.subject).toBe('Eskalasi: 13 laporan realisasi Januari–November 2026 terlambat — KPU Kabupaten Jember');
      expect(message.body).toContain(
        'Batas waktu laporan realisasi kinerja bulan Januari–November 2026 pada KPU Kabupaten Jember telah lewat ' +
          '(Kamis, 10 Desember 2026; batas waktu susulan: PK 2026 baru disetujui pada Jumat, 20 November 2026).\nLaporan berikut belum dikirim:\nJanuari 2026:\n',
      );
      expect(message.body).toContain(
        'Maret 2026:\n- Subbagian Keuangan, Umum dan Logistik (belum dibuat), indikator kosong:\n    - K3.1 Laporan Keuangan\n' +
          '- Subbagian Perencanaan, Data dan Informasi (masih draf), indikator kosong:\n',
      );
      expect(message.body.match(/^[A-Z][a-z]+ 2026:$/gm)).toHaveLength(11);
    });

    it('escalation of a whole year caught up in the next one names both years', () => {
      const lateInYear = new Map([[2026, { year: 2027, month: 1, day: 15 }]]);
      const year = [...Array.from({ length: 12 }, (_, i) => kul(i + 1)), report({ year: 2027, month: 1 })];
      const [due] = planReminders({ office: day10, now: at('2027-02-11 08:00'), reports: year, pkOpened: lateInYear }).filter((r) => r.kind === 'OVERDUE_ESCALATION');
      const message = renderReminder(due, day10);
      expect(message.subject).toBe('Eskalasi: 13 laporan realisasi Januari–Desember 2026 dan Januari 2027 terlambat — KPU Kabupaten Jember');
      expect(message.body).toContain('batas waktu susulan: PK 2026 baru disetujui pada Jumat, 15 Januari 2027');
    });

    it('a stand-in Sekretaris reads the same list, with the subbagian named in the subject', () => {
      const [due] = planReminders({ office: day10, now: at('2026-12-01 08:00'), reports, pkOpened });
      const message = renderReminder(due, day10, { role: 'SEKRETARIS', vacantRoles: ['KASUBBAG'] });
      expect(message.subject).toBe(
        'Pengingat: laporan realisasi Januari–November 2026 Subbagian Keuangan, Umum dan Logistik belum dikirim (tidak ada Kasubbag aktif) — KPU Kabupaten Jember',
      );
      expect(message.body).toContain('untuk 11 bulan belum dikirim: Januari–November 2026.');
    });
  });

  it('returned report: gives the reason and the date of return in the office time zone', () => {
    const fact = report({ month: 11, status: 'RETURNED', returnedAt: '2025-12-02T16:30:00.000Z', returnReason: 'Angka realisasi keliru' });
    const papua = office({ timeZone: 'Asia/Jayapura', name: 'KPU Kota Jayapura' });
    const [due] = planReminders({ office: papua, now: at('2025-12-04 08:00', 'Asia/Jayapura'), reports: [fact] });
    const message = renderReminder(due, papua);
    expect(message.subject).toContain('November 2025 dikembalikan');
    expect(message.body).toContain('dikembalikan pada Rabu, 3 Desember 2025');
    expect(message.body).toContain('Alasan pengembalian: Angka realisasi keliru');
  });

  it('returned report with every indicator filled: says to correct it by the reason, not that it only needs sending', () => {
    const fact = report({ status: 'RETURNED', blankIndicators: [], returnedAt: at('2025-02-04 10:00').toISOString(), returnReason: 'Angka realisasi keliru' });
    const [due] = planReminders({ office: jember, now: at('2025-02-05 08:00'), reports: [fact] });
    const message = renderReminder(due, jember);
    // No heading over nothing: the sentence says what is left to do instead.
    expect(message.body).toContain('Alasan pengembalian: Angka realisasi keliru\n\nSemua indikator sudah diisi; periksa dan perbaiki sesuai alasan pengembalian, lalu kirim ulang.');
    expect(message.body).not.toContain('Indikator yang masih kosong');
    expect(message.body).not.toContain('tinggal dikirim');
    expect(message.body).toMatch(/Silakan perbaiki dan kirim ulang laporan tersebut\.\n\nPesan ini dikirim otomatis oleh Kinerja\./);
  });

  it('digest: oldest first, with how long each has waited in office-calendar days (as daysLate counts), not 24-hour periods', () => {
    const reports = [
      report({ subbagian: 'PDI', subbagianName: 'PDI', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-04 09:00').toISOString() }),
      report({ subbagian: 'KUL', subbagianName: 'KUL', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-01 09:00').toISOString() }),
      report({ subbagian: 'TPH', subbagianName: 'TPH', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-05 07:30').toISOString() }),
    ];
    const [due] = planReminders({ office: jember, now: at('2025-03-05 08:00'), reports });
    const message = renderReminder(due, jember);
    expect(message.subject).toBe('Ringkasan: 3 laporan realisasi menunggu persetujuan — KPU Kabupaten Jember');
    // Sent on the 1st at 09:00: 4 office days on the morning of the 5th (3 periods of 24 hours).
    expect(message.body).toContain('1. Subbagian KUL — Februari 2025, dikirim Sabtu, 1 Maret 2025 (menunggu 4 hari)\n2. Subbagian PDI');
    expect(message.body).toContain('2. Subbagian PDI — Februari 2025, dikirim Selasa, 4 Maret 2025 (menunggu 1 hari)');
    expect(message.body).toContain('3. Subbagian TPH — Februari 2025, dikirim Rabu, 5 Maret 2025 (menunggu kurang dari 1 hari)');
    expect(message.body).not.toContain('menunggu 0 hari');
  });

  it('digest: a report sent on Tuesday 8 December 2026 at 08:35 has waited 20 days on the morning of 28 December', () => {
    const reports = [report({ year: 2026, month: 11, status: 'SUBMITTED', submittedAt: at('2026-12-08 08:35').toISOString() })];
    const [due] = planReminders({ office: jember, now: at('2026-12-28 08:00'), reports }).filter((r) => r.kind === 'APPROVAL_DIGEST');
    expect(renderReminder(due, jember).body).toContain('dikirim Selasa, 8 Desember 2026 (menunggu 20 hari)');
  });

  it('digest for the Ketua: names the Sekretaris who sent the reports nobody else may approve, one or several', () => {
    const reports = [report({ year: 2026, month: 11, status: 'SUBMITTED', submittedAt: at('2026-12-08 08:35').toISOString() })];
    const [due] = planReminders({ office: jember, now: at('2026-12-28 08:00'), reports }).filter((r) => r.kind === 'APPROVAL_DIGEST');
    const one = renderReminder({ ...due, digestCopy: { of: 'NO_OTHER_SEKRETARIS', sekretarisNames: ['Eko Prasetyo'] } }, jember).body;
    expect(one).toContain('tetapi diajukan oleh satu-satunya Sekretaris aktif, Eko Prasetyo (dari akunnya sendiri atau akun lain miliknya), yang tidak dapat');
    const two = renderReminder({ ...due, digestCopy: { of: 'NO_OTHER_SEKRETARIS', sekretarisNames: ['Eko Prasetyo', 'E. Prasetyo'] } }, jember).body;
    expect(two).toContain('tetapi diajukan oleh setiap Sekretaris aktif (Eko Prasetyo, E. Prasetyo), dari akunnya sendiri atau akun lain miliknya, yang tidak dapat');
  });

  it('escalation: a report returned before the deadline and not sent again is listed with the reason', () => {
    const reports = [report({ subbagian: 'TPH', subbagianName: 'Teknis Penyelenggaraan Pemilu', status: 'RETURNED', returnedAt: at('2025-02-04 10:00').toISOString(), returnReason: 'Bukti dukung K5.1 belum lengkap' })];
    const [due] = planReminders({ office: jember, now: at('2025-02-06 08:00'), reports }).filter((r) => r.kind === 'OVERDUE_ESCALATION');
    expect(renderReminder(due, jember).body).toContain(
      '- Subbagian Teknis Penyelenggaraan Pemilu (dikembalikan Selasa, 4 Februari 2025, belum dikirim ulang), alasan pengembalian: Bukti dukung K5.1 belum lengkap',
    );
  });

  it.each([
    ['Keuangan, Umum dan Logistik', 'Subbagian Keuangan, Umum dan Logistik'],
    ['Sub. Bagian Hukum dan SDM', 'Sub. Bagian Hukum dan SDM'],
    ['Subbag Program', 'Subbag Program'],
    ['subbagian umum', 'subbagian umum'],
    ['Substansi Teknis', 'Subbagian Substansi Teknis'],
    ['Bidang Pelayanan Kesehatan', 'Bidang Pelayanan Kesehatan'],
    ['Seksi Pemerintahan', 'Seksi Pemerintahan'],
    ['Bagian Umum', 'Bagian Umum'],
    ['UPTD Puskesmas Oesao', 'UPTD Puskesmas Oesao'],
    ['Bidangan', 'Subbagian Bidangan'],
  ])('names the subbagian %j once: %j', (name, title) => {
    expect(subbagianTitle(name)).toBe(title);
  });

  it('greets the head of a subbagian whose name already says Sub. Bagian without saying it twice', () => {
    const fact = report({ subbagianName: 'Sub. Bagian Hukum dan SDM' });
    const [due] = planReminders({ office: jember, now: at('2025-02-03 08:00'), reports: [fact] });
    const message = renderReminder(due, jember);
    expect(message.body).toContain('Yth. Kepala Sub. Bagian Hukum dan SDM,');
    expect(message.body).toContain('Januari 2025 Sub. Bagian Hukum dan SDM pada KPU Kabupaten Jember');
    expect(message.body).not.toContain('Subbagian Sub.');
  });
});
