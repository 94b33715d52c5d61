import type { PkIndicator, PkStructure } from './pk-structure.types';
import { indicatorsOf } from './pk-structure.validate';

/** The indicators a subbagian is PIC of, in PK order: the lines of its monthly report. */
export function indicatorsOwnedBy(structure: PkStructure, subbagian: string): PkIndicator[] {
  return indicatorsOf(structure).map((e) => e.indicator).filter((i) => i.picSubbagian === subbagian);
}

/** The subbagian that must report each month under this PK (PIC of at least one indicator), sorted. */
export function reportingSubbagian(structure: PkStructure): string[] {
  return [...new Set(indicatorsOf(structure).map((e) => e.indicator.picSubbagian))].sort();
}
