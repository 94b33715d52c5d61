import { HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@kinerja/domain';
import { databaseUnavailable } from '@kinerja/platform';
import { JSON_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_WORDS } from './body-limit';
import { ErrorBody, STATUS_BY_CODE, STATUS_BY_KIND } from './error-body';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True for faults of the server, which are logged with their stack and never shown. */
  unexpected: boolean;
}

// Nest's own exceptions (unknown route, body too large, malformed JSON …) in Kinerja's shape.
const HTTP_EXCEPTIONS: Record<number, { code: string; message: string }> = {
  400: { code: 'REQUEST.INVALID', message: 'Permintaan tidak valid.' },
  401: { code: 'AUTH.UNAUTHENTICATED', message: 'Anda harus masuk terlebih dahulu.' },
  403: { code: 'AUTH.FORBIDDEN', message: 'Anda tidak berwenang melakukan tindakan ini.' },
  404: { code: 'ROUTE.NOT_FOUND', message: 'Alamat yang diminta tidak ditemukan.' },
  405: { code: 'REQUEST.METHOD_NOT_ALLOWED', message: 'Metode ini tidak didukung untuk alamat tersebut.' },
  406: { code: 'REQUEST.NOT_ACCEPTABLE', message: 'Format jawaban yang diminta tidak tersedia.' },
  408: { code: 'REQUEST.TIMEOUT', message: 'Permintaan terlalu lama. Coba lagi.' },
  409: { code: 'REQUEST.CONFLICT', message: 'Permintaan bertentangan dengan keadaan data saat ini.' },
  413: {
    code: 'REQUEST.TOO_LARGE',
    message: `Data yang dikirim terlalu besar: isi JSON paling besar ${JSON_BODY_LIMIT_WORDS}. Perpendek teks yang sangat panjang (misalnya uraian, `
      + 'kendala atau solusi), dan unggah bukti dukung sebagai berkas tersendiri, bukan di dalam isi permintaan.',
  },
  // The JSON parser's refusal of another charset (`charset=latin1`) or of a Content-Encoding it cannot undo.
  415: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'Jenis isi permintaan tidak didukung; kirim JSON dalam UTF-8 (Content-Type: application/json).' },
  422: { code: 'REQUEST.UNPROCESSABLE', message: 'Permintaan tidak dapat diproses.' },
  429: { code: 'REQUEST.TOO_MANY', message: 'Terlalu banyak permintaan. Coba lagi nanti.' },
};

const DATABASE_UNAVAILABLE = {
  code: 'DATABASE.UNAVAILABLE',
  message: 'Basis data Kinerja sedang tidak dapat dijangkau. Coba lagi beberapa saat lagi; bila masalah berlanjut, hubungi administrator.',
};
const DATABASE_RETRY_AFTER_SECONDS = 5;

