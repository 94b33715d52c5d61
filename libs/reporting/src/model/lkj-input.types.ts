import type { KinerjaTable, PkVersionInForce, RatingScale } from '@kinerja/domain';
import type { OfficeLevel } from './office-identity';

/**
 * What the LKj job hands to `buildLkjModel`: plain data read from the read models. Tabel 3.2 is the
 * domain's `KinerjaTable` exactly as the API serves it, so the report cannot disagree with it.
 * Decimal figures are strings, dates ISO (`2025-01-17`), instants ISO with offset.
 */

export interface SubbagianInput {
  code: string;
  name: string;
  /** Tugas pokok of the subbagian, one line each (may be empty). */
  duties: string[];
}

export interface StaffRowInput {
  /** Status pegawai: "ASN", "PPNPN", "PPPK", ... */
  status: string;
  /** Head count per education level, keyed by the labels of `StaffInput.educationLevels`. */
  counts: Record<string, number>;
}

export interface StaffInput {
  /** Column order of Tabel 1.1, e.g. ["SMP", "SLTA", "Diploma", "Sarjana", "Magister"]. */
  educationLevels: string[];
  rows: StaffRowInput[];
}

/** A KPU office, or any other government office (whose LKj carries no KPU wording). */
export type OfficeKind = 'KPU' | 'LAINNYA';

export interface OfficeProfileInput {
  code: string;
  /** Formal name: "Sekretariat KPU Kabupaten Jember", "Sekretariat Jenderal KPU RI". */
  name: string;
  /** Absent: KPU. */
  kind?: OfficeKind;
  /** Level in the KPU hierarchy; when absent, read from the name (`officeLevelOf`). Not read for another kind of office. */
  level?: OfficeLevel;
  /**
   * The head's title printed over the signature ("Kepala Dinas Kesehatan Kabupaten Kupang"), in capitals;
   * absent: KETUA under the institution line, as a KPU office signs. When it names the institution, the
   * institution line is not printed above it again.
   */
  headTitle?: string;
  /** Name used in running text and on the cover: "KPU Kabupaten Jember", "Sekretariat Jenderal KPU RI" (see `officeIdentity`). */
  shortName: string;
  /** Institution line on the cover and signature: "Komisi Pemilihan Umum Kabupaten Jember". */
  institutionName: string;
  region: string;
  address: string | null;
  timeZone: string;
  /** The head's name under the signature; empty: a blank line, signed and named by hand. */
  ketua: string;
  sekretaris: string;
  /** Tugas of the Sekretariat, one item each. */
  tasks: string[];
  /** Fungsi/kewenangan, one item each (may be empty). */
  functions: string[];
  subbagian: SubbagianInput[];
  staff: StaffInput;
}

/**
 * What the Kasubbag wrote about one indicator over the year, and last year's capaian. Build it from
 * the approved monthly reports with `collectIndicatorNotes`, then add `capaianPrevYear`.
 */
export interface IndicatorNotesInput {
  indicatorCode: string;
  /** Last year's capaian (from Kinerja or imported), two places ("100.00"); null when unknown. */
  capaianPrevYear: string | null;
  narratives: string[];
  kendala: string[];
  /**
   * True when a monthly report said there was no kendala ("Tidak ada", "-", "Nihil", "Tidak ada
   * kendala berarti.": `saysNone`): an empty `kendala` then means none, not that none was recorded.
   */
  kendalaNoneSaid?: boolean;
  solusi: string[];
  /** Activity named in the per-indicator table of BAB III; defaults to the indicator's sasaran. */
  activity?: string;
}

export interface ApprovalHistoryInput {
  /** ISO instant. */
  at: string;
  actorName: string;
  /** Role code: KASUBBAG, SEKRETARIS, KETUA, ... */
  role: string;
  /** What happened, in Indonesian: "Menyetujui laporan realisasi Januari 2024 (Sub. Bagian PDI)". */
  action: string;
}

export interface AuditSnapshotInput {
  /** Head of the office's hash chain when the report was produced: it covers events 1 to `sequence`. */
  chainHead: { sequence: string; hash: string } | null;
  /**
   * The latest signed daily digest of the chain when the report was produced (it covers events 1 to
   * `eventCount`, `value` being the chain hash there); null before the first.
   */
  digest: { algorithm: string; value: string; eventCount: number } | null;
  /**
   * ISO instant of the next daily signed digest after production: the first that covers the events
   * after `digest`. Null when unknown (then the annex only says how to verify later).
   */
  nextDigestAt: string | null;
}

/** Why a report owed through a draft's period is not (wholly) in its figures. */
export type PendingReportStatus = 'NOT_SUBMITTED' | 'SUBMITTED' | 'RETURNED' | 'REVISING';

export interface PendingReportInput {
  month: number;
  /** The subbagian's code. */
  subbagian: string;
  status: PendingReportStatus;
}

export interface LkjInput {
  year: number;
  version: number;
  draft: boolean;
  /** ISO instant of production; comes from the job's clock. */
  producedAt: string;
  office: OfficeProfileInput;
  /** `place`: the town it is signed in; null when unknown (a blank line is printed, to be filled in by hand). */
  signing: { place: string | null; date: string };
  /** The PK version in force (Tabel 2.1 and 2.2). */
  pk: PkVersionInForce;
  /**
   * The PK version `kinerja` was computed against when it is not `pk`: a draft to date through a
   * month reported under a version a PK Perubahan has superseded since (`pkForKinerja`). Its
   * indicators are the ones Tabel 3.2 and the measurement method count. Absent: `pk`.
   */
  kinerjaPk?: PkVersionInForce;
  /** ISO date the PK was signed (the day it was approved, in the office's time zone). */
  pkSignedOn: string;
  /** Tabel 3.2 of the year (`month` null), or to date for a draft (`month` M). */
  kinerja: KinerjaTable;
  /**
   * A draft produced before any monthly report of the year was approved: `kinerja` is then the
   * year's table (`month` null: annual targets) with nothing reported, and the report says that no
   * month is approved yet instead of naming one; realisasi (anggaran too) is blank, never 0.
   */
  noMonthApproved?: boolean;
  /**
   * A draft's monthly reports through its period (owed under the PK version of their month) whose
   * figures are not, or not as now written, in `kinerja`: never submitted, waiting for approval,
   * returned, or approved and being revised (the last approved figures count). Absent or empty: none.
   */
  pendingReports?: PendingReportInput[];
  /** The rating scale version that rated `kinerja` (Tabel 3.1). */
  ratingScale: RatingScale;
  indicatorNotes: IndicatorNotesInput[];
  /** Saran entered by the Sekretaris, one item each; empty: BAB IV 4.2 is written from the data. */
  suggestions: string[];
  approvals: ApprovalHistoryInput[];
  audit: AuditSnapshotInput;
}
