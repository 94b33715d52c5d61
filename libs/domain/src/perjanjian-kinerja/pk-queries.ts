import { localDateOf, type LocalDate } from '../shared/local-date';
import type { PkIndicator, PkStructure, PkVersionInForce } from './pk-structure.types';
import { indicatorsOf } from './pk-structure.validate';
import { pkInForce, type PkState, type PkVersion } from './pk.state';

/** The indicators a subbagian is PIC of, in PK order: the lines of its monthly report. */
export function indicatorsOwnedBy(structure: PkStructure, subbagian: string): PkIndicator[] {
  return indicatorsOf(structure).map((e) => e.indicator).filter((i) => i.picSubbagian === subbagian);
}

/** The subbagian that must report each month under this PK (PIC of at least one indicator), sorted. */
export function reportingSubbagian(structure: PkStructure): string[] {
  return [...new Set(indicatorsOf(structure).map((e) => e.indicator.picSubbagian))].sort();
}

/**
 * Every subbagian that was PIC under a version that has been in force this year (the one in force and
 * those a PK Perubahan superseded), sorted. An indicator moved to another subbagian keeps the months
 * its former PIC reported and had approved; Tabel 3.2 reads them from these subbagian's reports.
 */
export function subbagianReportingInYear(state: PkState): string[] {
  return state.status === 'EXISTS' ? subbagianReportingIn(state.versions.filter(hasBeenInForce)) : [];
}

/** `subbagianReportingInYear` of the versions that have been in force (as a read model keeps them). */
export function subbagianReportingIn(versions: ReadonlyArray<{ structure: PkStructure }>): string[] {
  return [...new Set(versions.flatMap((v) => reportingSubbagian(v.structure)))].sort();
}

/** A version that has been in force: what `pkVersionForMonth` chooses from. */
export interface ApprovedPkVersion {
  version: number;
  approvedAt: string;
  structure: PkStructure;
}

/**
 * The local date on which a PK was first approved (the earliest approval among its versions; a PK
 * Perubahan does not move it): from then on its year's reports are accepted and owed, and a month
 * whose deadline had passed by then is due by a catch-up deadline (`reportDeadline`). Null without
 * an approved version.
 */
export function pkOpenedOn(versions: ReadonlyArray<{ approvedAt: string }>, timeZone: string): LocalDate | null {
  if (versions.length === 0) return null;
  const first = versions.reduce((a, b) => (new Date(b.approvedAt).getTime() < new Date(a.approvedAt).getTime() ? b : a));
  return localDateOf(first.approvedAt, timeZone);
}

/** Approved, or approved and later superseded by a PK Perubahan. */
function hasBeenInForce(version: PkVersion): boolean {
  return version.status === 'APPROVED' || version.status === 'SUPERSEDED';
}

/** The versions of a PK that have been in force (approved, or approved and later superseded), in order. */
export function approvedVersionsOf(state: PkState): ApprovedPkVersion[] {
  if (state.status !== 'EXISTS') return [];
  return state.versions
    .filter((v) => hasBeenInForce(v) && v.approvedAt !== null)
    .map((v) => ({ version: v.version, approvedAt: v.approvedAt as string, structure: v.structure }))
    .sort((a, b) => a.version - b.version);
}

/**
 * The version of the PK that month M of `year` is reported under, and whose PICs owe its report: the
 * last version approved by the end of that month (office calendar), or, for months that ended before
 * any approval, the first version approved. A PK Perubahan thus applies from the month in which it
 * is approved; earlier months keep the indicators and PICs they were reported with, and a month's
 * version never changes once the month has ended. Null without an approved version.
 */
export function pkVersionForMonth<V extends { approvedAt: string }>(versions: readonly V[], year: number, month: number, timeZone: string): V | null {
  if (versions.length === 0) return null;
  const monthIndex = year * 12 + month;
  const inForceBy = versions.filter((v) => {
    const approved = localDateOf(v.approvedAt, timeZone);
    return approved.year * 12 + approved.month <= monthIndex;
  });
  return inForceBy.length > 0 ? inForceBy[inForceBy.length - 1] : versions[0];
}

/**
 * The first month of `year` whose reports follow version `version` (`pkVersionForMonth`): 1 for a
 * first version, however late it is approved; for a PK Perubahan the month it is approved in. Null
 * when no month does (a PK Perubahan approved after the year ended, or superseded within its month).
 */
export function firstMonthUnder<V extends { version: number; approvedAt: string }>(versions: readonly V[], version: number, year: number, timeZone: string): number | null {
  for (let month = 1; month <= 12; month++) {
    if (pkVersionForMonth(versions, year, month, timeZone)?.version === version) return month;
  }
  return null;
}

/** `pkVersionForMonth` of a PK stream's state, as the realisasi decider takes it. */
export function pkInForceForMonth(state: PkState, month: number, timeZone: string): PkVersionInForce | null {
  if (state.status !== 'EXISTS') return null;
  const chosen = pkVersionForMonth(approvedVersionsOf(state), state.year, month, timeZone);
  return chosen && { satker: state.satker, year: state.year, version: chosen.version, structure: chosen.structure, approvedAt: chosen.approvedAt };
}

/**
 * The PK version Tabel 3.2 is computed against (its `pkVersion`): for the year (no month), the
 * version in force; "to date" through month M, the version month M was reported under
 * (`pkVersionForMonth`), with its indicators, targets, plan, polarity, formula, aggregation, PICs and
 * pagu. A PK Perubahan approved later thus leaves the figures of the months before it as they were
 * reported: an indicator it added is not listed for them, one it removed still is. Null without an
 * approved version.
 */
export function pkForKinerja(state: PkState, month: number | null, timeZone: string): PkVersionInForce | null {
  return month === null ? pkInForce(state) : pkInForceForMonth(state, month, timeZone);
}

/** `pkForKinerja` of the versions that have been in force, in version order (as a read model keeps them). */
export function pkVersionForKinerja<V extends { approvedAt: string }>(versions: readonly V[], year: number, month: number | null, timeZone: string): V | null {
  if (month === null) return versions.length > 0 ? versions[versions.length - 1] : null;
  return pkVersionForMonth(versions, year, month, timeZone);
}

/** The subbagian that owe the report of each month 1–12 (index 0 is January): the PICs of that month's version. */
export function subbagianOwingByMonth(versions: readonly ApprovedPkVersion[], year: number, timeZone: string): string[][] {
  // Each version's PICs are read from its structure once, not once per month it covers.
  return picsOwingByMonth(versions.map((v) => ({ approvedAt: v.approvedAt, pics: reportingSubbagian(v.structure) })), year, timeZone);
}

/** An approved version by its PICs (`reportingSubbagian` of its structure) rather than its whole structure. */
export interface ApprovedPkPics {
  version: number;
  approvedAt: string;
  pics: readonly string[];
}

/**
 * `subbagianOwingByMonth` of versions whose PICs are already known, for a reader of many offices
 * that need not read each PK structure whole (the national status summary).
 */
export function picsOwingByMonth(versions: ReadonlyArray<Pick<ApprovedPkPics, 'approvedAt' | 'pics'>>, year: number, timeZone: string): string[][] {
  return Array.from({ length: 12 }, (_, i) => {
    const chosen = pkVersionForMonth(versions, year, i + 1, timeZone);
    return chosen ? [...chosen.pics] : [];
  });
}
