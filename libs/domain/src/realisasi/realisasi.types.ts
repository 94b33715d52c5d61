import type { DecimalString } from '../shared/decimal';

/** A bukti dukung file, stored content-addressed elsewhere; the event keeps only its reference. */
export interface EvidenceRef {
  sha256: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** One line per indicator the subbagian is PIC of. */
export interface RealisasiLine {
  indicatorCode: string;
  /** The month's figure; null means "not reported" and is never read as 0. */
  value: DecimalString | null;
  narrative: string;
  kendala: string;
  solusi: string;
  evidence: EvidenceRef[];
}

/** A line's texts as a person reads their names (the Kasubbag's form says "uraian", not "narrative"). */
export const TEXT_FIELD_LABEL: Readonly<Record<'narrative' | 'kendala' | 'solusi', string>> = {
  narrative: 'uraian',
  kendala: 'kendala',
  solusi: 'solusi',
};

/** Budget spent this month on one kegiatan, in rupiah. */
export interface BudgetLine {
  kegiatanCode: string;
  spent: DecimalString;
}

export interface RealisasiContent {
  lines: RealisasiLine[];
  budget: BudgetLine[];
}

/** The identity of a monthly report: one per office, year, month and subbagian. */
export interface RealisasiKey {
  satker: string;
  year: number;
  /** 1–12. */
  month: number;
  subbagian: string;
}

/** An approved report as capaian reads it. */
export interface ApprovedRealisasi extends RealisasiContent {
  month: number;
  subbagian: string;
  revision: number;
  pkVersion: number;
}
