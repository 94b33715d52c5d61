import type { OfficeReminderSettings, PlannedReminder, ReportFact } from '../plan/reminder-plan.types';
import { bulanTahun, tanggal, tanggalLokal } from './indonesian-dates';

/** What a person reads: the same text in the inbox and in the e-mail. */
export interface ReminderMessage {
  subject: string;
  body: string;
}

/**
 * "Subbagian Umum" from the name an office gave its subbagian, which may already say so ("Sub. Bagian
 * Hukum dan SDM", "Subbag Keuangan"): never "Subbagian Sub. Bagian …".
 */
export function subbagianTitle(name: string): string {
  return /^sub\.?\s*bag(?:ian)?\b/i.test(name.trim()) ? name.trim() : `Subbagian ${name.trim()}`;
}

const FOOTER = 'Pesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk menindaklanjuti.';

export function renderReminder(reminder: PlannedReminder, office: OfficeReminderSettings): ReminderMessage {
  switch (reminder.kind) {
    case 'BEFORE_DEADLINE':
      return beforeDeadline(reminder, office);
    case 'OVERDUE_ESCALATION':
      return overdue(reminder, office);
    case 'RETURNED_REPORT':
      return returned(reminder, office);
    case 'APPROVAL_DIGEST':
      return digest(reminder, office);
    default: {
      const _exhaustive: never = reminder.kind;
      return _exhaustive;
    }
  }
}

function indicatorLines(report: ReportFact): string[] {
  if (report.blankIndicators.length === 0) return ['  (semua indikator sudah diisi; laporan tinggal dikirim)'];
  return report.blankIndicators.map((i) => `  - ${i.code} ${i.name}`);
}

function beforeDeadline(r: PlannedReminder, office: OfficeReminderSettings): ReminderMessage {
  const report = r.reports[0];
  const bulan = bulanTahun(r.period!);
  return {
    subject: `Pengingat: laporan realisasi ${bulan} belum dikirim — ${office.name}`,
    body: [
      `Yth. Kepala ${subbagianTitle(report.subbagianName)},`,
      '',
      `Laporan realisasi kinerja bulan ${bulan} ${subbagianTitle(report.subbagianName)} pada ${office.name} belum dikirim.`,
      `Batas waktu pengiriman: ${tanggal(r.deadline!)}.`,
      '',
      'Indikator yang masih kosong:',
      ...indicatorLines(report),
      '',
      FOOTER,
    ].join('\n'),
  };
}

function overdue(r: PlannedReminder, office: OfficeReminderSettings): ReminderMessage {
  const bulan = bulanTahun(r.period!);
  const lines = r.reports.flatMap((report) =>
    report.status === 'RETURNED'
      ? [
          `- ${subbagianTitle(report.subbagianName)} (dikembalikan ${tanggalLokal(report.returnedAt!, office.timeZone)}, belum dikirim ulang), ` +
            `alasan pengembalian: ${report.returnReason ?? '-'}`,
        ]
      : [
          `- ${subbagianTitle(report.subbagianName)} (${report.status === 'DRAFT' ? 'masih draf' : 'belum dibuat'}), indikator kosong:`,
          ...indicatorLines(report).map((l) => `  ${l}`),
        ],
  );
  return {
    subject: `Eskalasi: ${r.reports.length} laporan realisasi ${bulan} terlambat — ${office.name}`,
    body: [
      'Yth. Sekretaris,',
      '',
      `Batas waktu laporan realisasi kinerja bulan ${bulan} pada ${office.name} telah lewat (${tanggal(r.deadline!)}).`,
      'Laporan berikut belum dikirim:',
      ...lines,
      '',
      FOOTER,
    ].join('\n'),
  };
}

function returned(r: PlannedReminder, office: OfficeReminderSettings): ReminderMessage {
  const report = r.reports[0];
  const bulan = bulanTahun(r.period!);
  return {
    subject: `Pengingat: laporan realisasi ${bulan} dikembalikan dan belum dikirim ulang — ${office.name}`,
    body: [
      `Yth. Kepala ${subbagianTitle(report.subbagianName)},`,
      '',
      `Laporan realisasi kinerja bulan ${bulan} ${subbagianTitle(report.subbagianName)} pada ${office.name} ` +
        `dikembalikan pada ${tanggalLokal(report.returnedAt!, office.timeZone)} dan belum dikirim ulang.`,
      `Alasan pengembalian: ${report.returnReason ?? '-'}`,
      '',
      'Indikator yang masih kosong:',
      ...indicatorLines(report),
      '',
      'Silakan perbaiki dan kirim ulang laporan tersebut.',
      FOOTER,
    ].join('\n'),
  };
}

function digest(r: PlannedReminder, office: OfficeReminderSettings): ReminderMessage {
  const dueAt = new Date(r.dueAt).getTime();
  const lines = r.reports.map((report, i) => {
    const days = Math.floor((dueAt - new Date(report.submittedAt!).getTime()) / 86_400_000);
    return `${i + 1}. ${subbagianTitle(report.subbagianName)} — ${bulanTahun(report)}, dikirim ${tanggalLokal(report.submittedAt!, office.timeZone)} (menunggu ${days} hari)`;
  });
  return {
    subject: `Ringkasan: ${r.reports.length} laporan realisasi menunggu persetujuan — ${office.name}`,
    body: [
      'Yth. Sekretaris,',
      '',
      `Laporan realisasi kinerja berikut pada ${office.name} menunggu persetujuan Anda (yang terlama lebih dahulu):`,
      ...lines,
      '',
      FOOTER,
    ].join('\n'),
  };
}
