import type { PkIndicator, PkStructure } from './pk-structure.types';
import { indicatorsOf } from './pk-structure.validate';
import type { PkState } from './pk.state';

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
  if (state.status !== 'EXISTS') return [];
  const inForceOnce = state.versions.filter((v) => v.status === 'APPROVED' || v.status === 'SUPERSEDED');
  return [...new Set(inForceOnce.flatMap((v) => reportingSubbagian(v.structure)))].sort();
}
