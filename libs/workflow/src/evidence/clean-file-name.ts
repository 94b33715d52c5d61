import { EVIDENCE_TYPES, type EvidenceContentType } from './evidence-type.detect';

/** The extension a file of each accepted type is saved under; the first is the one appended. */
export const EVIDENCE_EXTENSIONS: Record<EvidenceContentType, readonly string[]> = {
  [EVIDENCE_TYPES.pdf]: ['.pdf'],
  [EVIDENCE_TYPES.jpeg]: ['.jpg', '.jpeg'],
  [EVIDENCE_TYPES.png]: ['.png'],
  [EVIDENCE_TYPES.docx]: ['.docx'],
  [EVIDENCE_TYPES.xlsx]: ['.xlsx'],
};

const FILE_NAME_MAX = 200;
const NEUTRAL_NAME = 'bukti-dukung';

/**
 * Characters never kept in a name: controls (Cc), format characters (Cf: the bidi overrides and
 * isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F/U+061C, zero-width ones),
 * lone surrogates, line and paragraph separators, and the double quote of Content-Disposition.
 * A right-to-left override would make `laporan<U+202E>fdp.exe` read as "laporanexe.pdf".
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}"]/gu;

/**
 * A name safe to show and to put in Content-Disposition: no path, no control or format characters,
 * ending in the extension of the type detected from the content (appended when the name ends in
 * another: `bukti-rapat.html` stored as PDF becomes `bukti-rapat.html.pdf`, so that the computer
 * that opens it picks a PDF reader), ≤ 200 characters, shortened before that extension. Applied at
 * upload and again at download, so that names stored before this rule are served the same way.
 */
export function cleanFileName(name: string | undefined, contentType?: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Trailing dots and spaces are dropped by Windows when saving, which would expose the name's
  // inner extension.
  const clean = base.replace(UNSAFE, '').trim().replace(/[. ]+$/, '');
  const extensions = contentType ? EVIDENCE_EXTENSIONS[contentType as EvidenceContentType] : undefined;
  const current = /\.[\p{L}\p{N}_-]{1,10}$/u.exec(clean)?.[0] ?? '';
  // A name that is only an extension (".pdf") would be a hidden file on many systems.
  const stem = clean.slice(0, clean.length - current.length).trim();
  if (!extensions) return stem === '' ? NEUTRAL_NAME : shorten(clean, current);
  if (stem === '') return `${NEUTRAL_NAME}${extensions[0]}`;
  if (extensions.includes(current.toLowerCase())) return shorten(clean, current);
  return shorten(`${clean}${extensions[0]}`, extensions[0]);
}

/** Counted and cut in code points, so that a character outside the BMP is never split in two. */
function shorten(name: string, extension: string): string {
  const chars = [...name];
  if (chars.length <= FILE_NAME_MAX) return name;
  return `${chars.slice(0, FILE_NAME_MAX - [...extension].length).join('').trimEnd()}${extension}`;
}

/**
 * A report's content with every evidence reference's name cleaned as an upload's is (`cleanFileName`
 * by the reference's type, which `EvidenceService.assertUploaded` holds equal to the stored one): the
 * name a client sends is what the report view, the trail and the LKj show, so a right-to-left
 * override or a misleading extension sent there must not survive either.
 */
export function withCleanEvidenceNames<C extends { lines: Array<{ evidence: Array<{ fileName: string; contentType: string }> }> }>(content: C): C {
  return {
    ...content,
    lines: content.lines.map((line) => ({
      ...line,
      evidence: Array.isArray(line.evidence)
        // A name with a folder in it is left for the decider to refuse (REALISASI.INVALID_EVIDENCE).
        ? line.evidence.map((ref) => (/[\\/]/.test(ref.fileName) ? ref : { ...ref, fileName: cleanFileName(ref.fileName, ref.contentType) }))
        : line.evidence,
    })),
  };
}
