import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { pdfLock } from './pdf-encryption.detect';
import { isWhite } from './pdf-syntax';

/** The types of bukti dukung Kinerja accepts, recognised by their content, never by name or header. */
export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_TYPES;
export type EvidenceContentType = (typeof EVIDENCE_TYPES)[EvidenceKind];

/** Bounds on what a DOCX/XLSX package may unpack to, read from its central directory. */
export interface PackageLimits {
  /** The sum of the parts' uncompressed sizes. */
  maxUnpackedBytes: number;
  /** The number of parts (entries) in the package. */
  maxEntries: number;
}

/**
 * What the bytes of an upload are. `reason` (for `damaged`) is in Bahasa Indonesia: it is shown
 * to the uploader in the refusal's details.
 */
export type EvidenceInspection =
  | { verdict: 'accepted'; kind: EvidenceKind; contentType: EvidenceContentType }
  /** None of the accepted types; `legacyOffice`: an OLE compound file (.doc/.xls, or an OOXML document with a password). */
  | { verdict: 'not_allowed'; legacyOffice: boolean }
  /** Starts like `kind` but is not a whole file of it (truncated, garbage after a signature). */
  | { verdict: 'damaged'; kind: EvidenceKind; reason: string }
  /**
   * A PDF that does not open without a password (or a certificate): encrypted with a user password,
   * or by another security handler than the Standard one (`securityHandler`, its /Filter).
   */
  | { verdict: 'password_protected'; kind: 'pdf'; securityHandler: string }
  /** A macro-enabled Office document (docm/xlsm content) presented as DOCX/XLSX. */
  | { verdict: 'macro'; kind: 'docx' | 'xlsx'; part: string }
  /** A package whose parts unpack to more than the limits (a ZIP bomb, or a document far too big). */
  | { verdict: 'unpacked_too_large'; kind: 'docx' | 'xlsx'; unpackedBytes: number; entries: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Buffer, signature: number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * Inspects an upload's bytes: which accepted type they are, and whether they are a whole, safe file
 * of it. Structural checks only, cheap and in-process (nothing is decoded or rendered):
 * - PDF: a `%PDF-1.0`…`%PDF-1.7` or `%PDF-2.0` header (after a UTF-8 byte order mark too, which
 *   readers skip), at least one indirect object (`n g obj`), and `%%EOF` within the last 1 KiB once
 *   trailing white space and NUL padding are set aside (a truncated PDF loses it); and when its last
 *   trailer has /Encrypt, a Standard security handler whose user password is empty (an owner
 *   password alone restricts printing or copying; the file still opens) — see `pdfLock`;
 * - PNG: the signature, an IHDR chunk first (13 bytes), chunks that fit the file, each with its CRC
 *   right (image data damaged in transfer is caught), at least one IDAT, and IEND ending the file but
 *   for white space or NUL padding (a script or another file appended to an image is refused);
 * - JPEG: SOI, marker segments that fit the file, a frame header (SOF) and a scan, and the EOI that
 *   ends the image. Bytes after EOI are allowed: phone cameras append maker data or a motion-photo
 *   video there, and the image itself is whole;
 * - DOCX/XLSX: a ZIP whose central directory reads, with `[Content_Types].xml` and the main part
 *   (`word/document.xml`, `xl/workbook.xml`), no part name twice, no macro part (`vbaProject.bin`,
 *   `vbaData.xml`, Excel 4 macro sheets) nor macro-enabled content type (docm/xlsm), and at most
 *   `limits` parts and uncompressed bytes as the central directory declares them. Only
 *   `[Content_Types].xml` is inflated, into a buffer of at most 1 MiB. A password-protected OOXML
 *   document is an OLE compound file, not a ZIP: it is `not_allowed` (with `legacyOffice`).
 */
export function inspectEvidence(bytes: Buffer, limits: PackageLimits): EvidenceInspection {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return inspectPdf(bytes); // %PDF-
  if (startsWith(bytes, [0xef, 0xbb, 0xbf, 0x25, 0x50, 0x44, 0x46, 0x2d])) return inspectPdf(bytes.subarray(3)); // BOM %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return verdictOf('jpeg', jpegProblem(bytes));
  if (startsWith(bytes, PNG_SIGNATURE)) return verdictOf('png', pngProblem(bytes));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return inspectPackage(bytes, limits);
  return { verdict: 'not_allowed', legacyOffice: startsWith(bytes, OLE_SIGNATURE) };
}

function verdictOf(kind: 'jpeg' | 'png', problem: string | null): EvidenceInspection {
  return problem === null ? { verdict: 'accepted', kind, contentType: EVIDENCE_TYPES[kind] } : { verdict: 'damaged', kind, reason: problem };
}

// ---------------------------------------------------------------------------------------------- PDF

const PDF_HEADER = /^%PDF-(1\.[0-7]|2\.0)[\r\n\s%]/;
/** `n g obj`, each part bounded so that a long run of digits costs linear time. */
const PDF_OBJECT = /\d{1,10}[\0\t\n\f\r ]{1,8}\d{1,5}[\0\t\n\f\r ]{1,8}obj\b/;
const PDF_TAIL = 1024;

function inspectPdf(bytes: Buffer): EvidenceInspection {
  const text = bytes.toString('latin1');
  const problem = pdfProblem(bytes, text);
  const lock = problem === null ? pdfLock(text) : { verdict: 'damaged' as const, reason: problem };
  switch (lock.verdict) {
    case 'opens': return { verdict: 'accepted', kind: 'pdf', contentType: EVIDENCE_TYPES.pdf };
    case 'damaged': return { verdict: 'damaged', kind: 'pdf', reason: lock.reason };
    case 'password_protected': return { verdict: 'password_protected', kind: 'pdf', securityHandler: lock.securityHandler };
  }
}

function pdfProblem(bytes: Buffer, text: string): string | null {
  if (!PDF_HEADER.test(text.slice(0, 16))) return 'kepala berkas bukan %PDF-1.x atau %PDF-2.0';
  if (!bytes.subarray(Math.max(0, endWithoutPadding(bytes) - PDF_TAIL)).includes('%%EOF')) return 'penanda akhir %%EOF tidak ada: isinya terpotong';
  if (!PDF_OBJECT.test(text)) return 'tidak berisi satu pun objek PDF';
  return null;
}

/** Where the file ends once trailing white space and NUL padding (added by some scanners and mail gateways) are set aside. */
function endWithoutPadding(bytes: Buffer): number {
  let end = bytes.length;
  while (end > 0 && isWhite(bytes[end - 1])) end -= 1;
  return end;
}

// ---------------------------------------------------------------------------------------------- PNG

function pngProblem(bytes: Buffer): string | null {
  let at = PNG_SIGNATURE.length;
  let first = true;
  let images = 0;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return `potongan ${type} terpotong`;
    const crcOk = crc32(bytes.subarray(at + 4, at + 8 + length)) === bytes.readUInt32BE(at + 8 + length);
    if (first) {
      if (type !== 'IHDR' || length !== 13 || !crcOk) return 'header IHDR tidak ada atau rusak';
      if (bytes.readUInt32BE(at + 8) === 0 || bytes.readUInt32BE(at + 12) === 0) return 'ukuran gambar pada IHDR nol';
      first = false;
    }
    if (type === 'IEND') {
      if (length !== 0 || !crcOk) return 'penanda akhir IEND rusak';
      if (images === 0) return 'tidak berisi data gambar (IDAT)';
      return end >= endWithoutPadding(bytes) ? null : 'ada data lain setelah penanda akhir IEND';
    }
    if (!crcOk) return type === 'IDAT' ? 'data gambar (IDAT) rusak: nilai pemeriksaannya (CRC) tidak cocok' : `potongan ${type} rusak: nilai pemeriksaannya (CRC) tidak cocok`;
    if (type === 'IDAT') images += 1;
    at = end;
  }
  return first ? 'header IHDR tidak ada atau rusak' : 'penanda akhir IEND tidak ada: isinya terpotong';
}

