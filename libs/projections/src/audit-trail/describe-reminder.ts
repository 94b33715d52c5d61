import type { RecordedEvent } from '@kinerja/event-store';
import type { AuditTrailState } from './audit-trail.state';
import { type AuditChange, monthName } from './audit-trail.types';
import type { Description } from './describe.types';

/**
 * What `ReminderSent` carries, as libs/jobs' reminder recorder writes it (that library depends on
 * this one, so the shape is restated here rather than imported).
 */
interface ReminderSentData {
  kind: string;
  audience: { role: 'KASUBBAG'; subbagian: string } | { role: 'SEKRETARIS' } | { role: 'INSPEKTORAT'; satker: string } | { role: PkLkjRole }
    | { role: 'INTEGRITY_WATCHERS'; satker: string };
  /** Only on the catatan reviu notices (`CATATAN_REVIU_*`, `TINDAK_LANJUT_SUBMITTED`): the note it is about. */
  catatanReviu?: { noteId: string; category: string; title: string; number?: number };
  /** Only on the PK notices (`PK_SUBMITTED`, `PK_RETURNED`, `PK_APPROVED`): the version it is about. */
  pk?: { year: number; version: number; perubahan?: boolean };
  /** Only on the LKj notices (`LKJ_PRODUCED`, `LKJ_STALE`, `LKJ_SIGNED`): the version it is about. */
  lkj?: { year: number; version: number };
  /** Only on `INTEGRITY_ALERT`: the alert announced (its kind, and the stored file it is about or the chain's first broken sequence). */
  integrityAlert?: { id: number; kind: string; subject: string | null; brokenSequence: number | null };
  /**
   * Who actually received it, when its audience had nobody active: a stand-in (the Sekretaris for a
   * Kasubbag, the Ketua for a Sekretaris) or nobody (`role` null), with the roles found vacant.
   * Absent from events recorded before stand-ins existed: those went to their audience.
   */
  delivery?: { role: DeliveryRole | null; vacantRoles: DeliveryRole[] };
  period: { year: number; month: number } | null;
  /**
   * Every month it listed, oldest first (the months of one catch-up deadline), `period` being the
   * last. Absent from events recorded before reminders listed several months: `period` alone.
   */
  periods?: Array<{ year: number; month: number }>;
  deadline: { year: number; month: number; day: number } | null;
  /** Only when `deadline` is a catch-up deadline: the day the PK of the period's year was first approved. */
  pkApprovedOn?: { year: number; month: number; day: number };
  /** Only when `deadline` is the day of a dispensasi. */
  dispensasi?: boolean;
  /** Only on `DEADLINE_EXTENDED`: the dispensasi announced. */
  extension?: {
    previousDeadline: { year: number; month: number; day: number };
    until: { year: number; month: number; day: number };
    reason: string;
    grantedByName: string;
  };
  /**
   * Only on `DEADLINE_EXTENDED` listing several: the dispensasi of one day announced together, each
   * with its month, oldest first (`extension` is the first). Absent when one was announced.
   */
  extensions?: Array<{
    year: number;
    month: number;
    previousDeadline: { year: number; month: number; day: number };
    until: { year: number; month: number; day: number };
    reason: string;
    grantedByName: string;
  }>;
  reports: Array<{ year: number; month: number; subbagian: string; status: string; blankIndicators: string[] }>;
  recipientIds: string[];
  /**
   * Only on an approval digest some recipients read in a copy of their own: a Sekretaris's without
   * the reports they submitted themselves, the Ketua's with those only the Ketua can see through
   * (`approvalDigestCopies`). Everyone else read `reports`. Absent before copies existed.
   */
  copies?: Array<{ recipientId: string; role: DeliveryRole | null; reports: Array<{ year: number; month: number; subbagian: string }> }>;
}

/** The PK and LKj notices' audiences: whoever may approve a PK, its submitter, the Ketua and the Sekretaris. */
type PkLkjRole = 'PK_REVIEWERS' | 'PK_SUBMITTER' | 'PIMPINAN';

type DeliveryRole = 'KASUBBAG' | 'SEKRETARIS' | 'KETUA' | 'INSPEKTORAT' | PkLkjRole | 'INTEGRITY_WATCHERS';

