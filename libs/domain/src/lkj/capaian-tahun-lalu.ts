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
  /** 1-based line of the CSV, or 1-based position in the JSON list (`entries[line - 1]`). */
  line: number;
  /** Indicator code ("K4.1") or its full name as in the PK (case and spacing ignored). */
  indicator: string;
  capaian: string;
}

/** A CSV line that cannot be imported, by its number. */
export interface CapaianLineError {
  line: number;
  message: string;
}

/** A JSON item that cannot be imported: its 1-based position and the JSON path of the faulty field. */
export interface CapaianItemError {
  item: number;
  path: string;
  message: string;
}

/** Where the lines come from: a CSV names faults by line ("Baris 3"), JSON by item ("Butir ke-3"). */
export type CapaianImportSource = 'API' | 'CSV';

const NUMBER = /^\d{1,4}([.,]\d{1,4})?$/;
const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Checks every line against the PK and returns the entries, or refuses with one Indonesian message
 * per faulty line (`details.errors`): unknown indicator, not a number, out of 0–1000, repeated.
 * A CSV's faults are `{ line, message }` ("Baris 3: …"); a JSON list's are `{ item, path, message }`
 * ("Butir ke-3 (indikator K2.1): …", path `entries[2].capaian`), since a JSON body has no lines.
 */
export function validateCapaianTahunLalu(
  lines: readonly CapaianInputLine[],
  pk: PkStructure,
  forYear: number,
  /** Lines a parser already could not read (a CSV's): refused together with the rest, in line order. */
  unreadable: readonly CapaianLineError[] = [],
  source: CapaianImportSource = 'CSV',
): CapaianTahunLaluEntry[] {
  const json = source === 'API';
  const indicators = indicatorsOf(pk).map((e) => e.indicator);
  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i.code]));
  // A name several indicators share ("Layanan Perkantoran" of K4.1 and K6.1) names none of them.
  const codesByName = new Map<string, string[]>();
  for (const i of indicators) codesByName.set(normalise(i.name), [...(codesByName.get(normalise(i.name)) ?? []), i.code]);
  const errors: Array<{ at: number; error: CapaianLineError | CapaianItemError }> = unreadable.map((e) => ({ at: e.line, error: e }));
  /** "Baris 3" / "Butir ke-3", with the indicator's code for a JSON item once it is known. */
  const where = (l: CapaianInputLine, code?: string) => (json ? `Butir ke-${l.line}${code ? ` (indikator ${code})` : ''}` : `Baris ${l.line}`);
  const refuse = (l: CapaianInputLine, field: 'indicator' | 'capaian', message: string) =>
    errors.push({ at: l.line, error: json ? { item: l.line, path: `entries[${l.line - 1}].${field}`, message } : { line: l.line, message } });
  const seen = new Map<string, number>();
  const entries: CapaianTahunLaluEntry[] = [];
  if (lines.length === 0 && unreadable.length === 0) {
    errors.push(json
      ? { at: 0, error: { item: 0, path: 'entries', message: 'Tidak ada butir capaian yang diimpor (entries kosong).' } }
      : { at: 0, error: { line: 0, message: 'Tidak ada baris capaian yang diimpor.' } });
  }
  for (const l of lines) {
    const named = byCode.has(l.indicator.trim().toLowerCase()) ? [] : (codesByName.get(normalise(l.indicator)) ?? []);
    if (named.length > 1) {
      refuse(l, 'indicator', `${where(l)}: nama indikator "${l.indicator.trim()}" dipakai oleh ${named.join(', ')}; tulis kodenya agar jelas indikator yang dimaksud.`);
      continue;
    }
    const code = byCode.get(l.indicator.trim().toLowerCase()) ?? named[0];
    const raw = l.capaian.trim().replace(/%$/, '').trim();
    if (!code) {
      refuse(l, 'indicator', `${where(l)}: indikator "${l.indicator.trim()}" tidak ada di Perjanjian Kinerja ${forYear} (tulis kode seperti K4.1 atau nama lengkapnya).`);
      continue;
    }
    if (!NUMBER.test(raw)) {
      refuse(l, 'capaian', `${where(l, code)}: capaian "${l.capaian.trim()}" bukan angka 0–1000 (contoh: 100 atau 98,50).`);
      continue;
    }
    const value = new Dec(raw.replace(',', '.'));
    if (value.gt(1000)) {
      refuse(l, 'capaian', `${where(l, code)}: capaian ${raw}% di luar rentang 0–1000.`);
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      refuse(l, 'indicator', `${where(l)}: indikator ${code} sudah ada di ${json ? `butir ke-${first}` : `baris ${first}`}.`);
      continue;
    }
    seen.set(code, l.line);
    entries.push({ indicatorCode: code, capaian: toTwoPlaces(value) });
  }
  if (errors.length > 0) {
    const sorted = errors.sort((a, b) => a.at - b.at).map((e) => e.error);
    throw new DomainError('CAPAIAN_TAHUN_LALU.INVALID', sorted.map((e) => e.message).join(' '), 'validation', { errors: sorted });
  }
  return entries;
}

