import { DomainError } from '../shared/domain-error';
import { indonesianMonthYear } from '../shared/indonesian-time';
import type { PkVersionInForce } from '../perjanjian-kinerja/pk-structure.types';
import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';
import type { RealisasiKey } from './realisasi.types';

/**
 * A subbagian that is PIC of no indicator of the PK version its month is reported under owes no
 * report of that month (the matrix shows NOT_REQUIRED). An empty report of it would still travel the
 * whole workflow: the Sekretaris's inbox, the matrix and summary counts, the LKj marked stale. So it
 * is refused on save and submit, and a correction of one is not opened (it could never be sent).
 * The API's version of a month never changes once the month has ended, so a report started while
 * the subbagian owed it keeps its PK; this guards a caller that passes another version.
 */
export function requireSomethingOwed(key: RealisasiKey, pk: PkVersionInForce, afterward = 'tidak ada laporan yang wajib dikirim.'): void {
  if (indicatorsOf(pk.structure).some((e) => e.indicator.picSubbagian === key.subbagian)) return;
  throw new DomainError(
    'REALISASI.NOTHING_OWED',
    `Subbagian ${key.subbagian} tidak menjadi PIC indikator apa pun pada PK ${pk.year} (versi ${pk.version}) yang berlaku untuk `
      + `${indonesianMonthYear(key.year, key.month)}; ${afterward}`,
    'validation',
    { subbagian: key.subbagian, year: key.year, month: key.month, pkVersion: pk.version },
  );
}
