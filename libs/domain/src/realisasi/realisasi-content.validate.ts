import { DomainError } from '../shared/domain-error';
import { caseHint } from '../shared/case-hint';
import { parseDecimal, RUPIAH_DECIMAL_PLACES } from '../shared/decimal';
import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';
import type { PkVersionInForce } from '../perjanjian-kinerja/pk-structure.types';
import { type EvidenceRef, type RealisasiContent, type RealisasiLine, TEXT_FIELD_LABEL } from './realisasi.types';

const SHA256 = /^[0-9a-f]{64}$/;
const MAX_TEXT = 5000;

function refuse(code: string, message: string, kind: 'validation' | 'forbidden' = 'validation', details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, kind, details);
}

/** A file name is shown and offered for download: no folders, no control characters, no quotes. */
const UNSAFE_FILE_NAME = /[\\/\u0000-\u001f\u007f"]/;

function validateEvidence(ref: EvidenceRef, indicator: string): void {
  const ok = ref && typeof ref.sha256 === 'string' && SHA256.test(ref.sha256)
    && typeof ref.fileName === 'string' && ref.fileName.trim() !== '' && ref.fileName.length <= 255 && !UNSAFE_FILE_NAME.test(ref.fileName)
    && typeof ref.contentType === 'string' && ref.contentType.trim() !== ''
    && Number.isSafeInteger(ref.size) && ref.size > 0;
  if (!ok) refuse('REALISASI.INVALID_EVIDENCE', `Bukti dukung indikator ${indicator} tidak valid (hash SHA-256, nama file tanpa folder, jenis dan ukuran file).`, 'validation', { indicator });
}

function validateLine(line: RealisasiLine): void {
  const code = line.indicatorCode;
  if (line.value !== null) parseDecimal(line.value, 'REALISASI.INVALID_VALUE', `Realisasi indikator ${code}`);
  for (const field of ['narrative', 'kendala', 'solusi'] as const) {
    if (typeof line[field] !== 'string' || line[field].length > MAX_TEXT) {
      refuse('REALISASI.INVALID_TEXT', `Isian ${TEXT_FIELD_LABEL[field]} indikator ${code} harus teks (paling banyak ${MAX_TEXT} karakter).`, 'validation', { indicator: code, field });
    }
  }
  if (!Array.isArray(line.evidence)) refuse('REALISASI.INVALID_EVIDENCE', `Bukti dukung indikator ${code} harus berupa daftar.`);
  const attached = new Set<string>();
  for (const ref of line.evidence) {
    validateEvidence(ref, code);
    // The same file listed twice reads as two proofs where there is one.
    if (attached.has(ref.sha256)) {
      refuse(
        'REALISASI.DUPLICATE_EVIDENCE',
        `Bukti dukung indikator ${code}: file "${ref.fileName}" dilampirkan lebih dari sekali (isinya sama, SHA-256 ${ref.sha256.slice(0, 12)}…). Hapus salah satunya.`,
        'validation',
        { indicator: code, sha256: ref.sha256 },
      );
    }
    attached.add(ref.sha256);
  }
}

/** "PK 2024 versi 1 yang berlaku untuk bulan laporan ini": the version the report's month follows, which a correction keeps. */
function pkOfMonth(pk: PkVersionInForce): string {
  return `PK ${pk.year} versi ${pk.version} yang berlaku untuk bulan laporan ini`;
}

/** Codes are told apart by case ("K3.1" is not "k3.1"): the ones a reader most likely meant. */
function alikeCodes(codes: readonly string[], code: unknown): string[] {
  if (typeof code !== 'string') return [];
  return [...new Set(codes.filter((c) => c.toLowerCase() === code.toLowerCase()))].sort();
}

/**
 * Lines may only name indicators the subbagian is PIC of (once each); budget only kegiatan in which
 * it owns an indicator (each subbagian reports what it spent, so amounts of one kegiatan add up).
 */
export function validateRealisasiContent(content: RealisasiContent, pk: PkVersionInForce, subbagian: string): void {
  if (!content || !Array.isArray(content.lines) || !Array.isArray(content.budget)) {
    refuse('REALISASI.INVALID_CONTENT', 'Isi laporan harus memuat daftar baris indikator dan daftar anggaran.');
  }
  const all = new Map(indicatorsOf(pk.structure).map((entry) => [entry.indicator.code, entry]));
  const seen = new Set<string>();
  for (const line of content.lines) {
    const entry = all.get(line?.indicatorCode);
    if (!entry) {
      const code = line?.indicatorCode;
      const alike = alikeCodes([...all.keys()], code);
      refuse('REALISASI.UNKNOWN_INDICATOR', `Indikator ${String(code)}${caseHint(alike)} tidak ada dalam PK yang berlaku.`, 'validation', { indicator: code, alike });
    }
    if (entry.indicator.picSubbagian !== subbagian) {
      // The PK that applies to the report's month may be an earlier version than the one in force now, with other PICs.
      refuse(
        'REALISASI.INDICATOR_NOT_OWNED',
        `Indikator ${line.indicatorCode} bukan tanggung jawab subbagian ${subbagian} menurut ${pkOfMonth(pk)}; `
          + `penanggung jawabnya subbagian ${entry.indicator.picSubbagian}.`,
        'forbidden',
        { indicator: line.indicatorCode, pkVersion: pk.version, picSubbagian: entry.indicator.picSubbagian },
      );
    }
    if (seen.has(line.indicatorCode)) refuse('REALISASI.DUPLICATE_LINE', `Indikator ${line.indicatorCode} diisi lebih dari sekali.`, 'validation', { indicator: line.indicatorCode });
    seen.add(line.indicatorCode);
    validateLine(line);
  }
  const ownedKegiatan = new Set([...all.values()].filter((e) => e.indicator.picSubbagian === subbagian).map((e) => e.kegiatan.code));
  const seenKegiatan = new Set<string>();
  const allKegiatan = pk.structure.programs.flatMap((p) => p.kegiatan.map((k) => k.code));
  for (const b of content.budget) {
    if (!allKegiatan.includes(b?.kegiatanCode)) {
      const code = b?.kegiatanCode;
      const alike = alikeCodes(allKegiatan, code);
      refuse('REALISASI.UNKNOWN_KEGIATAN', `Kegiatan ${String(code)}${caseHint(alike)} tidak ada dalam PK yang berlaku.`, 'validation', { kegiatan: code, alike });
    }
    if (!ownedKegiatan.has(b.kegiatanCode)) {
      refuse('REALISASI.KEGIATAN_NOT_OWNED', `Anggaran kegiatan ${String(b?.kegiatanCode)} tidak dapat dilaporkan oleh subbagian ${subbagian}.`, 'forbidden', { kegiatan: b?.kegiatanCode });
    }
    if (seenKegiatan.has(b.kegiatanCode)) refuse('REALISASI.DUPLICATE_LINE', `Anggaran kegiatan ${b.kegiatanCode} diisi lebih dari sekali.`, 'validation', { kegiatan: b.kegiatanCode });
    seenKegiatan.add(b.kegiatanCode);
    parseDecimal(b.spent, 'REALISASI.INVALID_BUDGET', `Realisasi anggaran kegiatan ${b.kegiatanCode}`, RUPIAH_DECIMAL_PLACES);
  }
}

/** At submission: a line for every indicator owned, and evidence wherever a reported value requires it. */
export function validateCompleteForSubmission(content: RealisasiContent, pk: PkVersionInForce, subbagian: string): void {
  const owned = indicatorsOf(pk.structure).filter((e) => e.indicator.picSubbagian === subbagian);
  const lines = new Map(content.lines.map((l) => [l.indicatorCode, l]));
  const missing = owned.filter((e) => !lines.has(e.indicator.code)).map((e) => e.indicator.code);
  if (missing.length > 0) {
    refuse('REALISASI.MISSING_LINES', `Baris indikator berikut belum diisi: ${missing.join(', ')}. Kosongkan nilainya bila memang tidak dilaporkan.`, 'validation', { indicators: missing });
  }
  const withoutEvidence = owned
    .filter((e) => e.indicator.evidenceRequired)
    .filter((e) => { const l = lines.get(e.indicator.code)!; return l.value !== null && l.evidence.length === 0; })
    .map((e) => e.indicator.code);
  if (withoutEvidence.length > 0) {
    refuse('REALISASI.EVIDENCE_REQUIRED', `Bukti dukung wajib dilampirkan untuk indikator: ${withoutEvidence.join(', ')}.`, 'validation', { indicators: withoutEvidence });
  }
}
