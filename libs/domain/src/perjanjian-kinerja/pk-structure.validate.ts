import { hasHiddenCharacters, hasStackedMarks, MAX_MARKS_PER_CHARACTER, oneLineText, visibleCharacterCount } from '../shared/reason';
import { DomainError } from '../shared/domain-error';
import { parseDecimal, RUPIAH_DECIMAL_PLACES } from '../shared/decimal';
import { validatePlan } from './pk-plan.validate';
import type { IndicatorTarget, PkIndicator, PkKegiatan, PkStructure } from './pk-structure.types';

const POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];
const FORMULAS = ['INVERSE_DIFFERENCE', 'INVERSE_RATIO'];
const AGGREGATIONS = ['SUM', 'LAST', 'AVERAGE', 'MAX'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;

function invalid(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, 'validation', details);
}

function requireText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || visibleCharacterCount(value) === 0 || value.length > max) {
    invalid('PK.INVALID_FIELD', `${field} wajib diisi (paling banyak ${max} karakter).`, { field });
  }
  requirePrintable(value, field);
}

/**
 * A text printed in Tabel 3.2 and the LKj: a tower of combining marks would cover the rows around
 * it, and a character a reader cannot see (a zero-width space, a bidi override such as U+202E that
 * reverses the text after it) changes what is read or makes two equal-looking names differ. Line
 * breaks and tabs never reach here: `normalizedPkStructure` made every run of white space one space.
 */
function requirePrintable(value: string, field: string): void {
  if (hasStackedMarks(value)) {
    invalid('PK.INVALID_FIELD', `${field} menumpuk tanda diakritik (lebih dari ${MAX_MARKS_PER_CHARACTER} pada satu huruf, atau tanda ` +
      'tanpa huruf di depannya), sehingga menutupi baris di sekitarnya dalam tabel dan LKj; ketik ulang dengan huruf biasa.', { field });
  }
  if (hasHiddenCharacters(value)) {
    invalid('PK.INVALID_FIELD', `${field} memuat karakter yang tidak terlihat (mis. spasi lebar nol, atau pembalik arah teks U+202E ` +
      'yang membalik urutan huruf sesudahnya), sehingga yang tercetak dalam tabel dan LKj tidak sama dengan yang diketik; ' +
      'ketik ulang teksnya, jangan menempelnya dari dokumen lain.', { field });
  }
}

const MAX_SASARAN = 1000;

/** The sasaran an indicator serves: optional, else a text a reader can read (printed three times in the LKj). */
function optionalText(value: unknown, field: string, max: number): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string' || value.length > max) {
    invalid('PK.INVALID_FIELD', `${field} berupa teks paling banyak ${max} karakter, atau dikosongkan (null).`, { field });
  }
  requirePrintable(value, field);
}

/** Runs of white space (a line break or tab pasted from a document) one space, trimmed (`oneLineText`). */
const oneLine = (value: unknown): unknown => (typeof value === 'string' ? oneLineText(value) : value);

/**
 * The structure as it is stored: every name, unit and sasaran on one line (runs of white space —
 * line breaks and tabs pasted from Word — one space, trimmed) and a blank sasaran null. Anything
 * not shaped as a structure is left for `validatePkStructure` to refuse.
 */
export function normalizedPkStructure(structure: PkStructure): PkStructure {
  if (!structure || !Array.isArray(structure.programs)) return structure;
  return {
    ...structure,
    programs: structure.programs.map((program) => (!program || !Array.isArray(program.kegiatan) ? program : {
      ...program,
      name: oneLine(program.name) as string,
      kegiatan: program.kegiatan.map((keg) => (!keg || !Array.isArray(keg.indicators) ? keg : {
        ...keg,
        name: oneLine(keg.name) as string,
        indicators: keg.indicators.map((ind) => {
          if (!ind) return ind;
          const sasaran = oneLine(ind.sasaran);
          return {
            ...ind,
            name: oneLine(ind.name) as string,
            unit: oneLine(ind.unit) as string,
            ...(ind.sasaran === undefined ? {} : { sasaran: sasaran === '' ? null : (sasaran as string | null) }),
          };
        }),
      })),
    })),
  };
}

function requireCode(value: unknown, field: string, seen: Set<string>): void {
  if (typeof value !== 'string' || !CODE.test(value)) {
    invalid('PK.INVALID_CODE', `${field} harus berupa kode huruf/angka (boleh titik, garis), mis. "K4.1".`, { field, value });
  }
  if (seen.has(value)) invalid('PK.DUPLICATE_CODE', `Kode ${value} dipakai lebih dari sekali dalam PK.`, { code: value });
  seen.add(value);
}

