import { INDONESIAN_MONTHS } from '@kinerja/domain';

/** One value that an event changed (or, for approvals and returns, the value it concerned). */
export interface AuditChange {
  indicatorCode: string | null;
  indicatorName: string | null;
  /**
   * 'realisasi', 'target' and the other properties of a PK ('PIC subbagian', 'pagu:<kegiatan>' …),
   * 'anggaran:<kegiatan>', 'capaian tahun lalu', or the name of an identity field.
   */
  field: string;
  before: string | null;
  after: string | null;
}

export const AUDIT_SUBJECT_KINDS = ['PK', 'REALISASI', 'CATATAN_REVIU', 'IDENTITAS', 'LKJ', 'PENGINGAT', 'LAINNYA'] as const;

export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];

/** One row of the audit trail: one event, in words a person reads. */
export interface AuditTrailRow {
  satker: string;
  tenantSequence: number;
  eventId: string;
  streamId: string;
  streamVersion: number;
  eventType: string;
  recordedAt: Date;
  /** When the event says it happened (its `approvedAt` …; statedTimeOf); null when it states none. */
  occurredAt: Date | null;
  actorId: string;
  actorName: string | null;
  actorUsername: string | null;
  actorRole: string;
  /** The program that recorded it on the actor's behalf (`seed:demo`), from the event's metadata; null when the actor did. */
  loadedBy: string | null;
  subjectKind: AuditSubjectKind;
  year: number | null;
  /** 1–12, or null when the event concerns the whole year. */
  month: number | null;
  subbagian: string | null;
  pkVersion: number | null;
  reportRevision: number | null;
  /** What happened, one sentence in Bahasa Indonesia. */
  summary: string;
  changes: AuditChange[];
  reason: string | null;
  correlationId: string | null;
  causationId: string | null;
  previousHash: string;
  hash: string;
}

/**
 * One figure an event touched, for the complete history of one figure. `month` 0 stands for the
 * year (a PK target, a note on the indicator for the whole year).
 */
export interface AuditFigureRow {
  satker: string;
  indicatorCode: string;
  year: number;
  month: number;
  tenantSequence: number;
  streamId: string;
  field: string;
  before: string | null;
  after: string | null;
}

export interface IndicatorInfo {
  name: string;
  target: string;
  picSubbagian: string;
}

export interface ActorInfo {
  fullName: string;
  username: string;
}

/** Realisasi values of one report as last saved: indicator code → value (null: not reported). */
export type ReportLines = Record<string, string | null>;

export const MONTH_NAMES = INDONESIAN_MONTHS;

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `bulan ${month}`;
}
