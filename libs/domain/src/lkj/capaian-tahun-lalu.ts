import type { Event } from '../shared/decider';
import { Dec, toTwoPlaces } from '../shared/decimal';
import { DomainError } from '../shared/domain-error';
import type { PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';

/**
 * Last year's capaian for an office whose earlier years are not in Kinerja, so the LKj of `forYear`
 * can set this year beside last year from the first year. Keyed to the indicators of `forYear`'s PK.
 * A later import replaces the figures of the indicators it names and keeps the others.
 */
export type CapaianTahunLaluImported = Event<'CapaianTahunLaluImported', {
  satker: string;
  forYear: number;
  entries: CapaianTahunLaluEntry[];
  source: 'API' | 'CSV';
  importedBy: string;
  importedAt: string;
}>;

export interface CapaianTahunLaluEntry {
  indicatorCode: string;
  /** Two places ("100.00"). */
  capaian: string;
}

/** `capaian-tahun-lalu:<satker>:<forYear>`. */
export function capaianTahunLaluStreamId(satker: string, forYear: number): string {
  return `capaian-tahun-lalu:${satker}:${forYear}`;
}

/** Indicator code → capaian, the newest import of each indicator winning. */
export function foldCapaianTahunLalu(events: readonly CapaianTahunLaluImported[]): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const event of events) for (const e of event.data.entries) byCode.set(e.indicatorCode, e.capaian);
  return byCode;
}

export interface CapaianInputLine {
  /** 1-based line of the CSV, or position in the JSON list. */
  line: number;
  /** Indicator code ("K4.1") or its full name as in the PK (case and spacing ignored). */
  indicator: string;
  capaian: string;
}

export interface CapaianLineError {
  line: number;
  message: string;
}

const NUMBER = /^\d{1,4}([.,]\d{1,4})?$/;
const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Checks every line against the PK and returns the entries, or refuses with one Indonesian message
 * per faulty line (`details.errors`): unknown indicator, not a number, out of 0–1000, repeated.
 */
export function validateCapaianTahunLalu(
  lines: readonly CapaianInputLine[],
  pk: PkStructure,
  forYear: number,
  /** Lines a parser already could not read (a CSV's): refused together with the rest, in line order. */
  unreadable: readonly CapaianLineError[] = [],
): CapaianTahunLaluEntry[] {
  const indicators = indicatorsOf(pk).map((e) => e.indicator);
  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i.code]));
  // A name several indicators share ("Layanan Perkantoran" of K4.1 and K6.1) names none of them.
  const codesByName = new Map<string, string[]>();
  for (const i of indicators) codesByName.set(normalise(i.name), [...(codesByName.get(normalise(i.name)) ?? []), i.code]);
  const errors: CapaianLineError[] = [...unreadable];
  const seen = new Map<string, number>();
  const entries: CapaianTahunLaluEntry[] = [];
  if (lines.length === 0 && unreadable.length === 0) errors.push({ line: 0, message: 'Tidak ada baris capaian yang diimpor.' });
  for (const l of lines) {
    const named = byCode.has(l.indicator.trim().toLowerCase()) ? [] : (codesByName.get(normalise(l.indicator)) ?? []);
    if (named.length > 1) {
      errors.push({
        line: l.line,
        message: `Baris ${l.line}: nama indikator "${l.indicator.trim()}" dipakai oleh ${named.join(', ')}; tulis kodenya agar jelas indikator yang dimaksud.`,
      });
      continue;
    }
    const code = byCode.get(l.indicator.trim().toLowerCase()) ?? named[0];
    const raw = l.capaian.trim().replace(/%$/, '').trim();
    if (!code) {
      errors.push({ line: l.line, message: `Baris ${l.line}: indikator "${l.indicator.trim()}" tidak ada di Perjanjian Kinerja ${forYear} (tulis kode seperti K4.1 atau nama lengkapnya).` });
      continue;
    }
    if (!NUMBER.test(raw)) {
      errors.push({ line: l.line, message: `Baris ${l.line}: capaian "${l.capaian.trim()}" bukan angka 0–1000 (contoh: 100 atau 98,50).` });
      continue;
    }
    const value = new Dec(raw.replace(',', '.'));
    if (value.gt(1000)) {
      errors.push({ line: l.line, message: `Baris ${l.line}: capaian ${raw}% di luar rentang 0–1000.` });
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      errors.push({ line: l.line, message: `Baris ${l.line}: indikator ${code} sudah ada di baris ${first}.` });
      continue;
    }
    seen.set(code, l.line);
    entries.push({ indicatorCode: code, capaian: toTwoPlaces(value) });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    throw new DomainError('CAPAIAN_TAHUN_LALU.INVALID', errors.map((e) => e.message).join(' '), 'validation', { errors });
  }
  return entries;
}

/**
 * The CSV format: one indicator per line, `kode atau nama indikator;capaian`, separated by ";"
 * (the decimal may use "," or "."; a trailing "%" is allowed). An optional first line
 * `kode;capaian` (or `indikator;capaian`) is a header; blank lines and lines starting with "#"
 * are skipped. A line without exactly one ";" is refused with its number.
 */
export function parseCapaianCsv(text: string): { lines: CapaianInputLine[]; errors: CapaianLineError[] } {
  const lines: CapaianInputLine[] = [];
  const errors: CapaianLineError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((row, i) => {
    const lineNo = i + 1;
    const trimmed = row.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = trimmed.split(';');
    if (parts.length !== 2) {
      errors.push({ line: lineNo, message: `Baris ${lineNo}: harus berisi dua kolom "kode atau nama indikator;capaian", dipisah titik koma.` });
      return;
    }
    if (lines.length === 0 && errors.length === 0 && /^(kode|indikator|kode indikator|nama indikator)$/i.test(parts[0].trim()) && /^capaian/i.test(parts[1].trim())) return;
    lines.push({ line: lineNo, indicator: parts[0].replace(/^"|"$/g, ''), capaian: parts[1].replace(/^"|"$/g, '') });
  });
  return { lines, errors };
}