/**
 * Target rule: a target is never negative, and a target of 0 is accepted only where lower is
 * better ("0 temuan"), because 0 cannot be divided by and "at least 0" is no target at all.
 * The same holds for the lower end of a range where higher is better: a realisasi inside a range is
 * 100 and one below is measured against min, so 0–8 would rate a realisasi of 0 as 100 (Berhasil).
 * Where lower is better, 0–X is sound ("at most X"): only a realisasi above X is measured, against X > 0.
 */
function validateTarget(ind: PkIndicator): void {
  const t = ind.target as IndicatorTarget | undefined;
  const where = `Target indikator ${ind.code}`;
  refuseFieldsOfOtherKind(t, where, ind.code);
  if (t?.kind === 'SINGLE') {
    const value = parseDecimal(t.value, 'PK.INVALID_TARGET', where);
    if (value.isZero() && ind.polarity === 'HIGHER_IS_BETTER') {
      invalid(
        'PK.TARGET_ZERO',
        `${where} tidak boleh 0 bila semakin tinggi semakin baik: capaiannya (realisasi ÷ target) tidak dapat dihitung, dan "paling sedikit 0" `
          + 'bukanlah target. Bila 0 memang yang hendak dicapai (mis. 0 temuan), indikator ini semakin rendah semakin baik: ubah polaritasnya '
          + 'menjadi LOWER_IS_BETTER (semakin rendah semakin baik). '
          + 'Bila tidak, isi target yang hendak dicapai (lebih dari 0).',
        { indicator: ind.code, polarity: ind.polarity },
      );
    }
  } else if (t?.kind === 'RANGE') {
    const min = parseDecimal(t.min, 'PK.INVALID_TARGET', `${where} (batas bawah)`);
    const max = parseDecimal(t.max, 'PK.INVALID_TARGET', `${where} (batas atas)`);
    if (min.equals(max)) {
      invalid('PK.INVALID_RANGE', `${where}: batas bawah harus lebih kecil dari batas atas; bila keduanya sama, gunakan target tunggal ${t.max}.`, { indicator: ind.code });
    }
    if (min.greaterThan(max)) {
      invalid('PK.INVALID_RANGE', `${where}: batas bawah harus lebih kecil dari batas atas (mis. ${t.max}–${t.min}, bukan ${t.min}–${t.max}).`, { indicator: ind.code });
    }
    if (min.isZero() && ind.polarity === 'HIGHER_IS_BETTER') {
      invalid(
        'PK.RANGE_MIN_ZERO',
        `${where}: rentang ${t.min}–${t.max} tidak boleh berbatas bawah 0 bila semakin tinggi semakin baik, karena realisasi 0 akan dinilai tercapai 100%. `
          + `Gunakan target tunggal (mis. ${t.max}) atau batas bawah lebih dari 0.`,
        { indicator: ind.code, min: t.min, max: t.max },
      );
    }
  } else {
    invalid('PK.INVALID_TARGET', `${where} harus berupa nilai tunggal atau rentang.`, { indicator: ind.code });
  }
}

/** The fields each kind of target is written with; a field of the other kind would be stored and served back unread. */
const TARGET_FIELDS = { SINGLE: ['value'], RANGE: ['min', 'max'] } as const;

function refuseFieldsOfOtherKind(t: IndicatorTarget | undefined, where: string, indicator: string): void {
  if (t?.kind !== 'SINGLE' && t?.kind !== 'RANGE') return;
  const own: readonly string[] = TARGET_FIELDS[t.kind];
  const foreign = ['value', 'min', 'max'].filter((field) => !own.includes(field) && Object.hasOwn(t, field));
  if (foreign.length === 0) return;
  const ownText = t.kind === 'SINGLE' ? 'value saja' : 'min dan max saja';
  invalid(
    'PK.INVALID_TARGET',
    `${where} berjenis ${t.kind} memakai ${ownText}; hapus ${foreign.join(' dan ')}, atau ubah jenisnya (kind) bila yang dimaksud target ${t.kind === 'SINGLE' ? 'rentang (RANGE)' : 'tunggal (SINGLE)'}.`,
    { indicator, kind: t.kind, fields: foreign },
  );
}