const PK_LKJ_ROLE_WORDS: Record<PkLkjRole, string> = {
  PK_REVIEWERS: 'Ketua dan Sekretaris yang dapat menyetujui', PK_SUBMITTER: 'Sekretaris pengaju', PIMPINAN: 'Ketua dan Sekretaris',
};

const STATUS_WORDS: Record<string, string> = {
  NOT_STARTED: 'belum dibuat', DRAFT: 'masih draf', SUBMITTED: 'menunggu persetujuan', RETURNED: 'dikembalikan, belum diajukan kembali',
  APPROVED: 'disetujui', REVISING: 'sedang diperbaiki',
};

function period(p: { year: number; month: number }): string {
  return `${monthName(p.month)} ${p.year}`;
}

/** "Maret 2024", or "Januari 2024 – November 2024 (11 bulan)" for several. */
function months(d: ReminderSentData): string {
  const all = d.periods && d.periods.length > 0 ? d.periods : d.period ? [d.period] : [];
  if (all.length <= 1) return all.length === 1 ? period(all[0]) : '';
  return `${period(all[0])} – ${period(all[all.length - 1])} (${all.length} bulan)`;
}

/** What the reminder was about, by its kind, after "Mengirim … kepada …: ". */
function aboutWords(d: ReminderSentData): { what: string; about: string } {
  const month = months(d);
  const pkYear = (d.periods?.[0] ?? d.period)?.year;
  const date = (x: { year: number; month: number; day: number }) => `${x.day} ${monthName(x.month)} ${x.year}`;
  const catchUp = d.dispensasi
    ? ' (setelah dispensasi)'
    : d.pkApprovedOn && pkYear ? ` (batas waktu susulan, PK ${pkYear} disetujui ${date(d.pkApprovedOn)})` : '';
  const deadline = d.deadline ? `${date(d.deadline)}${catchUp}` : '';
  switch (d.kind) {
    case 'BEFORE_DEADLINE':
      return { what: 'pengingat', about: `laporan realisasi ${month} belum diajukan, batas waktu ${deadline}` };
    case 'OVERDUE_ESCALATION':
      return { what: 'eskalasi keterlambatan', about: `${d.reports.length} laporan realisasi ${month} belum diajukan setelah batas waktu ${deadline}` };
    case 'RETURNED_REPORT':
      // Several returned reports of one subbagian are reminded together: named month by month (not a range).
      return d.periods && d.periods.length > 1
        ? { what: 'pengingat', about: `${d.periods.length} laporan realisasi yang dikembalikan (${d.periods.map(period).join(', ')}) belum diajukan kembali` }
        : { what: 'pengingat', about: `laporan realisasi ${month} yang dikembalikan belum diajukan kembali` };
    case 'APPROVAL_DIGEST':
      return { what: 'ringkasan harian', about: `${d.reports.length} laporan realisasi menunggu persetujuan` };
    case 'DEADLINE_EXTENDED': {
      if (d.extensions && d.extensions.length > 1) {
        const each = d.extensions.map((x) =>
          `${period(x)} dari ${date(x.previousDeadline)} menjadi ${date(x.until)}, diberikan oleh ${x.grantedByName}, alasan: ${x.reason}`);
        return { what: 'pemberitahuan dispensasi', about: `batas waktu laporan realisasi ${d.extensions.length} bulan diperpanjang: ${each.join('; ')} (${d.reports.length} laporan)` };
      }
      const e = d.extension;
      const detail = e
        ? ` dari ${date(e.previousDeadline)} menjadi ${date(e.until)}, diberikan oleh ${e.grantedByName}, alasan: ${e.reason}`
        : d.deadline ? ` sampai ${date(d.deadline)}` : '';
      return { what: 'pemberitahuan dispensasi', about: `batas waktu laporan realisasi ${month} diperpanjang${detail} (${d.reports.length} laporan)` };
    }
    case 'CATATAN_REVIU_WRITTEN':
      return { what: 'pemberitahuan catatan reviu', about: `${noteWords(d)} baru ditulis dan menunggu tindak lanjut` };
    case 'TINDAK_LANJUT_SUBMITTED':
      return { what: 'pemberitahuan tindak lanjut', about: `tindak lanjut ke-${d.catatanReviu?.number ?? '?'} atas ${noteWords(d)} menunggu diperiksa` };
    case 'CATATAN_REVIU_CLOSED':
      return { what: 'pemberitahuan catatan reviu', about: `${noteWords(d)} ditutup` };
    case 'CATATAN_REVIU_REOPENED':
      return { what: 'pemberitahuan catatan reviu', about: `${noteWords(d)} dibuka kembali dan menunggu tindak lanjut baru` };
    case 'PK_SUBMITTED':
      return { what: 'pemberitahuan PK', about: `${pkWords(d)} diajukan dan menunggu persetujuan` };
    case 'PK_RETURNED':
      return { what: 'pemberitahuan PK', about: `${pkWords(d)} dikembalikan` };
    case 'PK_APPROVED':
      return { what: 'pemberitahuan PK', about: `${pkWords(d)} disetujui` };
    case 'LKJ_PRODUCED':
      return { what: 'pemberitahuan LKj', about: `LKj ${d.lkj?.year ?? '?'} versi ${d.lkj?.version ?? '?'} selesai dibuat` };
    case 'LKJ_STALE':
      return { what: 'pemberitahuan LKj', about: `LKj ${d.lkj?.year ?? '?'} versi ${d.lkj?.version ?? '?'} tidak lagi mutakhir` };
    case 'LKJ_SIGNED':
      return { what: 'pemberitahuan LKj', about: `LKj ${d.lkj?.year ?? '?'} versi ${d.lkj?.version ?? '?'} ditandatangani Ketua` };
    case 'INTEGRITY_ALERT':
      return { what: 'pemberitahuan peringatan integritas', about: `peringatan integritas #${d.integrityAlert?.id ?? '?'} dicatat (${alertWords(d)})` };
    default:
      return { what: `pengingat ${d.kind}`, about: `${d.reports.length} laporan realisasi` };
  }
}

