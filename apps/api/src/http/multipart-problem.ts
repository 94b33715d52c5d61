import type { DomainError } from '@kinerja/domain';

/**
 * What the multipart parser (busboy, under multer) could not read, told in Indonesian for the
 * person who sent it, with the parser's own text kept beside it for whoever debugs the client.
 */
export interface MultipartProblem {
  /** In Indonesian: what is wrong with the body, e.g. "isi unggahan terpotong sebelum selesai". */
  reason: string;
  /** The parser's message as it gave it (English), e.g. "Unexpected end of form". */
  parserMessage: string;
}

const REASONS: ReadonlyArray<[RegExp, string]> = [
  // Busboy says this for a body cut off mid-part, an empty one, and one whose parts use another
  // boundary than the Content-Type names (gzip-encoded too): it never found the closing boundary.
  [/^Unexpected end of (form|file)$/i, 'isi multipart berakhir sebelum batas penutupnya: isinya terpotong atau kosong, '
    + 'atau batas (boundary) pada header Content-Type tidak sama dengan yang dipakai di isi'],
  [/^Multipart: Boundary not found$/i, 'batas (boundary) multipart tidak ada pada header Content-Type'],
  [/^Malformed part header$/i, 'kepala salah satu bagian multipart rusak (mis. nama berkas berisi karakter kendali)'],
  [/^Malformed content type$/i, 'header Content-Type tidak dapat dibaca'],
  [/^Missing Content-Type$/i, 'header Content-Type tidak ada'],
  [/^Request (aborted|closed)$/i, 'unggahan terputus sebelum selesai dikirim'],
];

/** Multer's limits other than the file's own (size, count, field name): the body is not as an upload route takes it. */
const LIMITS: Readonly<Record<string, string>> = {
  LIMIT_FIELD_COUNT: 'terlalu banyak field di samping berkas; kirim hanya field "file"',
  LIMIT_PART_COUNT: 'terlalu banyak bagian multipart; kirim hanya field "file"',
  LIMIT_FIELD_KEY: 'nama sebuah field terlalu panjang; kirim hanya field "file"',
  LIMIT_FIELD_VALUE: 'isi sebuah field terlalu panjang; kirim hanya field "file"',
};

/** The multer error codes {@link multipartProblem} tells as a body that cannot be read (not as a missing file). */
export function isUnreadableBodyLimit(code: string | undefined): boolean {
  return code !== undefined && Object.hasOwn(LIMITS, code);
}

export function multipartProblem(error: unknown): MultipartProblem {
  const parserMessage = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(LIMITS, code)) return { reason: LIMITS[code], parserMessage };
  const known = REASONS.find(([pattern]) => pattern.test(parserMessage.trim()));
  return { reason: known ? known[1] : 'bentuk multipart/form-data tidak dapat diurai', parserMessage };
}

/** How one upload route words each refusal of its multipart body. */
export interface UploadRefusals {
  /** The file is over the route's size limit (413). */
  tooLarge(): DomainError;
  /** More than one file in the field `file`. */
  oneFileOnly(): DomainError;
  /** No file in the field `file` (sent under another name, or none). */
  missingFile(): DomainError;
  /** The body cannot be read: `problem` says why. */
  malformed(problem: MultipartProblem): DomainError;
}

/**
 * The refusal of an upload whose multipart body multer (busboy under it) turned down, the same rule
 * for every upload route: a second file in the field `file` (multer's LIMIT_FILE_COUNT, or
 * LIMIT_UNEXPECTED_FILE when it comes past `files: 1` by name) is not a missing one; too many fields
 * or parts, or one too long, is a body the route cannot read, as anything else the parser refuses
 * (a malformed part header, a cut-off body, no boundary): the client's input, never a server error.
 */
export function uploadRefusal(error: unknown, refusals: UploadRefusals): DomainError {
  const { code, field } = (error ?? {}) as { code?: string; field?: string };
  if (code === 'LIMIT_FILE_SIZE') return refusals.tooLarge();
  if (code === 'LIMIT_FILE_COUNT' || (code === 'LIMIT_UNEXPECTED_FILE' && field === 'file')) return refusals.oneFileOnly();
  if (!isUnreadableBodyLimit(code) && code?.startsWith('LIMIT_')) return refusals.missingFile();
  return refusals.malformed(multipartProblem(error));
}
