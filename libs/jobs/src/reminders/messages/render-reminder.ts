import { officeDaysBetween } from '@kinerja/domain';
import { isStandIn, type DeliveryRole, type ReminderDelivery } from '../facts/delivery';
import type { OfficeReminderSettings, PlannedExtension, PlannedReminder, ReportFact } from '../plan/reminder-plan.types';
import { bulanTahun, daftarBulan, tanggal, tanggalLokal } from './indonesian-dates';
import { roleWord } from './office-head';

/** What a person reads: the same text in the inbox and in the e-mail. */
export interface ReminderMessage {
  subject: string;
  body: string;
}

/**
 * The words an office's unit may already start with: a subbagian, and the units other government
 * offices report by (a Dinas's "Bidang Pelayanan Kesehatan", a "Seksi", a "Bagian", a "UPTD").
 */
const UNIT_NOUN = /^(?:sub\.?\s*bag(?:ian)?|bagian|sub\.?\s*bid(?:ang)?|bidang|sub\.?\s*seksi|seksi|biro|divisi|direktorat|unit|uptd?|tim|kelompok)\b/i;

/**
 * "Subbagian Umum" from the name an office gave its subbagian, which may already say what it is
 * ("Sub. Bagian Hukum dan SDM", "Subbag Keuangan", "Bidang Pelayanan Kesehatan"): never "Subbagian
 * Sub. Bagian …", nor "Subbagian Bidang …".
 */
export function subbagianTitle(name: string): string {
  return UNIT_NOUN.test(name.trim()) ? name.trim() : `Subbagian ${name.trim()}`;
}

/**
 * A unit by the name its office gave it (`subbagianTitle`), or by its code when it has no row
 * ("subbagian YANKES"): how a notice, and the LKj of an office that is not KPU, names a report's unit.
 */
export function unitTitle(name: string | null | undefined, code: string): string {
  return name ? subbagianTitle(name) : `subbagian ${code}`;
}

/** The last paragraph of every notice, after a blank line; `NOTICE_FOOTER_INFO` for one that asks nothing. */
export const NOTICE_FOOTER = 'Pesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk menindaklanjuti.';
export const NOTICE_FOOTER_INFO = 'Pesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk melihat rinciannya.';
const FOOTER = NOTICE_FOOTER;

const ROLE_TITLE: Record<DeliveryRole, string> = { KASUBBAG: 'Kasubbag', SEKRETARIS: 'Sekretaris', KETUA: 'Ketua' };

/** A role as the office's texts name it: its head by `office.head` (`officeHead`), the others as `ROLE_TITLE`. */
function titleOf(role: DeliveryRole, office: OfficeReminderSettings): string {
  return roleWord(role, ROLE_TITLE, office.head);
}

/**
 * Who reads the message instead of its audience, and why: the Sekretaris for a subbagian with no
 * active Kasubbag, the Ketua for an office with no active Sekretaris (or with neither).
 */
interface StandIn {
  role: DeliveryRole;
  vacant: DeliveryRole[];
}

/** A message in parts: the facts are the same for the audience and for a stand-in. */
interface Parts {
  /** Subject before " — <office>"; `about` is where a stand-in's subject names the subbagian. */
  subject: (about: string) => string;
  greeting: string;
  facts: string[];
  /** What the audience itself is asked to do, if anything beyond the footer. */
  request: string | null;
}

/**
 * The text of a reminder for whoever receives it (`delivery`, from the office directory): its own
 * audience, or a stand-in, who is told why they receive it and what to do (have the Admin appoint
 * the missing Kasubbag or Sekretaris). Without `delivery`, the audience's own text.
 */