/** "jejak audit rusak pada urutan 169", "berkas bukti dukung rusak". */
function alertWords(d: ReminderSentData): string {
  const a = d.integrityAlert;
  if (!a) return 'jejak audit rusak';
  if (a.subject !== null) return a.subject.startsWith('lkj:') ? 'berkas LKj rusak' : 'berkas bukti dukung rusak';
  return a.brokenSequence === null ? 'jejak audit rusak' : `jejak audit rusak pada urutan ${a.brokenSequence}`;
}

/** "PK 2026 versi 1", "PK Perubahan 2026 versi 2". */
function pkWords(d: ReminderSentData): string {
  return d.pk ? `PK${d.pk.perubahan ? ' Perubahan' : ''} ${d.pk.year} versi ${d.pk.version}` : 'PK';
}

/** 'temuan "Bukti dukung kurang"', 'catatan reviu "…"'. */
function noteWords(d: ReminderSentData): string {
  const n = d.catatanReviu;
  return n ? `${n.category === 'TEMUAN' ? 'temuan' : 'catatan reviu'} "${n.title}"` : 'catatan reviu';
}

function personWords(state: AuditTrailState, id: string): string {
  const actor = state.actor(id);
  return actor ? `${actor.fullName} (${actor.username})` : id;
}

function recipients(state: AuditTrailState, ids: readonly string[]): string | null {
  return ids.length === 0 ? null : ids.map((id) => personWords(state, id)).join(', ');
}

/**
 * The digest's own copies, one row each: who read which reports, and why theirs differs. "Siti
 * (sekretaris): salinan tanpa 1 laporan yang diajukannya sendiri; 1 laporan: Maret 2024 subbagian KUL".
 */
function copyChanges(d: ReminderSentData, state: AuditTrailState): AuditChange[] {
  return (d.copies ?? []).map((copy) => {
    const listed = copy.reports.map((r) => `${period(r)} subbagian ${r.subbagian}`).join(', ');
    const why = copy.role === 'KETUA'
      ? `sebagai Ketua, laporan yang diajukan sendiri oleh setiap Sekretaris sehingga tidak ada Sekretaris lain yang dapat menyetujuinya`
      : `salinan tanpa ${d.reports.length - copy.reports.length} laporan yang diajukannya sendiri`;
    return { indicatorCode: null, indicatorName: null, field: 'salinan', before: null, after: `${personWords(state, copy.recipientId)}: ${why}; ${copy.reports.length} laporan: ${listed}` };
  });
}

