import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';
import type { PkState } from '../perjanjian-kinerja/pk.state';
import { caseHint } from '../shared/case-hint';
import { DomainError } from '../shared/domain-error';
import { indonesianMonthYear } from '../shared/indonesian-time';
import type { LocalDate } from '../shared/local-date';
import type { CatatanReviuTarget } from './catatan-reviu.types';

/** What the office holds that a note's target must name. */
export interface CatatanTargetFacts {
  /** The office's local date when the note is written. */
  today: LocalDate;
  /** Every subbagian the office has had, active or not (a note may concern a closed one's past report). */
  subbagianCodes: readonly string[];
  /** The PK stream of the target's year, every version. */
  pk: PkState;
}

function refuse(message: string, details: Record<string, unknown>): never {
  throw new DomainError('CATATAN_REVIU.INVALID_TARGET', message, 'validation', details);
}

const isPeriod = (n: unknown): n is number => Number.isInteger(n);

/**
 * A note must be about something the office has: a year or month that has begun, a subbagian of
 * the office, a report of a year whose PK was approved (none is owed before), an indicator of that
 * year's PK (any version: a note may concern a draft or a PK Perubahan). The shape of the target (kinds, ranges) is the decider's rule; a target it would
 * refuse anyway passes here untouched.
 */
export function checkCatatanTarget(target: CatatanReviuTarget, facts: CatatanTargetFacts): void {
  if (!target || !isPeriod(target.year)) return;
  const { today } = facts;
  if (target.year > today.year) refuse(`Tahun ${target.year} belum berjalan; catatan reviu hanya untuk periode yang sudah dimulai.`, { year: target.year });
  const month = target.kind === 'YEAR' ? null : target.month;
  if (isPeriod(month) && target.year === today.year && month > today.month) {
    refuse(`Bulan ${indonesianMonthYear(target.year, month)} belum berjalan; catatan reviu hanya untuk periode yang sudah dimulai.`, { year: target.year, month });
  }
  if (target.kind === 'REPORT' && typeof target.subbagian === 'string' && !facts.subbagianCodes.includes(target.subbagian.trim())) {
    refuse(`Subbagian ${target.subbagian} tidak ada di satker ini.`, { subbagian: target.subbagian });
  }
  // A monthly report is owed only under an approved PK: before one, no report of that year can exist.
  if (target.kind === 'REPORT' && (facts.pk.status === 'EMPTY' || facts.pk.inForce === null)) {
    refuse(
      `Belum ada Perjanjian Kinerja ${target.year} yang disetujui untuk satker ini, sehingga belum ada laporan realisasi yang dapat dituju; `
        + `untuk mencatat hal itu, tujukan catatan pada tahunnya (jenis YEAR).`,
      { year: target.year, month: isPeriod(month) ? month : null, subbagian: target.subbagian ?? null },
    );
  }
  if (target.kind === 'INDICATOR' && typeof target.indicatorCode === 'string') {
    const code = target.indicatorCode.trim();
    if (facts.pk.status === 'EMPTY') refuse(`Belum ada Perjanjian Kinerja ${target.year} untuk satker ini; indikator ${code} tidak dapat dituju.`, { year: target.year, indicator: code });
    const codes = new Set(facts.pk.versions.flatMap((v) => indicatorsOf(v.structure).map((e) => e.indicator.code)));
    if (!codes.has(code)) {
      // Codes are told apart by case ("K4.1" is not "k4.1"): name the one meant, as the audit trail does.
      const alike = [...codes].filter((c) => c.toLowerCase() === code.toLowerCase()).sort();
      refuse(`Indikator ${code}${caseHint(alike)} tidak ada dalam Perjanjian Kinerja ${target.year}.`, { year: target.year, indicator: code, alike });
    }
  }
}