export function renderReminder(reminder: PlannedReminder, office: OfficeReminderSettings, delivery?: ReminderDelivery): ReminderMessage {
  const standIn = isStandIn(reminder.audience, delivery) && delivery.role !== null ? { role: delivery.role, vacant: delivery.vacantRoles } : null;
  const parts = partsOf(reminder, office, standIn);
  if (!standIn) {
    return {
      subject: `${parts.subject('')} — ${office.name}`,
      // The request, when there is one, is a paragraph of its own: a blank line before the footer in every notice.
      body: [parts.greeting, '', ...parts.facts, '', ...(parts.request ? [parts.request, ''] : []), FOOTER].join('\n'),
    };
  }
  const subbagian = reminder.audience.role === 'KASUBBAG' ? subbagianTitle(reminder.reports[0].subbagianName) : null;
  const missing = standIn.vacant.map((role) => titleOf(role, office)).join(' dan ');
  return {
    subject: `${parts.subject(subbagian ? ` ${subbagian}` : '')} (tidak ada ${missing} aktif) — ${office.name}`,
    body: [
      `Yth. ${titleOf(standIn.role, office)},`,
      '',
      whyYou(reminder, office, standIn, subbagian),
      '',
      ...parts.facts,
      '',
      whatToDo(reminder, office, standIn, subbagian),
      '',
      FOOTER,
    ].join('\n'),
  };
}

function partsOf(r: PlannedReminder, office: OfficeReminderSettings, standIn: StandIn | null): Parts {
  switch (r.kind) {
    case 'BEFORE_DEADLINE':
      return beforeDeadline(r, office);
    case 'OVERDUE_ESCALATION':
      return overdue(r, office);
    case 'RETURNED_REPORT':
      return returned(r, office);
    case 'APPROVAL_DIGEST':
      return digest(r, office, standIn);
    case 'DEADLINE_EXTENDED':
      return dispensasi(r, office);
    default: {
      const _exhaustive: never = r.kind;
      return _exhaustive;
    }
  }
}

