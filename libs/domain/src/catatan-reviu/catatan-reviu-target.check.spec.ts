import { aStructure, anIndicator } from '../../testing/builders';
import type { PkState, PkVersion } from '../perjanjian-kinerja/pk.state';
import { DomainError } from '../shared/domain-error';
import { checkCatatanTarget, type CatatanTargetFacts } from './catatan-reviu-target.check';
import type { CatatanReviuTarget } from './catatan-reviu.types';

/** 10 March 2025 in the office's zone; 2024's PK has K1.1, K1.2, K2.1 and a draft Perubahan adding K3.1. */
function version(n: number, status: PkVersion['status'], extra: string[] = []): PkVersion {
  const structure = aStructure();
  structure.programs[0].kegiatan[0].indicators.push(...extra.map((code) => anIndicator({ code })));
  return {
    version: n, status, structure, revisionReason: null, basedOnVersion: null, draftedBy: 'u', draftedAt: '2024-01-02T00:00:00Z',
    submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null, lastReturn: null,
  };
}
const pk2024: PkState = { status: 'EXISTS', satker: 'kpu-kab-jember', year: 2024, versions: [version(1, 'APPROVED'), version(2, 'DRAFT', ['K3.1'])], inForce: 1, working: 2 };
const facts = (overrides: Partial<CatatanTargetFacts> = {}): CatatanTargetFacts => ({
  today: { year: 2025, month: 3, day: 10 }, subbagianCodes: ['PDI', 'KUL', 'HSDM', 'TPH', 'LAMA'], pk: pk2024, ...overrides,
});

function refusal(target: CatatanReviuTarget, given: CatatanTargetFacts = facts()): DomainError | null {
  try {
    checkCatatanTarget(target, given);
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('the target of a catatan reviu must be something the office has', () => {
  it.each<[string, CatatanReviuTarget]>([
    ['a year that has begun', { kind: 'YEAR', year: 2025 }],
    ['a past year without a PK', { kind: 'YEAR', year: 2019 }],
    ['the current month', { kind: 'MONTH', year: 2025, month: 3 }],
    ['a report of an existing subbagian', { kind: 'REPORT', year: 2024, month: 12, subbagian: 'KUL' }],
    ['a report of a subbagian closed since', { kind: 'REPORT', year: 2024, month: 5, subbagian: 'LAMA' }],
    ['an indicator of the PK in force', { kind: 'INDICATOR', year: 2024, indicatorCode: 'K2.1', month: null }],
    ['an indicator of a PK Perubahan still in draft', { kind: 'INDICATOR', year: 2024, indicatorCode: 'K3.1', month: 7 }],
  ])('given %s, when the note is written, then the target is accepted', (_what, target) => {
    expect(refusal(target)).toBeNull();
  });

  it.each<[string, CatatanReviuTarget, CatatanTargetFacts]>([
    ['a year that has not begun', { kind: 'YEAR', year: 2099 }, facts()],
    ['a month that has not begun', { kind: 'MONTH', year: 2025, month: 4 }, facts()],
    ['a report of a month that has not begun', { kind: 'REPORT', year: 2025, month: 12, subbagian: 'KUL' }, facts()],
    ['a report of a subbagian the office does not have', { kind: 'REPORT', year: 2024, month: 3, subbagian: 'NOPE' }, facts()],
    ['an indicator no version of the PK has', { kind: 'INDICATOR', year: 2024, indicatorCode: 'ZZ', month: null }, facts()],
    ['an indicator of a year without a PK', { kind: 'INDICATOR', year: 2023, indicatorCode: 'K1.1', month: null }, facts({ pk: { status: 'EMPTY' } })],
    ['a report of a year without a PK', { kind: 'REPORT', year: 2023, month: 5, subbagian: 'KUL' }, facts({ pk: { status: 'EMPTY' } })],
    ['a report of a year whose PK was never approved', { kind: 'REPORT', year: 2024, month: 5, subbagian: 'KUL' },
      facts({ pk: { ...pk2024, versions: [version(1, 'SUBMITTED')], inForce: null, working: 1 } })],
    ['an indicator in a month that has not begun', { kind: 'INDICATOR', year: 2025, indicatorCode: 'K1.1', month: 6 }, facts()],
  ])('given %s, when the note is written, then it is refused with CATATAN_REVIU.INVALID_TARGET', (_what, target, given) => {
    const error = refusal(target, given);
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error!.code, kind: error!.kind }).toEqual({ code: 'CATATAN_REVIU.INVALID_TARGET', kind: 'validation' });
    expect(error!.message).not.toMatch(/undefined|null/);
  });

  it('given a month that has not begun, when refused, then the message names it as the office writes months', () => {
    expect(refusal({ kind: 'MONTH', year: 2025, month: 4 })!.message).toBe('Bulan April 2025 belum berjalan; catatan reviu hanya untuk periode yang sudah dimulai.');
  });

  it('given an indicator code that differs from one of the PK only in case, when refused, then the message names the one meant', () => {
    const error = refusal({ kind: 'INDICATOR', year: 2024, indicatorCode: 'k2.1', month: null })!;
    expect(error.message).toBe('Indikator k2.1 (maksud Anda K2.1? huruf besar dan kecil dibedakan) tidak ada dalam Perjanjian Kinerja 2024.');
    expect(error.details).toMatchObject({ indicator: 'k2.1', alike: ['K2.1'] });
    expect(refusal({ kind: 'INDICATOR', year: 2024, indicatorCode: 'ZZ', month: null })!.message).toBe('Indikator ZZ tidak ada dalam Perjanjian Kinerja 2024.');
  });

  it('given a report of a year without an approved PK, when refused, then the message says a YEAR note is the one to write', () => {
    expect(refusal({ kind: 'REPORT', year: 2023, month: 5, subbagian: 'KUL' }, facts({ pk: { status: 'EMPTY' } }))!.message).toBe(
      'Belum ada Perjanjian Kinerja 2023 yang disetujui untuk satker ini, sehingga belum ada laporan realisasi yang dapat dituju; '
        + 'untuk mencatat hal itu, tujukan catatan pada tahunnya (jenis YEAR).',
    );
  });

  it('given a target whose shape is wrong, when checked here, then it is left to the decider (no crash, no refusal)', () => {
    expect(refusal({ kind: 'REPORT', year: 2024 } as unknown as CatatanReviuTarget)).toBeNull();
    expect(refusal(null as unknown as CatatanReviuTarget)).toBeNull();
  });
});