/** " 2 penerima membaca salinan yang berbeda: Siti (sekretaris), Budi (ketua)." — empty without copies. */
function copyWords(d: ReminderSentData, state: AuditTrailState): string {
  const copies = d.copies ?? [];
  if (copies.length === 0) return '';
  return ` ${copies.length} penerima membaca salinan yang berbeda: ${copies.map((c) => personWords(state, c.recipientId)).join(', ')}.`;
}

/** "Kasubbag KUL", "Sekretaris", "Ketua". */
function roleWords(role: DeliveryRole, d: ReminderSentData): string {
  if (role === 'KASUBBAG') return d.audience.role === 'KASUBBAG' ? `Kasubbag ${d.audience.subbagian}` : 'Kasubbag';
  if (role === 'INSPEKTORAT') return d.audience.role === 'INSPEKTORAT' ? `Inspektorat ${d.audience.satker}` : 'Inspektorat';
  if (role === 'INTEGRITY_WATCHERS') return 'Inspektorat dan Administrator';
  if (role in PK_LKJ_ROLE_WORDS) return PK_LKJ_ROLE_WORDS[role as PkLkjRole];
  return role === 'SEKRETARIS' ? 'Sekretaris' : 'Ketua';
}

/** "tidak ada Kasubbag KUL aktif", "tidak ada Kasubbag KUL, Sekretaris maupun Ketua aktif". */
function vacancyWords(d: ReminderSentData, vacant: readonly DeliveryRole[]): string {
  const names = vacant.map((role) => roleWords(role, d));
  const listed = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} maupun ${names[names.length - 1]}`;
  return `tidak ada ${listed} aktif`;
}

/** A reminder, escalation or digest sent by the system: to whom (and instead of whom), about which reports. */
export function describeReminder(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (event.type !== 'ReminderSent') return null;
  const d = event.data as ReminderSentData;
  const to = roleWords(d.audience.role, d);
  const { what, about } = aboutWords(d);
  const delivery = d.delivery ?? { role: d.audience.role, vacantRoles: [] };
  const changes: AuditChange[] = [
    { indicatorCode: null, indicatorName: null, field: 'penerima', before: null, after: recipients(state, d.recipientIds) },
    ...(delivery.role === d.audience.role
      ? []
      : [{ indicatorCode: null, indicatorName: null, field: 'diterima oleh', before: to, after: delivery.role ? roleWords(delivery.role, d) : null }]),
    ...d.reports.map((r) => {
      const blank = r.blankIndicators.length > 0 ? `; indikator kosong: ${r.blankIndicators.join(', ')}` : '';
      const status = STATUS_WORDS[r.status] ?? r.status;
      return { indicatorCode: null, indicatorName: null, field: 'laporan', before: null, after: `${period(r)} subbagian ${r.subbagian}: ${status}${blank}` };
    }),
    ...copyChanges(d, state),
  ];
  const summary =
    delivery.role === d.audience.role
      ? `Mengirim ${what} kepada ${to} (${d.recipientIds.length} penerima): ${about}.`
      : delivery.role
        ? `Mengirim ${what} untuk ${to} kepada ${roleWords(delivery.role, d)} sebagai pengganti, karena ${vacancyWords(d, delivery.vacantRoles)} ` +
          `(${d.recipientIds.length} penerima): ${about}.`
        : `Mencatat ${what} untuk ${to} tanpa penerima, karena ${vacancyWords(d, delivery.vacantRoles)}: ${about}.`;
  const summaryWithCopies = summary + copyWords(d, state);
  return {
    subjectKind: 'PENGINGAT', year: d.period?.year ?? d.pk?.year ?? d.lkj?.year ?? null, month: d.period?.month ?? null,
    subbagian: d.audience.role === 'KASUBBAG' ? d.audience.subbagian : null, changes, summary: summaryWithCopies,
  };
}
