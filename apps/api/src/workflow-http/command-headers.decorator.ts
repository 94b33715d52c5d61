import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorBody } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';

/** Set by `@CommandHeaders()`: the route honours Idempotency-Key (CommandRateGuard lets a replay of it through over the limit). */
export const HONOURS_IDEMPOTENCY_KEY = 'kinerja:honoursIdempotencyKey';

/**
 * The headers every command accepts and the errors every command may give, for the OpenAPI document;
 * and the mark that the route honours Idempotency-Key (it takes `commandOptions(req)`). A command
 * answers the resource's new version in `ETag` (`answer`), unless `versionEtag` is false.
 */
export const CommandHeaders = (options: { versionEtag?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(HONOURS_IDEMPOTENCY_KEY, true),
    ...(options.versionEtag === false ? [] : [VersionEtag()]),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Kunci unik per perintah (mis. UUID). Mengulang permintaan yang sama persis (perintah, alamat dan isi yang sama) dengan kunci yang sama ' +
        'mengembalikan jawaban pertama tanpa mencatat apa pun lagi (header `Idempotent-Replayed: true`). Kunci yang sama untuk perintah lain ' +
        'atau dengan isi berbeda ditolak dengan 422 `IDEMPOTENCY.KEY_REUSED`, dan tidak ada yang dicatat.',
      example: '6f1c2b1e-3c1d-4d5e-9a8b-0c1d2e3f4a5b',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'Versi sumber daya yang terakhir Anda lihat (dari header `ETag` atau field `version`). Versi usang → 409.',
      example: '"3"',
    }),
    ApiResponse({ status: 400, type: ErrorBody, description: 'Isi permintaan tidak dapat dibaca: tipe salah, field tidak dikenal' }),
    ApiUnprocessableEntityResponse({
      type: ErrorBody,
      description: 'Aturan domain dilanggar (kode stabil, mis. REALISASI.MONTH_NOT_ENDED), atau Idempotency-Key dipakai ulang untuk permintaan lain (IDEMPOTENCY.KEY_REUSED)',
    }),
    ApiConflictResponse({ type: ErrorBody, description: 'Versi usang (EVENT_STORE.CONCURRENCY) atau keadaan tidak sesuai (mis. REALISASI.ALREADY_APPROVED)' }),
    ApiResponse({
      status: 429,
      type: ErrorBody,
      description:
        'Akun ini mengirim terlalu banyak perintah dalam waktu singkat (RATE_LIMIT.COMMANDS; batas COMMAND_RATE_BURST sekaligus, lalu ' +
        'COMMAND_RATE_PER_WINDOW per COMMAND_RATE_WINDOW_SECONDS): tidak ada yang dicatat; kirim ulang setelah `Retry-After` detik.',
    }),
    ApiResponse({
      status: 503,
      type: ErrorBody,
      description:
        'Basis data tidak dapat dijangkau (DATABASE.UNAVAILABLE), atau sambungan terputus sebelum hasil perintah diketahui ' +
        '(EVENT_STORE.OUTCOME_UNKNOWN): ulangi setelah `Retry-After` detik dengan Idempotency-Key yang sama; perintah tidak tercatat dua kali.',
    }),
  );