const INTERNAL = { code: 'INTERNAL', message: 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi administrator.' };

function withRetryAfter(details: Record<string, unknown>): Record<string, string> {
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? { 'Retry-After': String(Math.ceil(seconds)) } : {};
}

/** The methods a 405 names (RFC 9110 §10.2.1: a 405 carries `Allow`). */
function withAllow(details: Record<string, unknown>): Record<string, string> {
  const methods = details.allowedMethods;
  return Array.isArray(methods) && methods.length > 0 ? { Allow: methods.join(', ') } : {};
}

function fromDomainError(error: DomainError): ErrorResponse {
  const status = STATUS_BY_CODE[error.code] ?? STATUS_BY_KIND[error.kind] ?? 400;
  return {
    status,
    body: { code: error.code, message: error.message, details: error.details ?? {} },
    headers: { ...withRetryAfter(error.details ?? {}), ...(status === 405 ? withAllow(error.details ?? {}) : {}) },
    unexpected: false,
  };
}

/** The event store's stale-writer error, matched by its code so this edge needs no import of it. */
function isConcurrencyError(error: unknown): error is Error & { code: string; details?: Record<string, unknown> } {
  return error instanceof Error && (error as { code?: unknown }).code === 'EVENT_STORE.CONCURRENCY';
}

/**
 * A body that is valid JSON but no object or list (`null`, `5`, `"teks"`): the JSON parser takes
 * only those two at the top (strict) and reports the rest as a syntax error, which it is not.
 */
function isBareJsonValue(body: unknown): boolean {
  if (typeof body !== 'string' || /^\s*[[{]/.test(body)) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  if (status >= 500) return internal();
  const cause = (exception as { cause?: unknown }).cause;
  if (status === 400 && cause instanceof SyntaxError) {
    const message = (cause as { invalidUtf8?: boolean }).invalidUtf8
      ? 'Isi permintaan bukan teks UTF-8 yang sah; kirim JSON dalam UTF-8.'
      : isBareJsonValue((cause as { body?: unknown }).body)
        ? 'Isi permintaan harus berupa objek JSON ({ … }); null, angka, teks atau true/false saja tidak diterima.'
        : 'Isi permintaan bukan JSON yang sah.';
    return { status, body: { code: 'REQUEST.MALFORMED', message, details: {} }, headers: {}, unexpected: false };
  }
  if (status === 400 && cause instanceof URIError) {
    // Express could not decode a path parameter ("%ZZ", "%", bytes that are not UTF-8).
    return {
      status,
      body: { code: 'REQUEST.MALFORMED', message: 'Alamat (URL) memuat kode persen (%) yang tidak sah; periksa alamat yang dikirim.', details: {} },
      headers: {},
      unexpected: false,
    };
  }
  const known = HTTP_EXCEPTIONS[status] ?? { code: `HTTP.${status}`, message: 'Permintaan tidak dapat dipenuhi.' };
  // The JSON parser's 413 knows the body's size (Content-Length) and the limit: both go in details.
  const details = status === 413 ? tooLargeDetails(cause) : {};
  return { status, body: { ...known, details }, headers: {}, unexpected: false };
}

function tooLargeDetails(cause: unknown): Record<string, number> {
  const length = (cause as { length?: unknown } | undefined)?.length;
  return { limitBytes: JSON_BODY_LIMIT_BYTES, ...(typeof length === 'number' && length > 0 ? { receivedBytes: length } : {}) };
}

function internal(correlationId?: string): ErrorResponse {
  return {
    status: 500,
    body: { ...INTERNAL, details: correlationId ? { correlationId } : {} },
    headers: {},
    unexpected: true,
  };
}

/** The realm of Kinerja's bearer challenge. */
export const AUTH_REALM = 'kinerja';

/** The codes of a bearer token sent but not taken: RFC 6750 §3.1 `invalid_token`. */
const INVALID_TOKEN_CODES = new Set(['AUTH.TOKEN_INVALID', 'AUTH.TOKEN_EXPIRED', 'AUTH.TOKEN_REVOKED']);

/**
 * The challenge every 401 carries (RFC 9110 §11.6.1, RFC 6750 §3): `Bearer realm="kinerja"`, with
 * `error="invalid_token"` when a token was sent and refused (invalid, expired or revoked). Without a
 * token (or with wrong credentials at login) there is no error code: the client just lacks one.
 */
export function bearerChallenge(code: string): string {
  return `Bearer realm="${AUTH_REALM}"${INVALID_TOKEN_CODES.has(code) ? ', error="invalid_token"' : ''}`;
}

/** Any thrown value as the answer a client gets. Pure, so that every branch is tested without HTTP. */
export function toErrorResponse(exception: unknown, correlationId?: string): ErrorResponse {
  const answer = answerOf(exception, correlationId);
  if (answer.status !== 401) return answer;
  return { ...answer, headers: { ...answer.headers, 'WWW-Authenticate': bearerChallenge(answer.body.code) } };
}

function answerOf(exception: unknown, correlationId?: string): ErrorResponse {
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (isConcurrencyError(exception)) {
    return {
      status: 409,
      body: {
        code: 'EVENT_STORE.CONCURRENCY',
        message: 'Data telah diubah oleh orang lain sejak Anda memuatnya. Muat ulang lalu coba lagi.',
        details: exception.details ?? {},
      },
      headers: {},
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) {
    const response = fromHttpException(exception);
    return response.unexpected ? internal(correlationId) : response;
  }
  if (databaseUnavailable(exception)) {
    return {
      status: 503,
      body: { ...DATABASE_UNAVAILABLE, details: correlationId ? { correlationId } : {} },
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      unexpected: false,
    };
  }
  return internal(correlationId);
}

/**
 * Writes an error answer: its status, headers and `{ code, message, details }` as JSON, without
 * an ETag. Express's `res.json` gives every body a weak ETag of its bytes (`W/"b2-…"`); on an error
 * that reads as a version of the resource (elsewhere an ETag is its version, for `If-Match`), and a
 * client sending it back got `400 REQUEST.INVALID_IF_MATCH`. An ETag set before the error (a
 * controller's) is taken off for the same reason.
 */
export function sendErrorResponse(response: Response, answer: ErrorResponse): void {
  response.removeHeader('ETag');
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  const text = JSON.stringify(answer.body);
  response.status(answer.status);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}
