import { ApiProperty } from '@nestjs/swagger';

/** The one shape of every error Kinerja answers over HTTP. */
export class ErrorBody {
  @ApiProperty({ example: 'VALIDATION.FAILED', description: 'Stable code; clients branch on it, never on the message.' })
  code: string;

  @ApiProperty({ example: 'Data yang dikirim tidak valid: month: paling besar 12.', description: 'For people, in Bahasa Indonesia.' })
  message: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: {} })
  details: Record<string, unknown>;
}

/**
 * HTTP status per DomainError kind. A broken rule of the domain is 422; input the API cannot read
 * at all (malformed JSON, wrong types, unknown fields) is 400 and never reaches the domain.
 */
export const STATUS_BY_KIND = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
} as const;

/** Codes whose status is not that of their kind. */
export const STATUS_BY_CODE: Record<string, number> = {
  'VALIDATION.FAILED': 400,
  'REQUEST.MALFORMED': 400,
  // An If-Match header that names no version is input the API cannot read, like a malformed body.
  'REQUEST.INVALID_IF_MATCH': 400,
  // A pagination cursor Kinerja did not issue (garbled, cut, or from another route) is likewise unreadable input.
  'AUDIT.INVALID_CURSOR': 400,
  // A body of a media type the route does not take (MediaTypeGuard), as the JSON parser's own 415.
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  // A path a route takes, asked with a method it does not take (method-not-allowed.ts), with Allow.
  'REQUEST.METHOD_NOT_ALLOWED': 405,
  // Locked (423) for the account, Too Many Requests (429) for the address: both carry Retry-After.
  'AUTH.LOCKED': 423,
  'AUTH.RATE_LIMITED': 429,
  'EVENT_STORE.CONCURRENCY': 409,
  // Uploads: Content Too Large (413) for a file over its limit, Unsupported Media Type (415) for a
  // type not allowed (a macro-enabled docm/xlsm is another type than DOCX/XLSX), 400 for a multipart
  // body that cannot be read. A file of an allowed type that is damaged (EVIDENCE.FILE_DAMAGED),
  // unpacks to too much (EVIDENCE.UNPACKED_TOO_LARGE) or is a PDF that opens only with a password
  // (EVIDENCE.PASSWORD_PROTECTED) is 422, its kind's.
  'EVIDENCE.TOO_LARGE': 413,
  'EVIDENCE.TYPE_NOT_ALLOWED': 415,
  'EVIDENCE.MACRO_NOT_ALLOWED': 415,
  'EVIDENCE.MALFORMED_UPLOAD': 400,
  'EVIDENCE.ONE_FILE_ONLY': 400,
  // An account's uploads per hour or bytes per day used up (EvidenceUploadLimiter), with Retry-After.
  'EVIDENCE.RATE_LIMITED': 429,
  // Too many of one account's uploads being read at once (UploadsInFlight), with Retry-After.
  'EVIDENCE.UPLOAD_IN_PROGRESS': 429,
  // One account's commands over COMMAND_RATE_BURST / COMMAND_RATE_PER_WINDOW (CommandRateGuard), with Retry-After.
  'RATE_LIMIT.COMMANDS': 429,
  // The data folder is full (ENOSPC, EDQUOT): Insufficient Storage (RFC 4918 §11.5), without
  // Retry-After, since only freeing space helps. A folder that cannot be written or read now is
  // STORAGE.UNAVAILABLE, its kind's 503 with Retry-After.
  'STORAGE.FULL': 507,
  'CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE': 413,
  'CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD': 400,
  'CAPAIAN_TAHUN_LALU.ONE_FILE_ONLY': 400,
};

/**
 * The 503 of a route that writes or reads a stored file (evidence, LKj) while the data folder is
 * missing, unmounted or not writable: STORAGE.UNAVAILABLE with Retry-After; never an integrity alert.
 */
export function storageUnavailableResponse(operation: 'write' | 'read') {
  return {
    status: 503,
    type: ErrorBody,
    description:
      (operation === 'write'
        ? 'STORAGE.UNAVAILABLE: folder data (DATA_DIR) tidak ada, tidak terpasang atau tidak dapat ditulis (details.errno: ENOENT, ENOTDIR, EACCES, EPERM, EROFS, EIO …); berkas tidak disimpan dan tidak dihitung'
        : 'STORAGE.UNAVAILABLE: folder data (DATA_DIR) atau folder penyimpanannya tidak ada, tidak terpasang atau tidak dapat dibaca (details.errno); bukan kerusakan berkas, tidak dicatat sebagai peringatan integritas') +
      '; coba lagi setelah Retry-After. DATABASE.UNAVAILABLE: basis data tidak terjangkau',
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } },
  };
}