// --------------------------------------------------------------------------------------------- JPEG

/** Markers that stand alone, without a length: TEM, RST0–RST7, SOI, EOI. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
/** Start-of-frame markers: SOF0–SOF15 less DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walks the segments from SOI to EOI, skipping the entropy-coded data after each scan. */
function jpegProblem(bytes: Buffer): string | null {
  let at = 2;
  let frame = false;
  let scan = false;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return 'struktur segmen JPEG rusak';
    const marker = bytes[at + 1];
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd9) {
      if (!frame) return 'tidak berisi penanda ukuran gambar (SOF)';
      return scan ? null : 'tidak berisi data gambar (SOS)';
    }
    if (standalone(marker)) { at += 2; continue; }
    if (at + 4 > bytes.length) break;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) break;
    if (isFrame(marker)) frame = true;
    at += 2 + length;
    if (marker === 0xda) {
      scan = true;
      // Entropy-coded data: up to the next marker that is neither a stuffed 0xFF00 nor a restart.
      for (at = bytes.indexOf(0xff, at); at !== -1 && at + 1 < bytes.length; at = bytes.indexOf(0xff, at + 1)) {
        const next = bytes[at + 1];
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
      }
      if (at === -1) break;
    }
  }
  return 'penanda akhir EOI tidak ada: isinya terpotong';
}