const RESAVE = 'Simpan ulang dari Excel sebagai "CSV UTF-8 (dipisahkan koma)" lalu unggah lagi; tidak ada yang disimpan.';
const MAX_LINES_NAMED = 10;

/**
 * The text of an uploaded CSV, which must be UTF-8 (a leading UTF-8 BOM, as Excel's "CSV UTF-8"
 * writes, is dropped). Refused with `CAPAIAN_TAHUN_LALU.NOT_UTF8` and a message saying how to save it
 * again, rather than read as garbage: a UTF-16 file (Excel's "Teks Unicode": a FF FE or FE FF BOM, or
 * NUL bytes), `details.encoding` "UTF-16LE"/"UTF-16BE"/"UTF-16"; or bytes that are not UTF-8 (an
 * ANSI/Windows-1252 or latin-1 file), `details.encoding` "unknown" with the 1-based `details.lines`.
 */
export function decodeCapaianCsv(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    throw new DomainError(
      'CAPAIAN_TAHUN_LALU.NOT_UTF8',
      `Berkas CSV tersimpan sebagai UTF-16 ("Teks Unicode"), bukan UTF-8. ${RESAVE}`,
      'validation', { encoding: utf16 },
    );
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    const lines: number[] = [];
    let start = 0;
    for (let i = 0, line = 1; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        lines.push(line);
      }
      start = i + 1;
      line++;
    }
    const named = lines.slice(0, MAX_LINES_NAMED).join(', ') + (lines.length > MAX_LINES_NAMED ? ` dan ${lines.length - MAX_LINES_NAMED} baris lain` : '');
    throw new DomainError(
      'CAPAIAN_TAHUN_LALU.NOT_UTF8',
      `Berkas CSV bukan UTF-8: baris ${named} berisi huruf yang tidak dapat dibaca (berkas mungkin tersimpan sebagai ANSI/Windows-1252). ${RESAVE}`,
      'validation', { encoding: 'unknown', lines },
    );
  }
}

/** "UTF-16LE"/"UTF-16BE" by BOM or by where the NUL bytes of ASCII text fall, "UTF-16" if unclear; null without NULs or BOM. */
function utf16Of(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | 'UTF-16' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd === 0) return null;
  return odd > even * 2 ? 'UTF-16LE' : even > odd * 2 ? 'UTF-16BE' : 'UTF-16';
}

/**
 * The CSV format: one indicator per line, `kode atau nama indikator;capaian`, separated by ";"
 * (the decimal may use "," or "."; a trailing "%" is allowed). An optional first line
 * `kode;capaian` (or `indikator;capaian`) is a header; blank lines and lines starting with "#"
 * are skipped. A line without exactly one ";" is refused with its number. Bytes are read with
 * `decodeCapaianCsv` first (UTF-8 only).
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