function validateIndicator(ind: PkIndicator, codes: Set<string>, subbagian: ReadonlySet<string>): void {
  requireCode(ind.code, 'Kode indikator', codes);
  requireText(ind.name, `Nama indikator ${ind.code}`, 500);
  requireText(ind.unit, `Satuan indikator ${ind.code}`, 50);
  optionalText(ind.sasaran, `Sasaran indikator ${ind.code}`, MAX_SASARAN);
  if (!POLARITIES.includes(ind.polarity)) invalid('PK.INVALID_FIELD', `Polaritas indikator ${ind.code} tidak dikenal.`, { field: 'polarity' });
  if (!FORMULAS.includes(ind.lowerIsBetterFormula)) invalid('PK.INVALID_FIELD', `Rumus indikator ${ind.code} tidak dikenal.`, { field: 'lowerIsBetterFormula' });
  if (!AGGREGATIONS.includes(ind.aggregation)) invalid('PK.INVALID_FIELD', `Agregasi indikator ${ind.code} tidak dikenal.`, { field: 'aggregation' });
  if (typeof ind.evidenceRequired !== 'boolean') invalid('PK.INVALID_FIELD', `Wajib bukti dukung indikator ${ind.code} harus ya/tidak.`, { field: 'evidenceRequired' });
  if (!subbagian.has(ind.picSubbagian)) {
    invalid('PK.UNKNOWN_PIC', `Subbagian PIC ${String(ind.picSubbagian)} pada indikator ${ind.code} tidak ada atau tidak aktif di satker ini; pilih subbagian yang aktif.`, { indicator: ind.code, picSubbagian: ind.picSubbagian });
  }
  validateTarget(ind);
  validatePlan(ind);
}

/**
 * A pagu of 0 is refused; null is the only "no pagu" and means not given (yet): the kegiatan's
 * absorption, and the office's while any kegiatan has none (kinerja-table.types.ts), are null until it is.
 */
function paguZero(kegiatan: string): string {
  return `Pagu kegiatan ${kegiatan} harus lebih dari 0 rupiah: isi pagu kegiatan ini menurut DIPA. Bila pagunya belum diketahui, kosongkan `
    + 'dahulu (null) dan isi setelah diketahui (pada PK yang sudah disetujui, melalui PK Perubahan); selama ada kegiatan tanpa pagu, penyerapan anggaran kegiatan itu dan '
    + 'penyerapan anggaran satker secara keseluruhan belum dapat dihitung.';
}

function validateKegiatan(keg: PkKegiatan, codes: Set<string>, indicatorCodes: Set<string>, subbagian: ReadonlySet<string>): void {
  requireCode(keg.code, 'Kode kegiatan', codes);
  requireText(keg.name, `Nama kegiatan ${keg.code}`, 500);
  if (keg.pagu !== null && keg.pagu !== undefined) {
    const pagu = parseDecimal(keg.pagu, 'PK.INVALID_PAGU', `Pagu kegiatan ${keg.code}`, RUPIAH_DECIMAL_PLACES);
    if (pagu.isZero()) invalid('PK.INVALID_PAGU', paguZero(keg.code), { kegiatan: keg.code });
  }
  if (!Array.isArray(keg.indicators) || keg.indicators.length === 0) {
    invalid('PK.EMPTY_STRUCTURE', `Kegiatan ${keg.code} harus memiliki paling sedikit satu indikator.`, { kegiatan: keg.code });
  }
  for (const ind of keg.indicators) validateIndicator(ind, indicatorCodes, subbagian);
}

/** Refuses a structure that breaks a rule; the first broken rule is reported. Texts are checked as `normalizedPkStructure` stores them. */
export function validatePkStructure(structure: PkStructure, subbagianCodes: readonly string[]): void {
  if (!structure || !Array.isArray(structure.programs) || structure.programs.length === 0) {
    invalid('PK.EMPTY_STRUCTURE', 'PK harus memiliki paling sedikit satu program.');
  }
  const subbagian = new Set(subbagianCodes);
  const programCodes = new Set<string>();
  const kegiatanCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  for (const program of structure.programs) {
    requireCode(program.code, 'Kode program', programCodes);
    requireText(program.name, `Nama program ${program.code}`, 500);
    if (!Array.isArray(program.kegiatan) || program.kegiatan.length === 0) {
      invalid('PK.EMPTY_STRUCTURE', `Program ${program.code} harus memiliki paling sedikit satu kegiatan.`, { program: program.code });
    }
    for (const keg of program.kegiatan) validateKegiatan(keg, kegiatanCodes, indicatorCodes, subbagian);
  }
}

/** Every indicator of a structure with its program and kegiatan, in PK order. */
export function indicatorsOf(structure: PkStructure) {
  return structure.programs.flatMap((program) =>
    program.kegiatan.flatMap((kegiatan) => kegiatan.indicators.map((indicator) => ({ program, kegiatan, indicator }))),
  );
}