// ---------------------------------------------------------------------------------------- DOCX/XLSX

const MAIN_PART = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' } as const;
const CONTENT_TYPES = '[content_types].xml';
/** Caps on inflating `[Content_Types].xml` (a real one is a few KiB). */
const CONTENT_TYPES_MAX_BYTES = 1024 * 1024;
const CONTENT_TYPES_MAX_COMPRESSED = 64 * 1024;
/** Parts that hold macros: VBA projects (any folder), Word's VBA data, Excel 4 (XLM) macro sheets. */
const MACRO_PART = /(^|\/)vbaproject\.bin$|(^|\/)vbadata\.xml$|^xl\/macrosheets\//;
/** Content types of macro-enabled documents (docm, dotm, xlsm, xltm, xlam) and of VBA projects. */
const MACRO_CONTENT_TYPE = /macroenabled|vbaproject|addin\.macro/i;

class PackageRefusal extends Error {
  constructor(readonly inspection: EvidenceInspection) {
    super(inspection.verdict);
  }
}

function inspectPackage(bytes: Buffer, limits: PackageLimits): EvidenceInspection {
  // Before the central directory is read, the kind is guessed from the first part names (stored
  // uncompressed in the local headers), for a refusal of a damaged package to name it.
  const guess = (): 'docx' | 'xlsx' | null => (bytes.includes('word/') ? 'docx' : bytes.includes('xl/') ? 'xlsx' : null);
  const names = new Map<string, string>();
  let unpackedBytes = 0;
  let contentTypes: Uint8Array | undefined;
  try {
    const parts = unzipSync(bytes, {
      filter: (entry) => {
        const name = entry.name.toLowerCase();
        unpackedBytes += entry.originalSize;
        if (names.size + 1 > limits.maxEntries || unpackedBytes > limits.maxUnpackedBytes) {
          const kind = kindOf(names) ?? guess() ?? 'docx';
          throw new PackageRefusal({ verdict: 'unpacked_too_large', kind, unpackedBytes, entries: names.size + 1 });
        }
        if (name === '' || names.has(name)) throw new PackageRefusal({ verdict: 'damaged', kind: guess() ?? 'docx', reason: 'direktori ZIP rusak (nama bagian kosong atau ganda)' });
        names.set(name, entry.name);
        if (name !== CONTENT_TYPES) return false;
        if (entry.originalSize > CONTENT_TYPES_MAX_BYTES || entry.size > CONTENT_TYPES_MAX_COMPRESSED || (entry.compression !== 0 && entry.compression !== 8)) {
          throw new PackageRefusal({ verdict: 'damaged', kind: guess() ?? 'docx', reason: '[Content_Types].xml tidak wajar' });
        }
        return true;
      },
    });
    contentTypes = Object.entries(parts).find(([name]) => name.toLowerCase() === CONTENT_TYPES)?.[1];
  } catch (error) {
    if (error instanceof PackageRefusal) return error.inspection;
    const kind = guess();
    return kind ? { verdict: 'damaged', kind, reason: 'direktori ZIP tidak dapat dibaca: isinya terpotong atau rusak' } : { verdict: 'not_allowed', legacyOffice: false };
  }
  const kind = kindOf(names);
  const macro = [...names.keys()].find((name) => MACRO_PART.test(name));
  if (macro) return { verdict: 'macro', kind: kind ?? guess() ?? 'docx', part: names.get(macro)! };
  if (!kind) {
    const damaged = [...names.keys()].some((n) => n.startsWith('word/')) ? 'docx' : [...names.keys()].some((n) => n.startsWith('xl/')) ? 'xlsx' : null;
    return damaged ? { verdict: 'damaged', kind: damaged, reason: `bagian utama ${MAIN_PART[damaged]} tidak ada` } : { verdict: 'not_allowed', legacyOffice: false };
  }
  if (!contentTypes) return { verdict: 'damaged', kind, reason: '[Content_Types].xml tidak ada' };
  const declared = Buffer.from(contentTypes.buffer, contentTypes.byteOffset, contentTypes.byteLength).toString('utf8');
  if (!declared.includes('<Types')) return { verdict: 'damaged', kind, reason: '[Content_Types].xml tidak terbaca' };
  if (MACRO_CONTENT_TYPE.test(declared)) return { verdict: 'macro', kind, part: '[Content_Types].xml' };
  return { verdict: 'accepted', kind, contentType: EVIDENCE_TYPES[kind] };
}

function kindOf(names: Map<string, string>): 'docx' | 'xlsx' | null {
  if (names.has(MAIN_PART.docx)) return 'docx';
  if (names.has(MAIN_PART.xlsx)) return 'xlsx';
  return null;
}
