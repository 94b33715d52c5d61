/**
 * What the LKj job hands to `buildLkjModel`: plain data read from the read models. Decimal figures
 * are strings exactly as people typed them ("12", "0.5"), dates are ISO (`2025-01-17`), instants are
 * ISO with offset. Nothing here is computed for display yet.
 */

export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

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

export interface OfficeProfileInput {
  code: string;
  /** Formal name: "Sekretariat KPU Kabupaten Jember". */
  name: string;
  /** Name used in running text and on the cover: "KPU Kabupaten Jember". */
  shortName: string;
  /** Institution line on the cover and signature: "Komisi Pemilihan Umum Kabupaten Jember". */
  institutionName: string;
  region: string;
  address: string | null;
  timeZone: string;
  ketua: string;
  sekretaris: string;
  /** Tugas of the Sekretariat, one item each. */
  tasks: string[];
  /** Fungsi/kewenangan, one item each (may be empty). */
  functions: string[];
  subbagian: SubbagianInput[];
  staff: StaffInput;
}

export interface IndikatorInput {
  code: string;
  name: string;
  sasaranRkt: string;
  /** Annual target as typed, e.g. "12". */
  target: string;
  unit: string;
  polarity: Polarity;
  /** Name of the activity shown in the per-indicator table of BAB III; defaults to `sasaranRkt`. */
  activity?: string;
  picSubbagian?: string;
}

export interface KegiatanInput {
  code: string;
  name: string;
  indikator: IndikatorInput[];
}

export interface ProgramInput {
  code: string;
  name: string;
  kegiatan: KegiatanInput[];
}

export interface PkInput {
  /** Date the PK was signed (ISO date). */
  signedOn: string;
  revision: number;
  programs: ProgramInput[];
}

export interface RatingScaleRowInput {
  /** Lower bound, exclusive; null = no lower bound. */
  minExclusive: string | null;
  /** Upper bound, inclusive; null = no upper bound. */
  maxInclusive: string | null;
  category: string;
  meaning: string;
}

/** The year's outcome of one indicator, as the performance read model holds it. */
export interface IndicatorResultInput {
  indicatorCode: string;
  /** Realisasi aggregated over the year (SUM/LAST/...), null when nothing was reported. */
  realisasi: string | null;
  /**
   * Capaian as the domain computed it (exact decimal string). When absent it is computed here from
   * target, realisasi and polarity.
   */
  capaian?: string | null;
  /** Last year's capaian (from Kinerja or imported), null when unknown. */
  capaianPrevYear: string | null;
  /** Kasubbag's narratives collected over the year, oldest first. */
  narratives: string[];
  kendala: string[];
  solusi: string[];
}

export interface KegiatanBudgetInput {
  kegiatanCode: string;
  /** Budget ceiling in rupiah, null when the PK gives none. */
  pagu: string | null;
  /** Budget spent over the year in rupiah, null when nothing was reported. */
  realisasi: string | null;
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
  /** Head of the office's hash chain when the report was produced. */
  chainHead: { sequence: string; hash: string } | null;
  /** Digest over the office's events of the year, as the audit projection computed it. */
  digest: { algorithm: string; value: string; eventCount: number } | null;
}

export interface LkjInput {
  year: number;
  version: number;
  draft: boolean;
  /** ISO instant of production; comes from the job's clock. */
  producedAt: string;
  office: OfficeProfileInput;
  signing: { place: string; date: string };
  pk: PkInput;
  ratingScale: RatingScaleRowInput[];
  indicatorResults: IndicatorResultInput[];
  budget: KegiatanBudgetInput[];
  /** Saran entered by the Sekretaris, one item each. */
  suggestions: string[];
  approvals: ApprovalHistoryInput[];
  audit: AuditSnapshotInput;
}
