import { renderReminder } from '../messages/render-reminder';
import { leaveOutMonthsSent, planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const returned = (input: Parameters<typeof planReminders>[0]) =>
  planReminders(input).filter((r) => r.kind === 'RETURNED_REPORT');

describe('daily reminder of a returned report', () => {
  const fact = report({ month: 3, status: 'RETURNED', returnedAt: at('2025-04-07 10:00').toISOString(), returnReason: 'Bukti dukung kurang' });

  it('is not sent on the morning before the return', () => {
    expect(returned({ office: office(), now: at('2025-04-07 15:00'), reports: [fact] })).toEqual([]);
  });

  it('reminds the Kasubbag each morning from the next day, one key per day, weekends included', () => {
    const keys = ['2025-04-08', '2025-04-12', '2025-04-13'].map(
      (day) => returned({ office: office(), now: at(`${day} 08:00`), reports: [fact] })[0]?.key,
    );
    expect(keys).toEqual([
      'returned:kpu-jember:2025-03:KUL:2025-04-08',
      'returned:kpu-jember:2025-03:KUL:2025-04-12',
      'returned:kpu-jember:2025-03:KUL:2025-04-13',
    ]);
  });

  it('is addressed to the Kasubbag of the report and carries the reason', () => {
    const [due] = returned({ office: office(), now: at('2025-04-08 09:00'), reports: [fact] });
    expect(due.audience).toEqual({ role: 'KASUBBAG', subbagian: 'KUL' });
    expect(due.reports[0].returnReason).toBe('Bukti dukung kurang');
  });

  it('stops once the report is submitted again', () => {
    const resubmitted = { ...fact, status: 'SUBMITTED' as const, submittedAt: at('2025-04-08 12:00').toISOString() };
    expect(returned({ office: office(), now: at('2025-04-09 08:00'), reports: [resubmitted] })).toEqual([]);
  });

  it('is not due before 08:00', () => {
    expect(returned({ office: office(), now: at('2025-04-08 07:00'), reports: [fact] })).toEqual([]);
  });
});

describe('returned reports of one subbagian, reminded together each morning', () => {
  const returnedOn = (month: number, day: string, reason: string, subbagian = 'KUL') =>
    report({ month, subbagian, status: 'RETURNED', returnedAt: at(`${day} 10:00`).toISOString(), returnReason: reason,
      moves: [{ type: 'RealisasiSubmitted', at: at('2025-04-01 09:00').toISOString() }, { type: 'RealisasiReturned', at: at(`${day} 10:00`).toISOString() }] });
  const january = returnedOn(1, '2025-04-03', 'Angka tidak sesuai bukti');
  const march = returnedOn(3, '2025-04-07', 'Bukti dukung kurang');
  const pdi = returnedOn(2, '2025-04-07', 'Lampiran salah', 'PDI');

  it('given two reports of KUL and one of PDI returned, when the morning comes, then KUL gets one reminder listing both under the grouped key and PDI keeps the per-report key', () => {
    const due = returned({ office: office(), now: at('2025-04-08 08:00'), reports: [march, pdi, january] });
    expect(due.map((r) => r.key)).toEqual(['returned:kpu-jember:KUL:2025-04-08', 'returned:kpu-jember:2025-02:PDI:2025-04-08']);
    expect(due[0].reports.map((r) => r.month)).toEqual([1, 3]);
    expect(due[0].periods).toEqual([{ year: 2025, month: 1 }, { year: 2025, month: 3 }]);
    expect(due[0].audience).toEqual({ role: 'KASUBBAG', subbagian: 'KUL' });
  });

  it('given the day of an upgrade on which January was already reminded under its per-report key, then the grouped reminder lists March alone', () => {
    const [kul] = returned({ office: office(), now: at('2025-04-08 09:00'), reports: [january, march] });
    expect(kul.supersedes).toEqual([
      { period: { year: 2025, month: 1 }, key: 'returned:kpu-jember:2025-01:KUL:2025-04-08' },
      { period: { year: 2025, month: 3 }, key: 'returned:kpu-jember:2025-03:KUL:2025-04-08' },
    ]);
    const left = leaveOutMonthsSent(kul, new Set(['returned:kpu-jember:2025-01:KUL:2025-04-08']))!;
    expect(left.key).toBe('returned:kpu-jember:KUL:2025-04-08');
    expect(left.reports.map((r) => r.month)).toEqual([3]);
    expect(leaveOutMonthsSent(kul, new Set(kul.supersedes!.map((s) => s.key)))).toBeNull();
  });

  it('given the grouped reminder recorded at 08:00 and January sent again at 09:00, when the hourly run plans March alone under its per-report key, then the grouped key leaves it out', () => {
    const resent = { ...january, status: 'SUBMITTED' as const, submittedAt: at('2025-04-08 09:00').toISOString() };
    const [single] = returned({ office: office(), now: at('2025-04-08 10:00'), reports: [resent, march] });
    expect(single.key).toBe('returned:kpu-jember:2025-03:KUL:2025-04-08');
    expect(leaveOutMonthsSent(single, new Set(['returned:kpu-jember:KUL:2025-04-08']))).toBeNull();
  });

  it('says, month by month, when each was returned, why, and which indicators are blank', () => {
    const [kul] = returned({ office: office(), now: at('2025-04-08 08:00'), reports: [january, march] });
    const { subject, body } = renderReminder(kul, office());
    expect(subject).toBe('Pengingat: 2 laporan realisasi dikembalikan dan belum dikirim ulang — KPU Kabupaten Jember');
    expect(body).toContain('2 laporan realisasi kinerja Subbagian Keuangan, Umum dan Logistik pada KPU Kabupaten Jember dikembalikan dan belum dikirim ulang: Januari, Maret 2025.');
    expect(body).toContain('Januari 2025 — dikembalikan pada Kamis, 3 April 2025.\nAlasan pengembalian: Angka tidak sesuai bukti\nIndikator yang masih kosong:\n  - K1.1 Laporan Keuangan');
    expect(body).toContain('Maret 2025 — dikembalikan pada Senin, 7 April 2025.\nAlasan pengembalian: Bukti dukung kurang');
  });
});