/** "Subbagian X pada KPU … tidak memiliki Kasubbag aktif; pengingat … dikirimkan kepada Anda sebagai Sekretaris." */
function whyYou(r: PlannedReminder, office: OfficeReminderSettings, to: StandIn, subbagian: string | null): string {
  const missing: string[] = [];
  if (to.vacant.includes('KASUBBAG')) missing.push(`${subbagian} pada ${office.name} tidak memiliki Kasubbag aktif`);
  if (to.vacant.includes('SEKRETARIS')) missing.push(`${missing.length > 0 ? 'kantor ini juga' : office.name} tidak memiliki Sekretaris aktif`);
  const meant = r.audience.role === 'KASUBBAG' ? `Kepala ${subbagian}` : 'Sekretaris';
  const what = r.kind === 'OVERDUE_ESCALATION' ? 'eskalasi' : r.kind === 'APPROVAL_DIGEST' ? 'ringkasan' : r.kind === 'DEADLINE_EXTENDED' ? 'pemberitahuan' : 'pengingat';
  const sentence = missing.join(', dan ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}; ${what} yang semestinya diterima ${meant} ini dikirimkan kepada Anda sebagai ${titleOf(to.role, office)}.`;
}

/** Only a Kasubbag submits and only a Sekretaris approves: the stand-in has the Admin appoint one. */
function whatToDo(r: PlannedReminder, office: OfficeReminderSettings, to: StandIn, subbagian: string | null): string {
  const appoint: string[] = [];
  if (to.vacant.includes('KASUBBAG')) appoint.push(`Kasubbag untuk ${subbagian} (membuat akun baru atau memindahkan pengguna ke subbagian ini)`);
  if (to.vacant.includes('SEKRETARIS')) appoint.push(`Sekretaris (atau Plh. Sekretaris) untuk ${office.name}`);
  const request = `Mohon minta Admin Kinerja menetapkan ${appoint.join(' serta ')}`;
  if (r.audience.role === 'KASUBBAG') return `Laporan ini hanya dapat diisi dan dikirim oleh Kasubbag subbagian tersebut. ${request}, lalu pastikan laporan dikirim.`;
  if (r.kind === 'APPROVAL_DIGEST') return `Laporan tersebut hanya dapat disetujui atau dikembalikan oleh Sekretaris. ${request}.`;
  return `${request}, agar laporan yang terlambat dapat ditindaklanjuti.`;
}

/** What a report with no blank indicator still needs: a returned one is complete yet wrong, to be corrected, not only sent. */
function nothingBlankWords(report: ReportFact): string {
  return report.status === 'RETURNED'
    ? 'semua indikator sudah diisi; periksa dan perbaiki sesuai alasan pengembalian, lalu kirim ulang'
    : 'semua indikator sudah diisi; laporan tinggal dikirim';
}

/** The same as a sentence of its own. */
function nothingBlank(report: ReportFact): string {
  const words = nothingBlankWords(report);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

function indicatorLines(report: ReportFact): string[] {
  return report.blankIndicators.map((i) => `  - ${i.code} ${i.name}`);
}

/** "Indikator yang masih kosong:" and the list, or, with none blank, what is left to do instead (never the heading over nothing). */
function blankIndicators(report: ReportFact): string[] {
  return report.blankIndicators.length === 0 ? [nothingBlank(report)] : ['Indikator yang masih kosong:', ...indicatorLines(report)];
}

/** The blank indicators of the reports of each month listed: one heading over every month, or the one sentence when none is blank. */
function blankIndicatorsPerMonth(r: PlannedReminder): string[] {
  if (r.reports.every((x) => x.blankIndicators.length === 0)) return [nothingBlank(r.reports[0])];
  // Under the heading, a month with nothing blank says so in brackets, beside the months that have some.
  return ['Indikator yang masih kosong:', ...perMonth(r, (x) => (x.blankIndicators.length === 0 ? [`  (${nothingBlankWords(x)})`] : indicatorLines(x)))];
}

/**
 * Why a month is due so late: "batas waktu susulan: PK 2026 baru disetujui pada Jumat, 20 November 2026",
 * "batas waktu setelah dispensasi"; null for its own deadline. Said once for all the months listed
 * (the catch-up ones are the oldest: their year is the PK's).
 */
function catchUpWords(r: PlannedReminder): string | null {
  if (r.dispensasi) return 'batas waktu setelah dispensasi';
  return r.pkApprovedOn ? `batas waktu susulan: PK ${(r.periods[0] ?? r.period!).year} baru disetujui pada ${tanggal(r.pkApprovedOn)}` : null;
}

/** The months a reminder lists: several for a catch-up deadline, else its one month. */
function monthsOf(r: PlannedReminder) {
  return r.periods.length > 0 ? r.periods : [r.period!];
}

/** The reports of each month listed, under a heading per month ("Maret 2026:") when there are several. */
function perMonth(r: PlannedReminder, lines: (report: ReportFact) => string[]): string[] {
  const months = monthsOf(r);
  if (months.length === 1) return r.reports.flatMap(lines);
  return months.flatMap((p) => [
    `${bulanTahun(p)}:`,
    ...r.reports.filter((report) => report.year === p.year && report.month === p.month).flatMap(lines),
  ]);
}

function beforeDeadline(r: PlannedReminder, office: OfficeReminderSettings): Parts {
  const report = r.reports[0];
  const months = monthsOf(r);
  const bulan = daftarBulan(months);
  const subbagian = subbagianTitle(report.subbagianName);
  return {
    subject: (about) => `Pengingat: laporan realisasi ${bulan}${about} belum dikirim`,
    greeting: `Yth. Kepala ${subbagian},`,
    facts: [
      months.length === 1
        ? `Laporan realisasi kinerja bulan ${bulan} ${subbagian} pada ${office.name} belum dikirim.`
        : `Laporan realisasi kinerja ${subbagian} pada ${office.name} untuk ${months.length} bulan belum dikirim: ${bulan}.`,
      `Batas waktu pengiriman: ${tanggal(r.deadline!)}${catchUpWords(r) ? ` (${catchUpWords(r)})` : ''}.`,
      '',
      ...blankIndicatorsPerMonth(r),
    ],
    request: null,
  };
}

function overdue(r: PlannedReminder, office: OfficeReminderSettings): Parts {
  const bulan = daftarBulan(monthsOf(r));
  const lines = perMonth(r, (report) =>
    report.status === 'RETURNED'
      ? [
          `- ${subbagianTitle(report.subbagianName)} (dikembalikan ${tanggalLokal(report.returnedAt!, office.timeZone)}, belum dikirim ulang), ` +
            `alasan pengembalian: ${report.returnReason ?? '-'}`,
        ]
      : report.blankIndicators.length === 0
        ? [`- ${subbagianTitle(report.subbagianName)} (${report.status === 'DRAFT' ? 'masih draf' : 'belum dibuat'}): semua indikator sudah diisi, laporan tinggal dikirim`]
        : [
            `- ${subbagianTitle(report.subbagianName)} (${report.status === 'DRAFT' ? 'masih draf' : 'belum dibuat'}), indikator kosong:`,
            ...indicatorLines(report).map((l) => `  ${l}`),
          ],
  );
  return {
    subject: () => `Eskalasi: ${r.reports.length} laporan realisasi ${bulan} terlambat`,
    greeting: 'Yth. Sekretaris,',
    facts: [
      `Batas waktu laporan realisasi kinerja bulan ${bulan} pada ${office.name} telah lewat (${[tanggal(r.deadline!), catchUpWords(r)].filter(Boolean).join('; ')}).`,
      'Laporan berikut belum dikirim:',
      ...lines,
    ],
    request: null,
  };
}

/**
 * One report returned: as it always read. Several of one subbagian (one reminder a day): each with its
 * month, the day it was returned, the reason and the indicators still blank, oldest month first.
 */
function returned(r: PlannedReminder, office: OfficeReminderSettings): Parts {
  const report = r.reports[0];
  const subbagian = subbagianTitle(report.subbagianName);
  const dikembalikan = (x: ReportFact) => tanggalLokal(x.returnedAt!, office.timeZone);
  if (r.reports.length === 1) {
    const bulan = bulanTahun(r.period!);
    return {
      subject: (about) => `Pengingat: laporan realisasi ${bulan}${about} dikembalikan dan belum dikirim ulang`,
      greeting: `Yth. Kepala ${subbagian},`,
      facts: [
        `Laporan realisasi kinerja bulan ${bulan} ${subbagian} pada ${office.name} ` +
          `dikembalikan pada ${dikembalikan(report)} dan belum dikirim ulang.`,
        `Alasan pengembalian: ${report.returnReason ?? '-'}`,
        '',
        ...blankIndicators(report),
      ],
      request: 'Silakan perbaiki dan kirim ulang laporan tersebut.',
    };
  }
  return {
    subject: (about) => `Pengingat: ${r.reports.length} laporan realisasi${about} dikembalikan dan belum dikirim ulang`,
    greeting: `Yth. Kepala ${subbagian},`,
    facts: [
      `${r.reports.length} laporan realisasi kinerja ${subbagian} pada ${office.name} dikembalikan dan belum dikirim ulang: ${daftarBulan(monthsOf(r))}.`,
      ...r.reports.flatMap((x) => [
        '',
        `${bulanTahun(x)} — dikembalikan pada ${dikembalikan(x)}.`,
        `Alasan pengembalian: ${x.returnReason ?? '-'}`,
        ...blankIndicators(x),
      ]),
    ],
    request: 'Silakan perbaiki dan kirim ulang laporan-laporan tersebut.',
  };
}

/**
 * A dispensasi announced: the month, the deadline it replaced and the new one, the reason, who granted
 * it; to a Kasubbag, their report it reaches (still owed at the grant) with the indicators still blank;
 * to the Sekretaris, every report it reaches.
 */
function dispensasi(r: PlannedReminder, office: OfficeReminderSettings): Parts {
  if ((r.extensions?.length ?? 0) > 1) return dispensasiOfDay(r, office);
  const e = r.extension!;
  const bulan = bulanTahun(r.period!);
  const grantor = grantorOf(e);
  const about = [
    `Pada ${tanggalLokal(e.grantedAt, office.timeZone)}, ${grantor} memberikan dispensasi batas waktu laporan realisasi ` +
      `kinerja bulan ${bulan} untuk ${office.name}.`,
    `Batas waktu semula: ${tanggal(e.previousDeadline)}.`,
    `Batas waktu baru: ${tanggal(e.until)}.`,
    `Alasan: ${e.reason}`,
    '',
  ];
  const subject = (about: string) => `Dispensasi: batas waktu laporan realisasi ${bulan}${about} diperpanjang sampai ${tanggal(e.until)}`;
  if (r.audience.role === 'KASUBBAG') {
    const report = r.reports[0];
    const subbagian = subbagianTitle(report.subbagianName);
    return {
      subject,
      greeting: `Yth. Kepala ${subbagian},`,
      facts: [
        ...about,
        `Dispensasi ini berlaku untuk laporan ${subbagian}, yang belum dikirim atau dikembalikan saat dispensasi diberikan.`,
        ...blankIndicators(report),
      ],
      request: `Silakan lengkapi dan kirim laporan tersebut paling lambat ${tanggal(e.until)}.`,
    };
  }
  return {
    subject,
    greeting: 'Yth. Sekretaris,',
    facts: [
      ...about,
      ...(r.reports.length > 0
        ? ['Dispensasi ini berlaku untuk laporan yang belum dikirim atau dikembalikan saat dispensasi diberikan:', ...r.reports.map((x) => `- ${subbagianTitle(x.subbagianName)}`)]
        : ['Tidak ada laporan bulan ini yang belum dikirim atau dikembalikan saat dispensasi diberikan.']),
      'Laporan yang sudah dikirim sebelumnya tetap dinilai dengan batas waktu semula.',
    ],
    request: null,
  };
}

const grantorOf = (e: PlannedExtension) => `${e.grantedByName} (${e.grantedByRole === 'ADMIN' ? 'Admin' : 'Sekretaris'})`;

/**
 * The dispensasi of several months granted on one day, in one notice: each month with its deadlines,
 * reason and grantor and, to a Kasubbag, their report of it with the indicators still blank; to the
 * Sekretaris, the reports each reaches.
 */
function dispensasiOfDay(r: PlannedReminder, office: OfficeReminderSettings): Parts {
  const grants = r.extensions!;
  const bulan = daftarBulan(r.periods);
  const until = r.deadline ? ` sampai ${tanggal(r.deadline)}` : '';
  const subject = (about: string) => `Dispensasi: batas waktu laporan realisasi ${bulan}${about} diperpanjang${until}`;
  const opening =
    `Pada ${tanggalLokal(r.dueAt, office.timeZone)} diberikan dispensasi batas waktu laporan realisasi kinerja ` +
    `${grants.length} bulan untuk ${office.name}: ${bulan}.`;
  const ofMonth = (e: PlannedExtension) => r.reports.filter((x) => x.year === e.year && x.month === e.month);
  const block = (e: PlannedExtension, reached: string[]) => [
    '',
    `${bulanTahun(e)} — diberikan oleh ${grantorOf(e)}.`,
    `Batas waktu semula: ${tanggal(e.previousDeadline)}.`,
    `Batas waktu baru: ${tanggal(e.until)}.`,
    `Alasan: ${e.reason}`,
    ...reached,
  ];
  if (r.audience.role === 'KASUBBAG') {
    const subbagian = subbagianTitle(r.reports[0].subbagianName);
    return {
      subject,
      greeting: `Yth. Kepala ${subbagian},`,
      facts: [
        opening,
        `Dispensasi ini berlaku untuk laporan ${subbagian} bulan-bulan tersebut, yang belum dikirim atau dikembalikan saat dispensasi diberikan.`,
        ...grants.flatMap((e) => block(e, ofMonth(e).flatMap(blankIndicators))),
      ],
      request: r.deadline
        ? `Silakan lengkapi dan kirim laporan-laporan tersebut paling lambat ${tanggal(r.deadline)}.`
        : 'Silakan lengkapi dan kirim setiap laporan tersebut paling lambat batas waktu barunya masing-masing.',
    };
  }
  return {
    subject,
    greeting: 'Yth. Sekretaris,',
    facts: [
      opening,
      ...grants.flatMap((e) => {
        const reports = ofMonth(e);
        return block(e, reports.length > 0
          ? ['Berlaku untuk laporan yang belum dikirim atau dikembalikan saat dispensasi diberikan:', ...reports.map((x) => `- ${subbagianTitle(x.subbagianName)}`)]
          : ['Tidak ada laporan bulan ini yang belum dikirim atau dikembalikan saat dispensasi diberikan.']);
      }),
      '',
      'Laporan yang sudah dikirim sebelumnya tetap dinilai dengan batas waktu semula.',
    ],
    request: null,
  };
}

function digest(r: PlannedReminder, office: OfficeReminderSettings, standIn: StandIn | null): Parts {
  const lines = r.reports.map((report, i) => {
    // Office-calendar days, as `daysLate` and the approval inbox count them: sent on the 8th, 20 days on the 28th.
    const days = officeDaysBetween(report.submittedAt!, r.dueAt, office.timeZone);
    return `${i + 1}. ${subbagianTitle(report.subbagianName)} — ${bulanTahun(report)}, dikirim ${tanggalLokal(report.submittedAt!, office.timeZone)} (${days < 1 ? 'menunggu kurang dari 1 hari' : `menunggu ${days} hari`})`;
  });
  if (r.digestCopy?.of === 'NO_OTHER_SEKRETARIS') {
    const names = r.digestCopy.sekretarisNames ?? [];
    const who = names.length > 1
      ? `setiap Sekretaris aktif (${names.join(', ')}), dari akunnya sendiri atau akun lain miliknya, yang tidak dapat menyetujui atau ` +
        'mengembalikan laporan yang diajukannya sendiri'
      : `satu-satunya Sekretaris aktif${names.length === 1 ? `, ${names[0]} (dari akunnya sendiri atau akun lain miliknya)` : ''}, ` +
        'yang tidak dapat menyetujui atau mengembalikan laporan yang diajukannya sendiri';
    return {
      subject: () => `Ringkasan: ${r.reports.length} laporan realisasi menunggu persetujuan Sekretaris lain`,
      greeting: `Yth. ${titleOf('KETUA', office)},`,
      facts: [
        `Laporan realisasi kinerja berikut pada ${office.name} menunggu persetujuan, tetapi diajukan oleh ${who} (yang terlama lebih dahulu):`,
        ...lines,
      ],
      request: `Laporan tersebut hanya dapat disetujui atau dikembalikan oleh Sekretaris lain. Mohon minta Admin Kinerja menetapkan Sekretaris lain (atau Plh. Sekretaris) untuk ${office.name}.`,
    };
  }
  const own = r.digestCopy?.of === 'OTHERS' ? r.digestCopy.ownLeftOut : 0;
  return {
    subject: () => `Ringkasan: ${r.reports.length} laporan realisasi menunggu persetujuan`,
    greeting: 'Yth. Sekretaris,',
    facts: [
      `Laporan realisasi kinerja berikut pada ${office.name} menunggu persetujuan ${standIn ? 'Sekretaris' : 'Anda'} (yang terlama lebih dahulu):`,
      ...lines,
      ...(own > 0
        ? ['', `Selain itu, ${own} laporan yang Anda ajukan sendiri juga menunggu persetujuan; laporan tersebut tidak dicantumkan di sini karena harus disetujui atau dikembalikan oleh Sekretaris lain.`]
        : []),
    ],
    request: null,
  };
}
